// RUN: %check_boundwise --config="{CheckOptions: {boundwise-unsynchronized-shared-state.SuggestAtomic: 'false', boundwise-unsynchronized-shared-state.SuggestLock: 'false'}}" %s boundwise-unsynchronized-shared-state %t
#include <mutex>
#include <thread>

int hits;
long total;
std::mutex total_mu;

void work() {
  hits++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: data race on 'hits': this write can run at the same time as a write by the thread started at unsynchronized-shared-state-options.cpp:[[@LINE+14]] ('work'), with no lock held [boundwise-unsynchronized-shared-state]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: conflicting write of 'hits' in 'work'
  // CHECK-MESSAGES: :[[@LINE+11]]:15: note: 'work' runs on a thread started here (std::thread)
  // CHECK-MESSAGES: :[[@LINE+11]]:15: note: 'work' runs on a thread started here (std::thread)
  {
    std::lock_guard<std::mutex> lock(total_mu);
    total += 1;
  }
  // Options off: no fix-it is offered, the code stays as it is.
  // CHECK-FIXES: {{^}}int hits;
}

int main() {
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
  return hits + static_cast<int>(total);
}
