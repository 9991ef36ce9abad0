// RUN: %race_corpus %s
// VERDICT: race
// On a cache miss the lookup fills the entry while still holding only the read side of the rwlock, so two readers can write it at once.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>

#define SLOTS 32
static pthread_rwlock_t cache_lock = PTHREAD_RWLOCK_INITIALIZER;
static long cache[SLOTS];
static int valid[SLOTS];

static long slow_square(int k) {
  long r = 0;
  for (int i = 0; i < k; i++)
    r += k;
  return r;
}

static long lookup(int k) {
  pthread_rwlock_rdlock(&cache_lock);
  int slot = k % SLOTS;
  if (!valid[slot]) { // RACE
    cache[slot] = slow_square(k); // RACE
    valid[slot] = 1; // RACE
  }
  long v = cache[slot]; // RACE
  pthread_rwlock_unlock(&cache_lock);
  return v;
}

static void *client(void *arg) {
  long *acc = arg;
  for (int i = 0; i < 2000; i++)
    *acc += lookup(i % SLOTS);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  long ra = 0, rb = 0;
  pthread_create(&a, NULL, client, &ra);
  pthread_create(&b, NULL, client, &rb);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%ld %ld\n", ra, rb);
  return 0;
}
