// CHECK: boundwise-oversized-pool
// A crawler: network fetches on a big I/O pool, parsing on a CPU pool.
#include <boundwise/thread_pool.hpp>

#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <map>
#include <string>
#include <thread>
#include <vector>

std::string http_get(const std::string &host) {
  addrinfo hints{}, *res = nullptr;
  hints.ai_socktype = SOCK_STREAM;
  if (getaddrinfo(host.c_str(), "80", &hints, &res) != 0) return {};
  int s = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  std::string body;
  if (connect(s, res->ai_addr, res->ai_addrlen) == 0) {
    std::string req = "GET / HTTP/1.0\r\nHost: " + host + "\r\n\r\n";
    send(s, req.data(), req.size(), 0);
    char buf[4096];
    for (ssize_t n; (n = recv(s, buf, sizeof buf, 0)) > 0;) body.append(buf, static_cast<std::size_t>(n));
  }
  close(s);
  freeaddrinfo(res);
  return body;
}

std::vector<std::string> extract_links(const std::string &html) {
  std::vector<std::string> links;
  for (std::size_t pos = 0; (pos = html.find("href=\"", pos)) != std::string::npos;) {
    pos += 6;
    std::size_t end = html.find('"', pos);
    if (end == std::string::npos) break;
    links.push_back(html.substr(pos, end - pos));
    pos = end;
  }
  return links;
}

std::map<std::string, int> word_histogram(const std::string &html) {
  std::map<std::string, int> h;
  std::string word;
  for (char c : html) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) word += c;
    else if (!word.empty()) { ++h[word]; word.clear(); }
  }
  return h;
}

struct Crawl {
  std::vector<std::string> pages;
  std::vector<std::vector<std::string>> links;
};

Crawl crawl(const std::vector<std::string> &hosts) {
  boundwise::ThreadPool net{200};
  boundwise::ThreadPool cpu{std::thread::hardware_concurrency() * 2};
  Crawl c;
  c.pages = net.map(http_get, hosts);
  c.links = cpu.map(extract_links, c.pages);
  return c;
}

std::vector<std::map<std::string, int>> histograms(const Crawl &c) {
  boundwise::ThreadPool cpu{64};  // WARN
  return cpu.map(word_histogram, c.pages);
}

std::vector<std::string> refetch(const std::vector<std::string> &hosts) {
  boundwise::ThreadPool net{std::thread::hardware_concurrency() * 100};  // WARN
  return net.map(http_get, hosts);
}

int main() {
  std::vector<std::string> hosts{"example.com", "example.org"};
  Crawl c = crawl(hosts);
  return static_cast<int>(histograms(c).size() + refetch(hosts).size());
}
