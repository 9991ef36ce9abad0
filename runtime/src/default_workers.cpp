// default_workers(): how many cores this process may really use (affinity mask and cgroup CPU quota).
#include <sched.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>

#include "boundwise/thread_pool.hpp"

namespace boundwise {
namespace {

std::optional<std::string> read_first_line(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  if (!in || !std::getline(in, line)) return std::nullopt;
  return line;
}

// "quota period" -> ceil(quota / period); "max ..." or garbage -> no limit.
std::optional<std::size_t> cores_from_quota(double quota, double period) {
  if (quota <= 0 || period <= 0) return std::nullopt;
  return static_cast<std::size_t>(std::max(1.0, std::ceil(quota / period)));
}

// cgroup v2: cpu.max of our own cgroup (from /proc/self/cgroup "0::/path"),
// falling back to the root of the mount, which is what a container sees.
std::optional<std::size_t> cgroup_v2_limit() {
  std::optional<std::string> own;
  if (std::ifstream in("/proc/self/cgroup"); in) {
    for (std::string line; std::getline(in, line);)
      if (line.rfind("0::", 0) == 0) own = line.substr(3);
  }
  for (const std::string& dir : {own ? "/sys/fs/cgroup" + *own : std::string(), std::string("/sys/fs/cgroup")}) {
    if (dir.empty()) continue;
    auto line = read_first_line(dir + "/cpu.max");
    if (!line) continue;
    std::istringstream fields(*line);
    std::string quota;
    double period = 0;
    if (!(fields >> quota >> period) || quota == "max") return std::nullopt;
    try {
      return cores_from_quota(std::stod(quota), period);
    } catch (...) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> cgroup_v1_limit() {
  for (const char* dir : {"/sys/fs/cgroup/cpu", "/sys/fs/cgroup/cpu,cpuacct"}) {
    auto quota = read_first_line(std::string(dir) + "/cpu.cfs_quota_us");
    auto period = read_first_line(std::string(dir) + "/cpu.cfs_period_us");
    if (!quota || !period) continue;
    try {
      return cores_from_quota(std::stod(*quota), std::stod(*period));  // quota -1: unlimited
    } catch (...) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

std::size_t default_workers() {
  std::size_t cores = std::thread::hardware_concurrency();
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) == 0) cores = static_cast<std::size_t>(CPU_COUNT(&set));
  if (auto limit = cgroup_v2_limit()) {
    cores = std::min(cores, *limit);
  } else if (auto v1 = cgroup_v1_limit()) {
    cores = std::min(cores, *v1);
  }
  return std::max<std::size_t>(1, cores);
}

}  // namespace boundwise
