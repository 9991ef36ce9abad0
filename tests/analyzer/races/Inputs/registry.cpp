// Helper TU for crossfile/locked_registry.cpp: every access to the set holds registry_mu.
#include "registry.hpp"
#include <mutex>
#include <set>

namespace {
std::mutex registry_mu;
std::set<std::string> names;
} // namespace

void register_name(const std::string &name) {
  std::lock_guard<std::mutex> g(registry_mu);
  names.insert(name);
}

std::size_t registered_count() {
  std::lock_guard<std::mutex> g(registry_mu);
  return names.size();
}
