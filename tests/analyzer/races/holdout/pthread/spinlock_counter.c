// RUN: %race_corpus %s
// VERDICT: no-race
// Workers bump a shared packet counter while holding a pthread spinlock; main reads it after joining.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>

static pthread_spinlock_t lock;
static unsigned long packets;

static void *rx(void *arg) {
  int n = *(const int *)arg;
  for (int i = 0; i < n; i++) {
    pthread_spin_lock(&lock);
    packets++;
    pthread_spin_unlock(&lock);
  }
  return NULL;
}

int main(void) {
  pthread_t th[3];
  int n = 20000;
  pthread_spin_init(&lock, PTHREAD_PROCESS_PRIVATE);
  for (int i = 0; i < 3; i++)
    pthread_create(&th[i], NULL, rx, &n);
  for (int i = 0; i < 3; i++)
    pthread_join(th[i], NULL);
  pthread_spin_destroy(&lock);
  printf("%lu\n", packets);
  return 0;
}
