// Accumulation helpers used by holdout/crossfile/omp_*.c.
#ifndef HOLDOUT_ACCUM_H
#define HOLDOUT_ACCUM_H
void accumulate(double x);
double accumulated(void);
void scale_into(double *out, const double *in, int i, double factor);
#endif
