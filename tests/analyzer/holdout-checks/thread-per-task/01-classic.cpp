// CHECK: boundwise-thread-per-task
// The classic shape: a vector of threads filled once per element, then
// joined. A fixed set of workers is fine.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

struct Image {
  std::string path;
  int w = 0, h = 0;
};

void resize(Image img) { img.w /= 2; img.h /= 2; }

void resize_all(const std::vector<Image> &images) {
  std::vector<std::thread> threads;
  for (const Image &img : images)
    threads.emplace_back(resize, img);  // WARN
  for (auto &t : threads) t.join();
}

void resize_all_push(const std::vector<Image> &images) {
  std::vector<std::thread> threads;
  threads.reserve(images.size());
  for (const auto &img : images) threads.push_back(std::thread(resize, img));  // WARN
  for (auto &t : threads) t.join();
}

void resize_fixed(const std::vector<Image> &images) {
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> workers;
  for (int i = 0; i < 4; ++i)
    workers.emplace_back([&] {
      for (std::size_t k; (k = next++) < images.size();) resize(images[k]);
    });
  for (auto &t : workers) t.join();
}

int main() {
  std::vector<Image> images(10);
  resize_all(images);
  resize_all_push(images);
  resize_fixed(images);
}
