// RUN: %race_corpus %s
// VERDICT: no-race
// The producer publishes a value under the mutex and signals; the consumer waits on the condition under the same mutex.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int has_item;
static int item;

static void *producer(void *arg) {
  (void)arg;
  pthread_mutex_lock(&m);
  item = 1234;
  has_item = 1;
  pthread_cond_signal(&cv);
  pthread_mutex_unlock(&m);
  return NULL;
}

static void *consumer(void *arg) {
  int *out = arg;
  pthread_mutex_lock(&m);
  while (!has_item)
    pthread_cond_wait(&cv, &m);
  *out = item;
  has_item = 0;
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
