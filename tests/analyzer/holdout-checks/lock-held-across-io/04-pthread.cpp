// CHECK: boundwise-lock-held-across-io
// pthread_mutex_lock(&m) ... pthread_mutex_unlock(&m) around stdio file I/O.
#include <pthread.h>

#include <cstdio>
#include <cstring>

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static char table[64][32];
static int rows = 0;

void save_locked(const char *path) {
  pthread_mutex_lock(&table_lock);
  FILE *f = std::fopen(path, "w");  // WARN
  if (f) std::fwrite(table, sizeof table[0], static_cast<std::size_t>(rows), f);  // WARN
  pthread_mutex_unlock(&table_lock);
  if (f) std::fclose(f);
}

void save(const char *path) {
  char copy[64][32];
  pthread_mutex_lock(&table_lock);
  int n = rows;
  std::memcpy(copy, table, sizeof copy);
  pthread_mutex_unlock(&table_lock);
  FILE *f = std::fopen(path, "w");
  if (f) {
    std::fwrite(copy, sizeof copy[0], static_cast<std::size_t>(n), f);
    std::fclose(f);
  }
}

void add_row(const char *s) {
  pthread_mutex_lock(&table_lock);
  if (rows < 64) std::strncpy(table[rows++], s, 31);
  pthread_mutex_unlock(&table_lock);
}

int main() {
  add_row("x");
  save_locked("/tmp/t1");
  save("/tmp/t2");
}
