// RUN: %race_corpus %s
// VERDICT: race
// Each worker gets its own range struct, but all structs point at one total that every worker adds to without a lock.
#include <pthread.h>
#include <stdio.h>

#define NT 4
#define N 40000

struct range {
  const int *data;
  int begin, end;
  long *total;
};

static void *sum_range(void *arg) {
  struct range *r = arg;
  for (int i = r->begin; i < r->end; i++)
    *r->total += r->data[i]; // RACE
  return NULL;
}

int main(void) {
  static int data[N];
  long total = 0;
  pthread_t th[NT];
  struct range rs[NT];
  for (int i = 0; i < N; i++)
    data[i] = i % 7;
  for (int t = 0; t < NT; t++) {
    rs[t] = (struct range){data, t * (N / NT), (t + 1) * (N / NT), &total};
    pthread_create(&th[t], NULL, sum_range, &rs[t]);
  }
  for (int t = 0; t < NT; t++)
    pthread_join(th[t], NULL);
  printf("%ld\n", total);
  return 0;
}
