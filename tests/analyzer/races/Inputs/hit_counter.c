/* Helper TU for crossfile/global_increment_helper.c: increments a global with no lock. */
#include "hit_counter.h"

static long total_hits;

void record_hit(int weight) {
  total_hits += weight; // RACE
}

long hits_so_far(void) { return total_hits; }
