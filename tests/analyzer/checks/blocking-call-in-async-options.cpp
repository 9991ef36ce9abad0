// RUN: %check_boundwise --config="{CheckOptions: {boundwise-blocking-call-in-async.CoroutineTypes: 'app::Lazy', boundwise-blocking-call-in-async.CpuCostThresholdMicros: '10'}}" %s boundwise-blocking-call-in-async %t -- -I%S/Inputs
// CoroutineTypes adds event-loop coroutine types; CpuCostThresholdMicros
// lowers the CPU cost a call may take on the loop.
#include "boundwise_async_standin.h"

#include <algorithm>
#include <coroutine>
#include <thread>
#include <unistd.h>
#include <vector>

namespace app {
template <class T> struct Lazy {
  struct promise_type {
    Lazy get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
};
} // namespace app

app::Lazy<int> tick() {
  usleep(1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'usleep' [sleep] in coroutine 'tick'
  co_return 1;
}

boundwise::Task<int> sorted_size(std::vector<int> v) {
  std::sort(v.begin(), v.end());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CPU-bound call 'std::sort' (~60 us: std::sort [compute]) in coroutine 'sorted_size'
  co_return static_cast<int>(v.size());
}

boundwise::Task<int> small(std::vector<int> v) {
  co_return static_cast<int>(v.size()); // cheap: nothing to report
}
