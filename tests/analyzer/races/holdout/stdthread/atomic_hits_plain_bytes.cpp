// RUN: %race_corpus %s
// VERDICT: race
// The request count is a std::atomic, but the byte total updated next to it is a plain long shared by all threads.
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

struct ServerStats {
  std::atomic<long> requests{0};
  long bytes = 0;
};

void serve(ServerStats &st, int n) {
  for (int i = 0; i < n; i++) {
    st.requests.fetch_add(1, std::memory_order_relaxed);
    st.bytes += 512 + i % 128; // RACE
  }
}

int main() {
  ServerStats stats;
  std::vector<std::thread> ts;
  for (int t = 0; t < 3; t++)
    ts.emplace_back(serve, std::ref(stats), 1000);
  for (auto &th : ts)
    th.join();
  std::printf("%ld %ld\n", stats.requests.load(), stats.bytes);
}
