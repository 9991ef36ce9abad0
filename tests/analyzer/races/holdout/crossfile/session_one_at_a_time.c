// RUN: %race_corpus %s %S/../../Inputs/holdout_session.c
// VERDICT: no-race
// The unlocked session helpers in another file are called by one thread at a time: each is joined before the next is created.
#include <pthread.h>
#include <stdio.h>
#include "../../Inputs/holdout_session.h"

static void *client(void *arg) {
  int user = (int)(long)arg;
  for (int i = 0; i < 1000; i++) {
    open_session(user);
    close_session(user);
  }
  return NULL;
}

int main(void) {
  for (long i = 0; i < 3; i++) {
    pthread_t th;
    pthread_create(&th, NULL, client, (void *)i);
    pthread_join(th, NULL);
  }
  printf("%d\n", sessions_opened());
  return 0;
}
