// CHECK: boundwise-pool-in-loop
// A class whose method builds a pool, called from a loop; and a class that
// owns its pool and reuses it.
#include <boundwise/thread_pool.hpp>

#include <string>
#include <vector>

std::string reverse(const std::string &s) { return std::string(s.rbegin(), s.rend()); }

class Indexer {
 public:
  std::vector<std::string> index(const std::vector<std::string> &docs) {
    boundwise::ThreadPool pool{4};  // WARN
    return pool.map(reverse, docs);
  }
};

class PooledIndexer {
 public:
  PooledIndexer() : pool_(4) {}
  std::vector<std::string> index(const std::vector<std::string> &docs) { return pool_.map(reverse, docs); }

 private:
  boundwise::ThreadPool pool_;
};

std::size_t run(const std::vector<std::vector<std::string>> &shards) {
  Indexer ix;
  PooledIndexer pix;
  std::size_t n = 0;
  for (const auto &s : shards) {
    n += ix.index(s).size();
    n += pix.index(s).size();
  }
  return n;
}

int main() {
  std::vector<std::vector<std::string>> shards{{"ab"}, {"cd", "ef"}};
  return static_cast<int>(run(shards));
}
