// RUN: %race_corpus %s
// VERDICT: no-race
// Two threads write the same global, but the second is created only after the first is joined.
#include <pthread.h>
#include <stdio.h>

static int stage;

static void *advance(void *arg) {
  stage += *(int *)arg;
  return NULL;
}

int main(void) {
  pthread_t t;
  int one = 1, two = 2;
  pthread_create(&t, NULL, advance, &one);
  pthread_join(t, NULL);
  pthread_create(&t, NULL, advance, &two);
  pthread_join(t, NULL);
  printf("%d\n", stage);
  return 0;
}
