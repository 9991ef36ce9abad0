// RUN: %race_corpus %s
// VERDICT: race
// Threads take only the read side of an rwlock yet update the shared counter, so they race with each other.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>

static pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;
static int lookups;

static void *reader(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i) {
    pthread_rwlock_rdlock(&table_lock);
    lookups++; // RACE
    pthread_rwlock_unlock(&table_lock);
  }
  return NULL;
}

int main(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&t[i], NULL, reader, NULL);
  for (int i = 0; i < 4; ++i)
    pthread_join(t[i], NULL);
  printf("%d\n", lookups);
  return 0;
}
