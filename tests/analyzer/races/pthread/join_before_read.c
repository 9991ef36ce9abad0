// RUN: %race_corpus %s
// VERDICT: no-race
// main reads the worker's result only after pthread_join.
#include <pthread.h>
#include <stdio.h>

static long checksum;

static void *compute(void *arg) {
  const char *text = arg;
  long acc = 0;
  for (const char *p = text; *p; ++p)
    acc = acc * 31 + *p;
  checksum = acc;
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, compute, "hello, world");
  pthread_join(t, NULL);
  printf("%ld\n", checksum);
  return 0;
}
