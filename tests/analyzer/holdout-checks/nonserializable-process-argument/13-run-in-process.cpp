// CHECK: boundwise-nonserializable-process-argument
// run_in_process / run_in_process_on from coroutines follow ProcessPool's
// rules. Thread pools share memory: capturing lambdas are fine there.
#include "holdout_process_pool.hpp"

#include <string>
#include <vector>

int hashed = 0;

int hash_text(std::string s) {
  int h = 7;
  for (char c : s) h = h * 31 + c;
  return h;
}

int hash_and_count(std::string s) {
  hashed += 1;
  return hash_text(s);
}

boundwise::Task<int> score(std::string text, int salt) {
  int a = co_await boundwise::run_in_process([salt](std::string s) { return hash_text(s) ^ salt; }, text);  // WARN
  int b = co_await boundwise::run_in_process(hash_and_count, text);  // WARN
  int c = co_await boundwise::run_in_process(hash_text, text);
  int d = co_await boundwise::run_in_process([](std::string s, int k) { return hash_text(s) ^ k; }, text, salt);
  co_return a + b + c + d;
}

boundwise::Task<int> score_on(boundwise::ProcessPool &pool, boundwise::ThreadPool &threads, std::string text) {
  int local = 3;
  int a = co_await boundwise::run_in_process_on(pool, [&local](std::string s) { return hash_text(s) + local; }, text);  // WARN
  int b = co_await boundwise::run_in_process_on(pool, hash_text, text);
  int c = threads.submit([&local, text] { return hash_text(text) + local; }).get();
  int d = threads.submit([&] { return hash_and_count(text); }).get();
  co_return a + b + c + d;
}

int main() {
  boundwise::ProcessPool pool{2};
  boundwise::ThreadPool threads{2};
  auto t1 = score("abc", 5);
  auto t2 = score_on(pool, threads, "xyz");
  (void)t1;
  (void)t2;
}
