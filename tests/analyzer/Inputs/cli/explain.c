#include <pthread.h>
#include <stdlib.h>

long *next_slot(int i);

static void *work(void *arg) {
  long *out = arg;
  *out += 1;
  return 0;
}

int main(void) {
  pthread_t t[2];
  for (int i = 0; i < 2; ++i)
    pthread_create(&t[i], 0, work, next_slot(i));
  for (int i = 0; i < 2; ++i)
    pthread_join(t[i], 0);
  return 0;
}
