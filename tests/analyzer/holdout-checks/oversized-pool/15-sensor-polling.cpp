// CHECK: boundwise-oversized-pool
// A sensor poller: reads device files and sleeps between reads. The I/O pool
// is huge; the analytics pool is sized right.
#include <boundwise/thread_pool.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

struct Reading {
  int sensor = 0;
  double value = 0;
};

Reading poll_sensor(int sensor) {
  std::string path = "/sys/class/hwmon/hwmon0/temp" + std::to_string(sensor) + "_input";
  Reading r{sensor, 0};
  for (int attempt = 0; attempt < 3; ++attempt) {
    int fd = open(path.c_str(), O_RDONLY);
    char buf[32] = {};
    if (fd >= 0 && read(fd, buf, sizeof buf - 1) > 0) {
      r.value = std::atof(buf) / 1000.0;
      close(fd);
      break;
    }
    if (fd >= 0) close(fd);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return r;
}

double smooth(const std::vector<double> &series) {
  double s = 0, w = 0;
  for (std::size_t i = 0; i < series.size(); ++i) {
    double k = std::exp(-static_cast<double>(series.size() - i) / 10.0);
    s += series[i] * k;
    w += k;
  }
  return w > 0 ? s / w : 0;
}

std::vector<Reading> poll_all(const std::vector<int> &sensors) {
  boundwise::ThreadPool io{4096};  // WARN
  return io.map(poll_sensor, sensors);
}

std::vector<Reading> poll_all_ok(const std::vector<int> &sensors) {
  boundwise::ThreadPool io{sensors.size()};
  return io.map(poll_sensor, sensors);
}

std::vector<Reading> poll_some(const std::vector<int> &sensors) {
  boundwise::ThreadPool io{32};
  return io.map(poll_sensor, sensors);
}

std::vector<double> analyze(const std::vector<std::vector<double>> &series) {
  boundwise::ThreadPool cpu{boundwise::default_workers()};
  return cpu.map(smooth, series);
}

int main() {
  std::vector<int> sensors{1, 2, 3, 4};
  std::vector<std::vector<double>> series{{1, 2, 3}, {4, 5}};
  return static_cast<int>(poll_all(sensors).size() + poll_all_ok(sensors).size() + poll_some(sensors).size() +
                          analyze(series).size());
}
