// RUN: %race_corpus %s
// XFAIL: *
// Known miss of boundwise (2026-11-25): each job id leaves the queue once; boundwise cannot know the queue hands out distinct ids.
// VERDICT: no-race
// A bounded job queue in the style of a thread pool: producer and workers touch the queue and the shutdown flag only under one mutex, with two condition variables.
#include <pthread.h>
#include <stdio.h>

#define CAP 16
#define WORKERS 3
#define JOBS 500

struct queue {
  pthread_mutex_t lock;
  pthread_cond_t not_empty, not_full;
  int items[CAP];
  int head, tail, count;
  int closed;
};

static struct queue q = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, PTHREAD_COND_INITIALIZER};
static long results[JOBS];

static void push(struct queue *qu, int job) {
  pthread_mutex_lock(&qu->lock);
  while (qu->count == CAP)
    pthread_cond_wait(&qu->not_full, &qu->lock);
  qu->items[qu->tail] = job;
  qu->tail = (qu->tail + 1) % CAP;
  qu->count++;
  pthread_cond_signal(&qu->not_empty);
  pthread_mutex_unlock(&qu->lock);
}

static int pop(struct queue *qu, int *job) {
  pthread_mutex_lock(&qu->lock);
  while (qu->count == 0 && !qu->closed)
    pthread_cond_wait(&qu->not_empty, &qu->lock);
  if (qu->count == 0) {
    pthread_mutex_unlock(&qu->lock);
    return 0;
  }
  *job = qu->items[qu->head];
  qu->head = (qu->head + 1) % CAP;
  qu->count--;
  pthread_cond_signal(&qu->not_full);
  pthread_mutex_unlock(&qu->lock);
  return 1;
}

static void close_queue(struct queue *qu) {
  pthread_mutex_lock(&qu->lock);
  qu->closed = 1;
  pthread_cond_broadcast(&qu->not_empty);
  pthread_mutex_unlock(&qu->lock);
}

static void *worker(void *arg) {
  (void)arg;
  int job;
  while (pop(&q, &job))
    results[job] = (long)job * job; /* each job id is pushed exactly once */
  return NULL;
}

int main(void) {
  pthread_t th[WORKERS];
  for (int i = 0; i < WORKERS; i++)
    pthread_create(&th[i], NULL, worker, NULL);
  for (int j = 0; j < JOBS; j++)
    push(&q, j);
  close_queue(&q);
  for (int i = 0; i < WORKERS; i++)
    pthread_join(th[i], NULL);
  long sum = 0;
  for (int j = 0; j < JOBS; j++)
    sum += results[j];
  printf("%ld\n", sum);
  return 0;
}
