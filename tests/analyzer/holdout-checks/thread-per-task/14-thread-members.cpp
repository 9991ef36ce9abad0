// CHECK: boundwise-thread-per-task
// A downloader class that starts a thread per URL and stores it in a member.
#include <string>
#include <thread>
#include <vector>

void fetch(const std::string &url) { (void)url.size(); }

class Downloader {
 public:
  void start_all(const std::vector<std::string> &urls) {
    for (const auto &u : urls) workers_.emplace_back(fetch, u);  // WARN
  }
  void start_all_lambda(const std::vector<std::string> &urls) {
    for (const auto &u : urls) workers_.emplace_back([u] { fetch(u); });  // WARN
  }
  void start_two(const std::vector<std::string> &urls) {
    workers_.emplace_back([urls] { for (std::size_t i = 0; i < urls.size(); i += 2) fetch(urls[i]); });
    workers_.emplace_back([urls] { for (std::size_t i = 1; i < urls.size(); i += 2) fetch(urls[i]); });
  }
  void wait() {
    for (auto &t : workers_) t.join();
    workers_.clear();
  }

 private:
  std::vector<std::thread> workers_;
};

int main() {
  Downloader d;
  std::vector<std::string> urls{"a", "b"};
  d.start_all(urls);
  d.wait();
  d.start_all_lambda(urls);
  d.wait();
  d.start_two(urls);
  d.wait();
}
