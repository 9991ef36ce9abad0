// RUN: %race_corpus %s
// VERDICT: no-race
// The balance is always updated between inventory_lock() and inventory_unlock(), thin wrappers over one mutex.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t inventory_mutex = PTHREAD_MUTEX_INITIALIZER;
static int stock = 1000;

static void inventory_lock(void) { pthread_mutex_lock(&inventory_mutex); }
static void inventory_unlock(void) { pthread_mutex_unlock(&inventory_mutex); }

static int take(int n) {
  int ok = 0;
  inventory_lock();
  if (stock >= n) {
    stock -= n;
    ok = 1;
  }
  inventory_unlock();
  return ok;
}

static void *buyer(void *arg) {
  int n = *(int *)arg;
  int bought = 0;
  for (int i = 0; i < 100; ++i)
    bought += take(n);
  *(int *)arg = bought;
  return NULL;
}

int main(void) {
  pthread_t a, b;
  int na = 3, nb = 5;
  pthread_create(&a, NULL, buyer, &na);
  pthread_create(&b, NULL, buyer, &nb);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%d %d %d\n", na, nb, stock);
  return 0;
}
