// CHECK: boundwise-oversized-pool
// Blocking libcurl transfers on thread pools (libcurl's API declared here).
#include <boundwise/thread_pool.hpp>

#include <string>
#include <vector>

extern "C" {
typedef void CURL;
typedef int CURLcode;
CURL *curl_easy_init(void);
CURLcode curl_easy_setopt(CURL *curl, int option, ...);
CURLcode curl_easy_perform(CURL *curl);
void curl_easy_cleanup(CURL *curl);
}

constexpr int kCurloptUrl = 10002;

int download(const std::string &url) {
  CURL *c = curl_easy_init();
  curl_easy_setopt(c, kCurloptUrl, url.c_str());
  CURLcode rc = curl_easy_perform(c);
  curl_easy_cleanup(c);
  return rc;
}

std::vector<int> download_all_300(const std::vector<std::string> &urls) {
  boundwise::ThreadPool pool{300};  // WARN
  return pool.map(download, urls);
}

std::vector<int> download_all_2000(const std::vector<std::string> &urls) {
  boundwise::ThreadPool pool{2000};  // WARN
  std::vector<boundwise::Future<int>> fs;
  for (const auto &u : urls) fs.push_back(pool.submit(download, u));
  std::vector<int> out;
  for (auto &f : fs) out.push_back(f.get());
  return out;
}

std::vector<int> download_all_100(const std::vector<std::string> &urls) {
  boundwise::ThreadPool pool{100};
  return pool.map(download, urls);
}

std::vector<int> download_all_lambda(const std::vector<std::string> &urls) {
  boundwise::ThreadPool pool{250};
  return pool.map([](const std::string &u) { return download(u); }, urls);
}

int main() {
  std::vector<std::string> urls{"https://example.com", "https://example.org"};
  return static_cast<int>(download_all_300(urls).size() + download_all_2000(urls).size() +
                          download_all_100(urls).size() + download_all_lambda(urls).size());
}
