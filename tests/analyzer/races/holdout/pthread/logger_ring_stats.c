// RUN: %race_corpus %s
// VERDICT: race
// A small logger: appends to the ring buffer hold the logger's mutex, but the per-level statistics are bumped after it is released.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define RING 32
#define LINE 64
enum level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_LEVELS };

struct logger {
  pthread_mutex_t lock;
  char lines[RING][LINE];
  unsigned head;
  unsigned long per_level[LOG_LEVELS];
  unsigned long dropped;
};

static struct logger g_log = {.lock = PTHREAD_MUTEX_INITIALIZER};

static void log_msg(struct logger *lg, enum level lv, const char *msg) {
  size_t n = strlen(msg);
  if (n >= LINE) {
    n = LINE - 1;
  }
  pthread_mutex_lock(&lg->lock);
  memcpy(lg->lines[lg->head % RING], msg, n);
  lg->lines[lg->head % RING][n] = '\0';
  lg->head++;
  pthread_mutex_unlock(&lg->lock);
  lg->per_level[lv]++; // RACE
}

static void *client(void *arg) {
  const char *name = arg;
  char buf[LINE];
  for (int i = 0; i < 2000; i++) {
    snprintf(buf, sizeof buf, "%s: request %d", name, i);
    log_msg(&g_log, i % 10 == 0 ? LOG_WARN : LOG_INFO, buf);
  }
  return NULL;
}

static unsigned long total_logged(struct logger *lg) {
  unsigned long t = 0;
  for (int l = 0; l < LOG_LEVELS; l++)
    t += lg->per_level[l];
  return t;
}

int main(void) {
  pthread_t a, b, c;
  pthread_create(&a, NULL, client, "alpha");
  pthread_create(&b, NULL, client, "beta");
  pthread_create(&c, NULL, client, "gamma");
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  pthread_join(c, NULL);
  printf("head=%u logged=%lu last=%s\n", g_log.head, total_logged(&g_log),
         g_log.lines[(g_log.head - 1) % RING]);
  return 0;
}
