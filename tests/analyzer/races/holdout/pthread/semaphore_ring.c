// RUN: %race_corpus %s
// VERDICT: no-race
// Single-producer single-consumer ring buffer with counting semaphores for empty and full slots.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

#define CAP 8
#define ITEMS 1000
static int ring[CAP];
static sem_t empty_slots, full_slots;

static void *producer(void *arg) {
  (void)arg;
  int head = 0;
  for (int i = 0; i < ITEMS; i++) {
    sem_wait(&empty_slots);
    ring[head] = i;
    head = (head + 1) % CAP;
    sem_post(&full_slots);
  }
  return NULL;
}

static void *consumer(void *arg) {
  long *sum = arg;
  int tail = 0;
  for (int i = 0; i < ITEMS; i++) {
    sem_wait(&full_slots);
    *sum += ring[tail];
    tail = (tail + 1) % CAP;
    sem_post(&empty_slots);
  }
  return NULL;
}

int main(void) {
  pthread_t p, c;
  long sum = 0;
  sem_init(&empty_slots, 0, CAP);
  sem_init(&full_slots, 0, 0);
  pthread_create(&p, NULL, producer, NULL);
  pthread_create(&c, NULL, consumer, &sum);
  pthread_join(p, NULL);
  pthread_join(c, NULL);
  printf("%ld\n", sum);
  return 0;
}
