// RUN: %race_corpus %s
// VERDICT: race
// When pthread_mutex_trylock fails the worker updates the counter anyway, without holding the lock.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static long events;

static void *worker(void *arg) {
  (void)arg;
  for (int i = 0; i < 100000; i++) {
    if (pthread_mutex_trylock(&m) == 0) {
      events++; // RACE
      pthread_mutex_unlock(&m);
    } else {
      events++; // RACE
    }
  }
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, worker, NULL);
  pthread_create(&b, NULL, worker, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%ld\n", events);
  return 0;
}
