// CHECK: boundwise-thread-per-task
// pthread_create once per element, kept running past the iteration.
#include <pthread.h>

#include <cstdio>
#include <vector>

struct Chunk {
  const double *data;
  std::size_t n;
  double sum;
};

void *sum_chunk(void *arg) {
  auto *c = static_cast<Chunk *>(arg);
  c->sum = 0;
  for (std::size_t i = 0; i < c->n; ++i) c->sum += c->data[i];
  return nullptr;
}

double per_chunk(std::vector<Chunk> &chunks) {
  std::vector<pthread_t> tids(chunks.size());
  for (std::size_t i = 0; i < chunks.size(); ++i) pthread_create(&tids[i], nullptr, sum_chunk, &chunks[i]);  // WARN
  double s = 0;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    pthread_join(tids[i], nullptr);
    s += chunks[i].sum;
  }
  return s;
}

double per_chunk_range(std::vector<Chunk> &chunks) {
  std::vector<pthread_t> tids;
  for (Chunk &c : chunks) {
    pthread_t t;
    pthread_create(&t, nullptr, sum_chunk, &c);  // WARN
    tids.push_back(t);
  }
  for (pthread_t t : tids) pthread_join(t, nullptr);
  double s = 0;
  for (const Chunk &c : chunks) s += c.sum;
  return s;
}

double joined_each(std::vector<Chunk> &chunks) {
  double s = 0;
  for (Chunk &c : chunks) {
    pthread_t t;
    pthread_create(&t, nullptr, sum_chunk, &c);
    pthread_join(t, nullptr);
    s += c.sum;
  }
  return s;
}

double four_workers(std::vector<Chunk> &quarters) {
  pthread_t tids[4];
  for (int i = 0; i < 4; ++i) pthread_create(&tids[i], nullptr, sum_chunk, &quarters[static_cast<std::size_t>(i)]);
  for (int i = 0; i < 4; ++i) pthread_join(tids[i], nullptr);
  return quarters[0].sum + quarters[1].sum + quarters[2].sum + quarters[3].sum;
}

int main() {
  std::vector<double> data(100, 1.0);
  std::vector<Chunk> chunks;
  for (std::size_t i = 0; i < 100; i += 25) chunks.push_back({data.data() + i, 25, 0});
  std::printf("%f\n", per_chunk(chunks) + per_chunk_range(chunks) + joined_each(chunks) + four_workers(chunks));
}
