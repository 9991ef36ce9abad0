/* Helper TU for crossfile/lock_wrappers_other_file.c. */
#include <pthread.h>
#include "guard.h"

static pthread_mutex_t guard_mutex = PTHREAD_MUTEX_INITIALIZER;

void guard_enter(void) { pthread_mutex_lock(&guard_mutex); }
void guard_leave(void) { pthread_mutex_unlock(&guard_mutex); }
