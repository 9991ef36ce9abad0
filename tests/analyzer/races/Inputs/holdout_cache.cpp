// get() and put_locked() take the cache mutex; put() forgets to.
#include "holdout_cache.hpp"

bool Cache::get(const std::string &key, std::string &out) {
  std::lock_guard<std::mutex> lk(mu_);
  auto it = entries_.find(key); // RACE
  if (it == entries_.end())
    return false;
  out = it->second; // RACE
  return true;
}

void Cache::put(const std::string &key, const std::string &value) {
  entries_[key] = value; // RACE
}

void Cache::put_locked(const std::string &key, const std::string &value) {
  std::lock_guard<std::mutex> lk(mu_);
  entries_[key] = value;
}
