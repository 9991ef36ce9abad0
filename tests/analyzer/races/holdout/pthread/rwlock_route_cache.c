// RUN: %race_corpus %s
// VERDICT: no-race
// Lookups read the route cache under the read side of an rwlock; the refresher rewrites entries under the write side.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>

#define ROUTES 16
static pthread_rwlock_t routes_lock = PTHREAD_RWLOCK_INITIALIZER;
static int next_hop[ROUTES];
static unsigned generation;

static int lookup(int dst, unsigned *gen) {
  pthread_rwlock_rdlock(&routes_lock);
  int hop = next_hop[dst % ROUTES];
  *gen = generation;
  pthread_rwlock_unlock(&routes_lock);
  return hop;
}

static void *reader(void *arg) {
  long *acc = arg;
  unsigned gen;
  for (int i = 0; i < 5000; i++)
    *acc += lookup(i, &gen);
  return NULL;
}

static void *refresher(void *arg) {
  (void)arg;
  for (int round = 0; round < 50; round++) {
    pthread_rwlock_wrlock(&routes_lock);
    for (int r = 0; r < ROUTES; r++)
      next_hop[r] = (r + round) % 7;
    generation++;
    pthread_rwlock_unlock(&routes_lock);
  }
  return NULL;
}

int main(void) {
  pthread_t r1, r2, w;
  long a1 = 0, a2 = 0;
  pthread_create(&r1, NULL, reader, &a1);
  pthread_create(&r2, NULL, reader, &a2);
  pthread_create(&w, NULL, refresher, NULL);
  pthread_join(r1, NULL);
  pthread_join(r2, NULL);
  pthread_join(w, NULL);
  printf("%ld %ld %u\n", a1, a2, generation);
  return 0;
}
