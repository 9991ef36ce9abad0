// RUN: %race_corpus %s
// VERDICT: race
// The producer posts the semaphore before it fills the slot, so the consumer's read is not ordered after the write.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t filled;
static double slot;

static void *producer(void *arg) {
  (void)arg;
  sem_post(&filled);
  slot = 3.25; // RACE
  return NULL;
}

static void *consumer(void *arg) {
  double *out = arg;
  sem_wait(&filled);
  *out = slot; // RACE
  return NULL;
}

int main(void) {
  pthread_t p, c;
  double got = 0;
  sem_init(&filled, 0, 0);
  pthread_create(&c, NULL, consumer, &got);
  pthread_create(&p, NULL, producer, NULL);
  pthread_join(p, NULL);
  pthread_join(c, NULL);
  sem_destroy(&filled);
  printf("%f\n", got);
  return 0;
}
