// RUN: %race_corpus %s
// VERDICT: race
// The consumer checks ready under the mutex, but the producer sets ready and the payload without taking it.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;
static int payload;

static void *producer(void *arg) {
  (void)arg;
  payload = 42; // RACE
  ready = 1; // RACE
  pthread_cond_signal(&cv);
  return NULL;
}

static void *consumer(void *arg) {
  int *out = arg;
  pthread_mutex_lock(&m);
  while (!ready) // RACE
    pthread_cond_wait(&cv, &m);
  *out = payload; // RACE
  pthread_mutex_unlock(&m);
  return NULL;
}

int main(void) {
  pthread_t p, c;
  int got = 0;
  pthread_create(&c, NULL, consumer, &got);
  pthread_create(&p, NULL, producer, NULL);
  pthread_join(p, NULL);
  pthread_join(c, NULL);
  printf("%d\n", got);
  return 0;
}
