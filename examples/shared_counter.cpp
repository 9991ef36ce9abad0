// Increments a counter from many threads and stamps each batch with the
// local time: a data race on `hits`, and localtime's shared static buffer.
#include <cstdio>
#include <ctime>
#include <thread>
#include <vector>

long hits = 0;

void record_batch(int batch) {
  std::time_t now = std::time(nullptr);
  std::tm parts = *std::localtime(&now);
  for (int i = 0; i < 100000; ++i)
    hits += 1;
  std::printf("batch %d done at %02d:%02d\n", batch, parts.tm_hour, parts.tm_min);
}

int main() {
  std::vector<std::thread> workers;
  for (int t = 0; t < 8; ++t)
    workers.emplace_back(record_batch, t);
  for (auto &w : workers)
    w.join();
  std::printf("%ld hits\n", hits);
}
