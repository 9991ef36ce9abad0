// RUN: %race_corpus %s
// VERDICT: no-race
// The lookup table is filled before any thread starts; the threads only read it.
#include <pthread.h>
#include <stdio.h>

#define SIZE 256
static int squares[SIZE];

static void *sum_squares(void *arg) {
  long *out = arg;
  long s = 0;
  for (int i = 0; i < SIZE; ++i)
    s += squares[i];
  *out = s;
  return NULL;
}

int main(void) {
  for (int i = 0; i < SIZE; ++i)
    squares[i] = i * i;
  pthread_t a, b;
  long ra, rb;
  pthread_create(&a, NULL, sum_squares, &ra);
  pthread_create(&b, NULL, sum_squares, &rb);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%ld %ld\n", ra, rb);
  return 0;
}
