// RUN: %race_corpus %s
// VERDICT: no-race
// The second stage thread joins the first stage thread before reading its output, so the join orders the accesses.
#include <pthread.h>
#include <stdio.h>

static int stage1_out[100];
static long stage2_sum;
static pthread_t stage1;

static void *run_stage1(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; i++)
    stage1_out[i] = i * 2;
  return NULL;
}

static void *run_stage2(void *arg) {
  (void)arg;
  pthread_join(stage1, NULL);
  for (int i = 0; i < 100; i++)
    stage2_sum += stage1_out[i];
  return NULL;
}

int main(void) {
  pthread_t s2;
  pthread_create(&stage1, NULL, run_stage1, NULL);
  pthread_create(&s2, NULL, run_stage2, NULL);
  pthread_join(s2, NULL);
  printf("%ld\n", stage2_sum);
  return 0;
}
