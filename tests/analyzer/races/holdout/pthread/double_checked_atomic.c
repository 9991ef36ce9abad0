// RUN: %race_corpus %s
// VERDICT: no-race
// Double-checked locking done right: the pointer is _Atomic, published with release and read with acquire.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

struct config {
  int verbosity;
  int retries;
};

static _Atomic(struct config *) cfg;
static pthread_mutex_t cfg_lock = PTHREAD_MUTEX_INITIALIZER;

static struct config *get_config(void) {
  struct config *c = atomic_load_explicit(&cfg, memory_order_acquire);
  if (c == NULL) {
    pthread_mutex_lock(&cfg_lock);
    c = atomic_load_explicit(&cfg, memory_order_relaxed);
    if (c == NULL) {
      c = malloc(sizeof *c);
      c->verbosity = 2;
      c->retries = 5;
      atomic_store_explicit(&cfg, c, memory_order_release);
    }
    pthread_mutex_unlock(&cfg_lock);
  }
  return c;
}

static void *worker(void *arg) {
  (void)arg;
  return (void *)(long)get_config()->verbosity;
}

int main(void) {
  pthread_t th[4];
  for (int i = 0; i < 4; i++)
    pthread_create(&th[i], NULL, worker, NULL);
  for (int i = 0; i < 4; i++)
    pthread_join(th[i], NULL);
  printf("%d\n", get_config()->retries);
  return 0;
}
