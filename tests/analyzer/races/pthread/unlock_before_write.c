// RUN: %race_corpus %s
// VERDICT: race
// The thread checks the cache under the lock but releases it before filling the slot.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static int cache_valid;
static int cache_value;

static void *lookup(void *arg) {
  int key = *(int *)arg;
  pthread_mutex_lock(&cache_lock);
  int valid = cache_valid;
  pthread_mutex_unlock(&cache_lock);
  if (!valid) {
    cache_value = key * key; // RACE
    pthread_mutex_lock(&cache_lock);
    cache_valid = 1;
    pthread_mutex_unlock(&cache_lock);
  }
  return NULL;
}

int main(void) {
  pthread_t a, b;
  int ka = 3, kb = 4;
  pthread_create(&a, NULL, lookup, &ka);
  pthread_create(&b, NULL, lookup, &kb);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%d\n", cache_value);
  return 0;
}
