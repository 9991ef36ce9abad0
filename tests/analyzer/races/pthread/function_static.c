// RUN: %race_corpus %s
// VERDICT: race
// A function-local static used as an id generator is called from two threads without a lock.
#include <pthread.h>
#include <stdio.h>

static int next_id(void) {
  static int last = 0;
  return ++last; // RACE
}

static void *client(void *arg) {
  int *out = arg;
  for (int i = 0; i < 10; ++i)
    out[i] = next_id();
  return NULL;
}

int main(void) {
  int ids_a[10], ids_b[10];
  pthread_t a, b;
  pthread_create(&a, NULL, client, ids_a);
  pthread_create(&b, NULL, client, ids_b);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%d %d\n", ids_a[9], ids_b[9]);
  return 0;
}
