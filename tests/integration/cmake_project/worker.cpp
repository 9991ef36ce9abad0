#include "worker.h"

#include <cstdlib>

// Runs on APP_WORKERS threads at once (main.cpp): rand() races with itself.
int worker_roll() { return rand() % 6; }
