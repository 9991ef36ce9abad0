// accumulate() keeps a plain global running total; scale_into() touches only the element it is given.
#include "holdout_accum.h"

static double running_total;

void accumulate(double x) {
  running_total += x; // RACE
}

double accumulated(void) { return running_total; }

void scale_into(double *out, const double *in, int i, double factor) {
  out[i] = in[i] * factor;
}
