// CHECK: boundwise-blocking-call-in-async
// libcurl's easy API blocks for the whole transfer (declared here; the
// header may be absent). boundwise::http::get runs on the loop.
#include <boundwise/async.hpp>
#include <boundwise/http.hpp>

#include <string>

extern "C" {
typedef void CURL;
typedef int CURLcode;
CURL *curl_easy_init(void);
CURLcode curl_easy_setopt(CURL *curl, int option, ...);
CURLcode curl_easy_perform(CURL *curl);
void curl_easy_cleanup(CURL *curl);
}

constexpr int kCurloptUrl = 10002;

std::string download(void *curl, const std::string &url) {
  curl_easy_setopt(curl, kCurloptUrl, url.c_str());
  curl_easy_perform(curl);
  return url;
}

std::string fetch_page(void *curl) { return download(curl, "https://example.com/status"); }

boundwise::Task<int> check_direct(std::string url) {
  CURL *c = curl_easy_init();
  curl_easy_setopt(c, kCurloptUrl, url.c_str());
  CURLcode rc = curl_easy_perform(c);  // WARN
  curl_easy_cleanup(c);
  co_return rc;
}

boundwise::Task<std::string> handle_request(void *curl) {
  std::string page = fetch_page(curl);  // WARN
  co_return page;
}

boundwise::Task<std::string> handle_request_two(void *curl) {
  std::string a = download(curl, "https://example.com/a");  // WARN
  co_return a;
}

boundwise::Task<long> handle_async(std::string url) {
  boundwise::http::Response r = co_await boundwise::http::get(url);
  co_return r.status;
}

boundwise::Task<std::string> handle_offloaded(void *curl) {
  std::string page = co_await boundwise::to_thread(fetch_page, curl);
  co_return page;
}

int main() {
  CURL *c = curl_easy_init();
  std::string sync_page = fetch_page(c);
  boundwise::run(handle_request(c));
  boundwise::run(handle_request_two(c));
  boundwise::run(handle_offloaded(c));
  boundwise::run(handle_async("https://example.com"));
  return boundwise::run(check_direct("https://example.com")) + static_cast<int>(sync_page.size());
}
