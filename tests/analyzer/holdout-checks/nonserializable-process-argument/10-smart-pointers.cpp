// CHECK: boundwise-nonserializable-process-argument
// shared_ptr / unique_ptr to shared mutable state: the worker gets (at best)
// a copy of the pointee, and the writes are lost. Send the value and return
// the new value.
#include "holdout_process_pool.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

struct Cache {
  std::map<std::string, int> entries;
};

int insert_into(std::shared_ptr<Cache> cache, std::string key) {
  cache->entries[key] += 1;
  return static_cast<int>(cache->entries.size());
}

int size_of(std::unique_ptr<Cache> cache) { return static_cast<int>(cache->entries.size()); }

Cache with_key(Cache cache, std::string key) {
  cache.entries[key] += 1;
  return cache;
}

int size_of_copy(const Cache &cache) { return static_cast<int>(cache.entries.size()); }

int main() {
  boundwise::ProcessPool pool;
  auto shared = std::make_shared<Cache>();
  auto a = pool.submit(insert_into, shared, std::string("alpha"));  // WARN
  auto b = pool.submit(size_of, std::make_unique<Cache>());  // WARN
  std::vector<std::shared_ptr<Cache>> caches{shared, std::make_shared<Cache>()};
  auto c = pool.map([](std::shared_ptr<Cache> p) { return static_cast<int>(p->entries.size()); }, caches);  // WARN

  Cache updated = pool.submit(with_key, *shared, std::string("beta")).get();
  auto ok = pool.submit(size_of_copy, updated);
  std::vector<Cache> copies{updated, *shared};
  auto sizes = pool.map(size_of_copy, copies);
  shared->entries = updated.entries;
  return a.get() + b.get() + static_cast<int>(c.size()) + ok.get() + static_cast<int>(sizes.size());
}
