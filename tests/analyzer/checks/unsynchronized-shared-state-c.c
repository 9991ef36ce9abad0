// RUN: %check_boundwise %s boundwise-unsynchronized-shared-state %t -- -std=c11 -pthread
#include <pthread.h>
#include <stddef.h>

static long served;
static long bytes;
static pthread_mutex_t bytes_lock = PTHREAD_MUTEX_INITIALIZER;
static int slots[4];

static void *serve(void *arg) {
  int id = *(int *)arg;
  served++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: data race on 'served': this write can run at the same time as a write by another thread started at the same place (unsynchronized-shared-state-c.c:37), with no lock held [boundwise-unsynchronized-shared-state]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: conflicting write of 'served' in 'serve'
  // CHECK-MESSAGES: :37:5: note: 'serve' runs on a thread started here (pthread_create, several at once)
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'served' is only loaded, stored and updated: as _Atomic long every access is atomic (sequentially consistent)
  // CHECK-FIXES: {{^}}static _Atomic long served;
  pthread_mutex_lock(&bytes_lock);
  bytes += 512;
  pthread_mutex_unlock(&bytes_lock);
  bytes += 64;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: data race on 'bytes': this write can run at the same time as a write by another thread started at the same place (unsynchronized-shared-state-c.c:37), with no lock in common (held: none here, 'bytes_lock' there) [boundwise-unsynchronized-shared-state]
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: conflicting write of 'bytes' in 'serve'
  // CHECK-MESSAGES: :37:5: note: 'serve' runs on a thread started here (pthread_create, several at once)
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: every other access to 'bytes' holds 'bytes_lock': take it here too
  // CHECK-FIXES: {{^}}  pthread_mutex_lock(&bytes_lock); bytes += 64; pthread_mutex_unlock(&bytes_lock);
  // No race: each thread writes its own slot.
  slots[id] = id;
  return NULL;
}

int main(void) {
  pthread_t t[4];
  int ids[4];
  for (int i = 0; i < 4; ++i) {
    ids[i] = i;
    pthread_create(&t[i], NULL, serve, &ids[i]);
  }
  for (int i = 0; i < 4; ++i)
    pthread_join(t[i], NULL);
  return (int)(served + bytes) + slots[2];
}
