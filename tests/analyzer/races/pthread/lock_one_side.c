// RUN: %race_corpus %s
// VERDICT: race
// The logger appends under the mutex, but the reporter reads the count without taking it.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static int log_entries;

static void *logger(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i) {
    pthread_mutex_lock(&log_lock);
    log_entries = log_entries + 1; // RACE
    pthread_mutex_unlock(&log_lock);
  }
  return NULL;
}

static void *reporter(void *arg) {
  (void)arg;
  int seen = 0;
  for (int i = 0; i < 100; ++i)
    seen += log_entries; // RACE
  return (void *)(long)seen;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, logger, NULL);
  pthread_create(&b, NULL, reporter, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%d\n", log_entries);
  return 0;
}
