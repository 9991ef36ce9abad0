// RUN: %race_corpus %s
// VERDICT: no-race
// Each worker writes the partial field of its own struct; main adds the partials after joining.
#include <pthread.h>
#include <stdio.h>

#define NT 4
#define N 40000

struct range {
  const int *data;
  int begin, end;
  long partial;
};

static void *sum_range(void *arg) {
  struct range *r = arg;
  long s = 0;
  for (int i = r->begin; i < r->end; i++)
    s += r->data[i];
  r->partial = s;
  return NULL;
}

int main(void) {
  static int data[N];
  pthread_t th[NT];
  struct range rs[NT];
  for (int i = 0; i < N; i++)
    data[i] = i % 7;
  for (int t = 0; t < NT; t++) {
    rs[t] = (struct range){data, t * (N / NT), (t + 1) * (N / NT), 0};
    pthread_create(&th[t], NULL, sum_range, &rs[t]);
  }
  long total = 0;
  for (int t = 0; t < NT; t++) {
    pthread_join(th[t], NULL);
    total += rs[t].partial;
  }
  printf("%ld\n", total);
  return 0;
}
