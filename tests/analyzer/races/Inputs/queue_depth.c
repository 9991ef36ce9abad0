/* Helper TU for crossfile/lock_one_side_other_file.c: this side takes the lock. */
#include "queue_depth.h"

int queue_depth;
pthread_mutex_t depth_lock = PTHREAD_MUTEX_INITIALIZER;

void depth_push(void) {
  pthread_mutex_lock(&depth_lock);
  queue_depth++; // RACE
  pthread_mutex_unlock(&depth_lock);
}
