// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// Only the outer loop index is private; the inner index j is declared outside the region and shared by all threads.
#include <stdio.h>

#define ROWS 64
#define COLS 64

int main(void) {
  static double m[ROWS][COLS];
  int i, j;
#pragma omp parallel for
  for (i = 0; i < ROWS; i++)
    for (j = 0; j < COLS; j++) // RACE
      m[i][j] = i * 0.5 + j; // RACE
  printf("%f\n", m[ROWS - 1][COLS - 1]);
  return 0;
}
