// RUN: %race_corpus %s
// VERDICT: no-race
// Bank simulation: every account has its own mutex; transfers lock both accounts in index order, audits lock each account.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define ACCOUNTS 8
#define TELLERS 4
#define OPS 5000

struct account {
  pthread_mutex_t lock;
  long balance;
};

static struct account bank[ACCOUNTS];

static void transfer(int from, int to, long amount) {
  if (from == to)
    return;
  struct account *first = &bank[from < to ? from : to];
  struct account *second = &bank[from < to ? to : from];
  pthread_mutex_lock(&first->lock);
  pthread_mutex_lock(&second->lock);
  if (bank[from].balance >= amount) {
    bank[from].balance -= amount;
    bank[to].balance += amount;
  }
  pthread_mutex_unlock(&second->lock);
  pthread_mutex_unlock(&first->lock);
}

static long audit(void) {
  long sum = 0;
  for (int i = 0; i < ACCOUNTS; i++) {
    pthread_mutex_lock(&bank[i].lock);
    sum += bank[i].balance;
    pthread_mutex_unlock(&bank[i].lock);
  }
  return sum;
}

static void *teller(void *arg) {
  unsigned seed = (unsigned)(long)arg * 7919u + 1;
  for (int op = 0; op < OPS; op++) {
    seed = seed * 1103515245u + 12345u;
    int from = (seed >> 8) % ACCOUNTS;
    int to = (seed >> 16) % ACCOUNTS;
    transfer(from, to, (long)(seed % 50));
    if (op % 1000 == 0)
      (void)audit();
  }
  return NULL;
}

int main(void) {
  pthread_t th[TELLERS];
  for (int i = 0; i < ACCOUNTS; i++) {
    pthread_mutex_init(&bank[i].lock, NULL);
    bank[i].balance = 1000;
  }
  for (long t = 0; t < TELLERS; t++)
    pthread_create(&th[t], NULL, teller, (void *)t);
  for (int t = 0; t < TELLERS; t++)
    pthread_join(th[t], NULL);
  printf("total=%ld\n", audit());
  for (int i = 0; i < ACCOUNTS; i++)
    pthread_mutex_destroy(&bank[i].lock);
  return 0;
}
