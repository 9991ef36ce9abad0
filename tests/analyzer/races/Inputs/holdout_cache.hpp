// A string cache used by holdout/crossfile/cache_*.cpp.
#pragma once
#include <map>
#include <mutex>
#include <string>

class Cache {
public:
  bool get(const std::string &key, std::string &out);
  void put(const std::string &key, const std::string &value);
  void put_locked(const std::string &key, const std::string &value);

private:
  std::mutex mu_;
  std::map<std::string, std::string> entries_;
};
