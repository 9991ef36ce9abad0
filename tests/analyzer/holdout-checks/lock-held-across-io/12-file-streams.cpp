// CHECK: boundwise-lock-held-across-io
// Opening file streams under a lock versus after it.
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

std::mutex journal_mu;
std::vector<std::string> journal;

void dump_locked(const std::string &path) {
  std::lock_guard<std::mutex> lk(journal_mu);
  std::string text;
  for (const auto &e : journal) text += e;
  std::ofstream(path, std::ios::trunc) << text;  // WARN
}

void dump(const std::string &path) {
  std::vector<std::string> copy;
  {
    std::lock_guard<std::mutex> lk(journal_mu);
    copy = journal;
  }
  std::ofstream out(path, std::ios::trunc);
  for (const auto &e : copy) out.write(e.data(), static_cast<std::streamsize>(e.size()));
}

void load_locked(const std::string &path) {
  std::lock_guard<std::mutex> lk(journal_mu);
  std::ifstream in(path); journal.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());  // WARN
}

std::string render() {
  std::lock_guard<std::mutex> lk(journal_mu);
  std::ostringstream ss;
  for (const auto &e : journal) ss << e << '\n';
  return ss.str();
}

int main() {
  load_locked("/tmp/j");
  dump_locked("/tmp/j1");
  dump("/tmp/j2");
  return static_cast<int>(render().size());
}
