// The caller side of a two-file program: every function here reaches its
// work through helpers defined in b.cpp.
#include "net.h"

// line 6: fetch_report -> http_get (b.cpp) -> recv [network]
std::string fetch_report(const std::string &host) {
  return http_get(host, "/report");
}

// line 11: analyse -> smooth (b.cpp) -> loop nest
double analyse(const std::string &body) {
  std::vector<double> series = parse_series(body);
  return smooth(series, 50);
}

// line 17: mirror -> Archive::store (b.cpp) -> fwrite/fsync [disk]
void mirror(Archive &archive, const std::string &host) {
  for (int page = 0; page < 20; ++page)
    archive.store("page" + std::to_string(page), http_get(host, "/page/" + std::to_string(page)));
}

// line 23: a local helper calling into b.cpp three levels deep
static double daily_score(const std::string &host) { return analyse(fetch_report(host)); }

int main() {
  Archive archive("/tmp/mirror");
  mirror(archive, "localhost");
  return daily_score("localhost") > 0 ? 0 : 1;
}
