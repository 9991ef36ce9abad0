// Workers started from a header: the finding and its note are both in this
// header, so it is shown only when --header-filter matches it.
#include <cstdlib>
#include <thread>
#include <vector>

inline int header_roll() { return rand(); }

inline void start_workers() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i)
    threads.emplace_back([] { header_roll(); });
  for (auto &t : threads)
    t.join();
}
