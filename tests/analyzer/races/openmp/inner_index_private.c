// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// Both loop indexes are declared inside the loop statements, so each thread has its own.
#include <stdio.h>

#define ROWS 64
#define COLS 64

int main(void) {
  static double m[ROWS][COLS];
#pragma omp parallel for
  for (int i = 0; i < ROWS; i++)
    for (int j = 0; j < COLS; j++)
      m[i][j] = i * 0.5 + j;
  printf("%f\n", m[ROWS - 1][COLS - 1]);
  return 0;
}
