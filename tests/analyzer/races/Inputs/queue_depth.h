/* A queue depth counter and its mutex; depth_push() in queue_depth.c locks it. */
#ifndef QUEUE_DEPTH_H
#define QUEUE_DEPTH_H
#include <pthread.h>
extern int queue_depth;
extern pthread_mutex_t depth_lock;
void depth_push(void);
#endif
