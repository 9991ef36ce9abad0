// Downloads records with libcurl and then processes them: an I/O stage and a
// CPU stage in one loop, which should be split across two executors.
#include <curl/curl.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

static size_t collect(char *data, size_t size, size_t count, void *out) {
  static_cast<std::string *>(out)->append(data, size * count);
  return size * count;
}

std::string download(const std::string &url) {
  std::string body;
  CURL *curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  return body;
}

double score(const std::string &record) {
  std::vector<double> values;
  for (char c : record)
    values.push_back(std::sqrt(static_cast<double>(c)));
  std::sort(values.begin(), values.end());
  double total = 0;
  for (int round = 0; round < 20000; ++round)
    for (double v : values)
      total += v * v / (round + 1);
  return total;
}

double download_and_score(const std::vector<std::string> &urls) {
  double total = 0;
  for (const auto &url : urls)
    total += score(download(url));
  return total;
}

int main() {
  std::vector<std::string> urls;
  for (int i = 0; i < 20; ++i)
    urls.push_back("http://localhost:8080/records/" + std::to_string(i));
  return download_and_score(urls) > 0 ? 0 : 1;
}
