// RUN: %race_corpus %s
// VERDICT: no-race
// Each thread fills results[tid]; main joins in reverse order and reads every slot only after all joins.
#include <pthread.h>
#include <stdio.h>

#define NT 6
static long results[NT];

static void *square_sum(void *arg) {
  long tid = (long)arg;
  long s = 0;
  for (long i = 0; i <= tid * 1000; i++)
    s += i * i % 11;
  results[tid] = s;
  return NULL;
}

int main(void) {
  pthread_t th[NT];
  for (long t = 0; t < NT; t++)
    pthread_create(&th[t], NULL, square_sum, (void *)t);
  for (int t = NT - 1; t >= 0; t--)
    pthread_join(th[t], NULL);
  long total = 0;
  for (int t = 0; t < NT; t++)
    total += results[t];
  printf("%ld\n", total);
  return 0;
}
