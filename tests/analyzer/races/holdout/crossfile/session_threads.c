// RUN: %race_corpus %s %S/../../Inputs/holdout_session.c
// VERDICT: race
// Several threads call open_session()/close_session(), defined in another file, which update its globals without a lock.
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
  pthread_t th[3];
  for (long i = 0; i < 3; i++)
    pthread_create(&th[i], NULL, client, (void *)i);
  for (int i = 0; i < 3; i++)
    pthread_join(th[i], NULL);
  printf("%d\n", sessions_opened());
  return 0;
}
