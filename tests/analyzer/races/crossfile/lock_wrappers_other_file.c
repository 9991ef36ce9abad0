// RUN: %race_corpus %s %S/../Inputs/guard.c
// VERDICT: no-race
// Every access to the shared balance sits between guard_enter() and guard_leave(), wrappers defined in another file.
#include <pthread.h>
#include <stdio.h>
#include "../Inputs/guard.h"

static long balance;

static void *deposit(void *arg) {
  long amount = *(long *)arg;
  for (int i = 0; i < 100; ++i) {
    guard_enter();
    balance += amount;
    guard_leave();
  }
  return NULL;
}

int main(void) {
  pthread_t a, b;
  long x = 5, y = -3;
  pthread_create(&a, NULL, deposit, &x);
  pthread_create(&b, NULL, deposit, &y);
  guard_enter();
  long seen = balance;
  guard_leave();
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%ld %ld\n", seen, balance);
  return 0;
}
