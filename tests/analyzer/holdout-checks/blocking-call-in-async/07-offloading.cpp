// CHECK: boundwise-blocking-call-in-async
// Blocking work handed to to_thread / to_thread_on / run_in_process or to a
// pool runs off the loop: not reported, nor are lambdas handed to them.
#include <boundwise/async.hpp>
#include <boundwise/thread_pool.hpp>

#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

using namespace std::chrono_literals;

std::string legacy_db_lookup(std::string key) {
  std::this_thread::sleep_for(20ms);
  return key + "=1";
}

long score_row(std::string text) {
  long s = 0;
  for (int r = 0; r < 1000; ++r)
    for (char c : text) s += c * r;
  return s;
}

boundwise::Task<std::string> handle(std::string key, boundwise::ThreadPool &io) {
  std::string row = co_await boundwise::to_thread(legacy_db_lookup, key);
  std::string row2 = co_await boundwise::to_thread_on(io, legacy_db_lookup, key + "2");
  long score = co_await boundwise::run_in_process(score_row, row);
  std::string row3 = co_await boundwise::to_thread([key] {
    std::this_thread::sleep_for(5ms);
    return legacy_db_lookup(key + "3");
  });
  std::string row4 = co_await io.submit(legacy_db_lookup, key + "4");
  boundwise::Future<std::string> later = io.submit([key] { return legacy_db_lookup(key); });
  std::string row5 = co_await later;
  co_return row + row2 + row3 + row4 + row5 + std::to_string(score);
}

boundwise::Task<std::string> handle_inline(std::string key) {
  std::string row = legacy_db_lookup(key);  // WARN
  co_return row;
}

int main() {
  boundwise::ThreadPool io{4};
  boundwise::run(handle("k", io));
  boundwise::run(handle_inline("k"));
}
