// RUN: %race_corpus %s
// VERDICT: race
// Each thread holds a lock while it writes the queue length, but not the same lock.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t producer_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t consumer_lock = PTHREAD_MUTEX_INITIALIZER;
static int queue_len;

static void *producer(void *arg) {
  (void)arg;
  for (int i = 0; i < 500; ++i) {
    pthread_mutex_lock(&producer_lock);
    queue_len++; // RACE
    pthread_mutex_unlock(&producer_lock);
  }
  return NULL;
}

static void *consumer(void *arg) {
  (void)arg;
  for (int i = 0; i < 500; ++i) {
    pthread_mutex_lock(&consumer_lock);
    if (queue_len > 0) // RACE
      queue_len--; // RACE
    pthread_mutex_unlock(&consumer_lock);
  }
  return NULL;
}

int main(void) {
  pthread_t p, c;
  pthread_create(&p, NULL, producer, NULL);
  pthread_create(&c, NULL, consumer, NULL);
  pthread_join(p, NULL);
  pthread_join(c, NULL);
  printf("%d\n", queue_len);
  return 0;
}
