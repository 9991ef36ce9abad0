// RUN: %race_corpus %s
// VERDICT: no-race
// Each thread gets its own job struct through the void* argument and writes only to it.
#include <pthread.h>
#include <stdio.h>

struct job {
  int from, to;
  long sum;
};

static void *run_job(void *arg) {
  struct job *j = arg;
  for (int i = j->from; i < j->to; ++i)
    j->sum += i;
  return NULL;
}

int main(void) {
  struct job jobs[3] = {{0, 100, 0}, {100, 200, 0}, {200, 300, 0}};
  pthread_t t[3];
  for (int i = 0; i < 3; ++i)
    pthread_create(&t[i], NULL, run_job, &jobs[i]);
  long total = 0;
  for (int i = 0; i < 3; ++i) {
    pthread_join(t[i], NULL);
    total += jobs[i].sum;
  }
  printf("%ld\n", total);
  return 0;
}
