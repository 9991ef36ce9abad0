// RUN: %race_corpus %s
// VERDICT: no-race
// Readers read the config under the read lock; the single writer updates it under the write lock.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>

static pthread_rwlock_t config_lock = PTHREAD_RWLOCK_INITIALIZER;
static int timeout_ms = 100;
static int retries = 3;

static void *reader(void *arg) {
  long sum = 0;
  for (int i = 0; i < 1000; ++i) {
    pthread_rwlock_rdlock(&config_lock);
    sum += timeout_ms * retries;
    pthread_rwlock_unlock(&config_lock);
  }
  *(long *)arg = sum;
  return NULL;
}

static void *writer(void *arg) {
  (void)arg;
  for (int i = 0; i < 10; ++i) {
    pthread_rwlock_wrlock(&config_lock);
    timeout_ms += 10;
    retries = i % 5;
    pthread_rwlock_unlock(&config_lock);
  }
  return NULL;
}

int main(void) {
  pthread_t r[3], w;
  long sums[3];
  for (int i = 0; i < 3; ++i)
    pthread_create(&r[i], NULL, reader, &sums[i]);
  pthread_create(&w, NULL, writer, NULL);
  for (int i = 0; i < 3; ++i)
    pthread_join(r[i], NULL);
  pthread_join(w, NULL);
  printf("%ld %ld %ld\n", sums[0], sums[1], sums[2]);
  return 0;
}
