// RUN: %race_corpus %s
// VERDICT: race
// main joins the loader but not the indexer, then reads the index count the indexer is still writing.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int loaded;
static int indexed;

static void *loader(void *arg) {
  (void)arg;
  loaded = 1;
  return NULL;
}

static void *indexer(void *arg) {
  (void)arg;
  for (int i = 0; i < 500; i++)
    indexed = i; // RACE
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, loader, NULL);
  pthread_create(&b, NULL, indexer, NULL);
  pthread_detach(b);
  pthread_join(a, NULL);
  printf("%d %d\n", loaded, indexed); // RACE
  usleep(10000);
  return 0;
}
