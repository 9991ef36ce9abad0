/* Helper TU for crossfile/locked_helper.c: increments a global under a pthread mutex. */
#include <pthread.h>
#include "locked_counter.h"

static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;
static long total;

void locked_add(long n) {
  pthread_mutex_lock(&total_lock);
  total += n;
  pthread_mutex_unlock(&total_lock);
}

long locked_total(void) {
  pthread_mutex_lock(&total_lock);
  long t = total;
  pthread_mutex_unlock(&total_lock);
  return t;
}
