/* Helper TU for crossfile/thread_body_other_file.c: the thread entry point reads a global. */
#include "ticker.h"

void *ticker_main(void *arg) {
  long *elapsed = arg;
  for (int i = 0; i < 100; ++i)
    *elapsed += tick_interval; // RACE
  return 0;
}
