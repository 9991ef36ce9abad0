// CHECK: boundwise-nonserializable-process-argument
// Task functions that write globals or statics: the write happens in the
// worker and the parent never sees it. Reading constants is fine.
#include <boundwise/process_pool.hpp>

#include <string>
#include <vector>

int processed = 0;
long long total_bytes = 0;
std::vector<std::string> seen;
const int kTable[4] = {1, 10, 100, 1000};
constexpr double kScale = 2.5;

int tally(int x) {
  ++processed;
  return x;
}

long measure(std::string s) {
  total_bytes += static_cast<long long>(s.size());
  return static_cast<long>(s.size());
}

int remember(std::string s) {
  seen.push_back(s);
  return static_cast<int>(seen.size());
}

int next_id(int base) {
  static int counter = 0;
  return base + ++counter;
}

static void note_processed() { processed += 1; }
int work_and_note(int x) {
  note_processed();
  return x * 2;
}

int lookup(int i) { return kTable[i % 4]; }
double scaled(double v) { return v * kScale; }
int local_only(int x) {
  int acc = 0;
  for (int i = 0; i < x; ++i) acc += i;
  return acc;
}
int reads_global(int x) { return x + processed; }

int main() {
  boundwise::ProcessPool pool;
  std::vector<int> xs{1, 2, 3};
  std::vector<std::string> names{"a", "bb"};
  auto r1 = pool.map(tally, xs);  // WARN
  auto r2 = pool.submit(measure, std::string("payload"));  // WARN
  auto r3 = pool.map(remember, names);  // WARN
  auto r4 = pool.submit(next_id, 100);  // WARN
  auto r5 = pool.map(work_and_note, xs);  // WARN

  auto ok1 = pool.map(lookup, xs);
  auto ok2 = pool.submit(scaled, 4.0);
  auto ok3 = pool.map(local_only, xs);
  auto ok4 = pool.submit(reads_global, 1);
  for (int v : r1) processed += v;
  return static_cast<int>(r1.size() + r3.size() + r5.size() + ok1.size() + ok3.size()) + static_cast<int>(r2.get()) +
         r4.get() + static_cast<int>(ok2.get()) + ok4.get();
}
