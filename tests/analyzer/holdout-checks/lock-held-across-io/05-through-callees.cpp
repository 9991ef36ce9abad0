// CHECK: boundwise-lock-held-across-io
// The I/O hides in a callee (curl declared here): the call under the lock
// is what holds everyone up.
#include <mutex>
#include <string>
#include <vector>

extern "C" {
typedef void CURL;
typedef int CURLcode;
CURLcode curl_easy_setopt(CURL *curl, int option, ...);
CURLcode curl_easy_perform(CURL *curl);
}

constexpr int kCurloptPostfields = 10015;

std::mutex mu;
std::vector<std::string> batch;

static int post(void *curl, const std::string &body) {
  curl_easy_setopt(curl, kCurloptPostfields, body.c_str());
  return curl_easy_perform(curl);
}

int flush_to_server(void *curl) {
  std::string body;
  for (const auto &b : batch) body += b + "\n";
  batch.clear();
  return post(curl, body);
}

std::string join_batch(const std::vector<std::string> &items) {
  std::string body;
  for (const auto &b : items) body += b + "\n";
  return body;
}

void flush_locked(void *curl) {
  std::unique_lock lk(mu);
  flush_to_server(curl);  // WARN
}

void flush_direct_locked(void *curl) {
  std::lock_guard<std::mutex> lk(mu);
  std::string body = join_batch(batch);
  batch.clear();
  post(curl, body);  // WARN
}

void flush(void *curl) {
  std::vector<std::string> items;
  {
    std::lock_guard<std::mutex> lk(mu);
    items.swap(batch);
  }
  post(curl, join_batch(items));
}

std::size_t pending_bytes() {
  std::lock_guard<std::mutex> lk(mu);
  return join_batch(batch).size();
}

int main() {
  flush_locked(nullptr);
  flush_direct_locked(nullptr);
  flush(nullptr);
  return static_cast<int>(pending_bytes());
}
