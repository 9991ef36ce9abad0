// CHECK: boundwise-oversized-pool
// Sizes derived from the core count: CPU-bound thread pools may use up to
// 2 x cores.
#include <boundwise/thread_pool.hpp>

#include <unistd.h>

#include <thread>
#include <vector>

std::vector<int> blur_row(std::vector<int> row) {
  std::vector<int> out(row.size());
  for (std::size_t i = 1; i + 1 < row.size(); ++i) out[i] = (row[i - 1] + 2 * row[i] + row[i + 1]) / 4;
  return out;
}

using Image = std::vector<std::vector<int>>;

Image blur_4x(const Image &img) {
  boundwise::ThreadPool pool{std::thread::hardware_concurrency() * 4};  // WARN
  return pool.map(blur_row, img);
}

Image blur_8x(const Image &img) {
  boundwise::ThreadPool pool(boundwise::default_workers() * 8);  // WARN
  return pool.map(blur_row, img);
}

Image blur_shift(const Image &img) {
  boundwise::ThreadPool pool{static_cast<std::size_t>(sysconf(_SC_NPROCESSORS_ONLN)) << 2};  // WARN
  return pool.map(blur_row, img);
}

Image blur_2x(const Image &img) {
  boundwise::ThreadPool pool{std::thread::hardware_concurrency() * 2};
  return pool.map(blur_row, img);
}

Image blur_1x(const Image &img) {
  boundwise::ThreadPool pool{std::thread::hardware_concurrency()};
  return pool.map(blur_row, img);
}

Image blur_half(const Image &img) {
  boundwise::ThreadPool pool{std::thread::hardware_concurrency() / 2};
  return pool.map(blur_row, img);
}

Image blur_default(const Image &img) {
  boundwise::ThreadPool pool{boundwise::default_workers()};
  return pool.map(blur_row, img);
}

int main() {
  Image img(64, std::vector<int>(64, 1));
  return static_cast<int>(blur_4x(img).size() + blur_8x(img).size() + blur_shift(img).size() + blur_2x(img).size() +
                          blur_1x(img).size() + blur_half(img).size() + blur_default(img).size());
}
