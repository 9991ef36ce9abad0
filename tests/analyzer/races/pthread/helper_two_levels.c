// RUN: %race_corpus %s
// VERDICT: race
// The unlocked write sits two calls below the thread function: worker -> handle_packet -> count_bytes.
#include <pthread.h>
#include <stdio.h>

static unsigned long bytes_seen;

static void count_bytes(int n) {
  bytes_seen += (unsigned long)n; // RACE
}

static void handle_packet(int len) {
  if (len > 0)
    count_bytes(len);
}

static void *worker(void *arg) {
  int base = *(int *)arg;
  for (int i = 0; i < 50; ++i)
    handle_packet(base + i);
  return NULL;
}

int main(void) {
  pthread_t t1, t2;
  int b1 = 10, b2 = 20;
  pthread_create(&t1, NULL, worker, &b1);
  pthread_create(&t2, NULL, worker, &b2);
  pthread_join(t1, NULL);
  pthread_join(t2, NULL);
  printf("%lu\n", bytes_seen);
  return 0;
}
