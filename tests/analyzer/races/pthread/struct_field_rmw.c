// RUN: %race_corpus %s
// VERDICT: race
// A depositor and a withdrawer update the same account's balance field without a lock.
#include <pthread.h>
#include <stdio.h>

struct account {
  char owner[32];
  long balance;
};

static struct account acct = {"alice", 100};

static void *deposit(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; ++i)
    acct.balance += 10; // RACE
  return NULL;
}

static void *withdraw(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; ++i)
    acct.balance -= 10; // RACE
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, deposit, NULL);
  pthread_create(&b, NULL, withdraw, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%s: %ld\n", acct.owner, acct.balance);
  return 0;
}
