// CHECK: boundwise-blocking-call-in-async
// Program functions that reach blocking I/O through their callees are
// blocking calls too; cheap helpers are not.
#include <boundwise/async.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <string>

struct Settings {
  std::map<std::string, std::string> values;
};

static std::string read_all(int fd) {
  std::string out;
  char buf[1024];
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  return out;
}

static std::string read_file(const std::string &path) {
  int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return {};
  std::string s = read_all(fd);
  close(fd);
  return s;
}

Settings load_settings(const std::string &path) {
  Settings s;
  std::string text = read_file(path);
  std::size_t eq = text.find('=');
  if (eq != std::string::npos) s.values[text.substr(0, eq)] = text.substr(eq + 1);
  return s;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

int parse_port(const std::string &s) { return std::atoi(s.c_str()); }

boundwise::Task<int> configure(std::string path) {
  Settings s = load_settings(path);  // WARN
  std::string raw = read_file(path + ".override");  // WARN
  std::string port = trim(s.values["port"]);
  co_return parse_port(port) + static_cast<int>(raw.size());
}

boundwise::Task<int> configure_offloaded(std::string path) {
  Settings s = co_await boundwise::to_thread(load_settings, path);
  co_return parse_port(trim(s.values["port"]));
}

int configure_sync(const std::string &path) { return parse_port(load_settings(path).values["port"]); }

int main() {
  return boundwise::run(configure("/etc/app.conf")) + boundwise::run(configure_offloaded("/etc/app.conf")) +
         configure_sync("/etc/app.conf");
}
