// RUN: %check_boundwise %s boundwise-unsynchronized-shared-state %t -- -std=c++20 -I%S/Inputs
// Both the variable and the thread's write are in a header whose findings are
// filtered out: the race is reported at the access in this file.
#include "race_counter.h"
#include <thread>

int main() {
  std::thread a(bump);
  long seen = total;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: data race on 'total': this read can run at the same time as a write by the thread started at unsynchronized-shared-state-header.cpp:[[@LINE-2]] ('bump'), with no lock held [boundwise-unsynchronized-shared-state]
  // CHECK-MESSAGES: race_counter.h:2:22: note: conflicting write of 'total' in 'bump'
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: 'bump' runs on a thread started here (std::thread)
  a.join();
  long after = total; // joined: no race
  return static_cast<int>(seen + after);
}
