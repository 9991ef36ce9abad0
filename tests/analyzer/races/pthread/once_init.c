// RUN: %race_corpus %s
// VERDICT: no-race
// The shared table is built exactly once through pthread_once and only read afterwards.
#include <pthread.h>
#include <stdio.h>

static pthread_once_t table_once = PTHREAD_ONCE_INIT;
static int crc_table[256];

static void build_table(void) {
  for (int i = 0; i < 256; ++i) {
    unsigned c = (unsigned)i;
    for (int k = 0; k < 8; ++k)
      c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    crc_table[i] = (int)c;
  }
}

static void *checksum(void *arg) {
  pthread_once(&table_once, build_table);
  const unsigned char *s = arg;
  unsigned c = 0xFFFFFFFFu;
  while (*s)
    c = (unsigned)crc_table[(c ^ *s++) & 0xFF] ^ (c >> 8);
  printf("%08x\n", c ^ 0xFFFFFFFFu);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, checksum, "alpha");
  pthread_create(&b, NULL, checksum, "beta");
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
