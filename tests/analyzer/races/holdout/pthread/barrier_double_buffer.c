// RUN: %race_corpus %s
// XFAIL: *
// Known miss of boundwise (2026-11-25): the buffers alternate by s % 2 and (s + 1) % 2; boundwise does not reason about remainders.
// VERDICT: no-race
// Jacobi-style double buffering: each step reads one buffer and writes the other, with a barrier between steps.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>

#define NT 4
#define N 64
#define STEPS 10
static pthread_barrier_t bar;
static double buf[2][N + 2];

static void *relax(void *arg) {
  int id = (int)(long)arg;
  int lo = 1 + id * (N / NT), hi = lo + N / NT;
  for (int s = 0; s < STEPS; s++) {
    const double *cur = buf[s % 2];
    double *next = buf[(s + 1) % 2];
    for (int i = lo; i < hi; i++)
      next[i] = (cur[i - 1] + cur[i] + cur[i + 1]) / 3.0;
    pthread_barrier_wait(&bar);
  }
  return NULL;
}

int main(void) {
  pthread_t th[NT];
  for (int i = 0; i < N + 2; i++)
    buf[0][i] = buf[1][i] = (i == N / 2) ? 100.0 : 0.0;
  pthread_barrier_init(&bar, NULL, NT);
  for (long i = 0; i < NT; i++)
    pthread_create(&th[i], NULL, relax, (void *)i);
  for (int i = 0; i < NT; i++)
    pthread_join(th[i], NULL);
  pthread_barrier_destroy(&bar);
  printf("%f\n", buf[STEPS % 2][N / 2]);
  return 0;
}
