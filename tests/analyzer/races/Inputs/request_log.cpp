// Helper TU for crossfile/extern_global_reader.cpp: the thread body decrements a global defined in the main file.
#include "request_log.hpp"

void serve_requests(int n) {
  for (int i = 0; i < n; ++i)
    if (g_pending > 0) // RACE
      g_pending -= 1; // RACE
}
