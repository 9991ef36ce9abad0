// RUN: %race_corpus %s
// VERDICT: race
// Double-checked locking with a plain pointer: the unlocked first check reads what another thread stores under the lock.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct config {
  int verbosity;
  int retries;
};

static struct config *cfg;
static pthread_mutex_t cfg_lock = PTHREAD_MUTEX_INITIALIZER;

static struct config *get_config(void) {
  if (cfg == NULL) { // RACE
    pthread_mutex_lock(&cfg_lock);
    if (cfg == NULL) {
      struct config *c = malloc(sizeof *c); // RACE
      c->verbosity = 2; // RACE
      c->retries = 5;
      cfg = c; // RACE
    }
    pthread_mutex_unlock(&cfg_lock);
  }
  return cfg; // RACE
}

static void *worker(void *arg) {
  (void)arg;
  return (void *)(long)get_config()->verbosity; // RACE
}

int main(void) {
  pthread_t th[4];
  for (int i = 0; i < 4; i++)
    pthread_create(&th[i], NULL, worker, NULL);
  for (int i = 0; i < 4; i++)
    pthread_join(th[i], NULL);
  printf("%d\n", cfg->retries);
  return 0;
}
