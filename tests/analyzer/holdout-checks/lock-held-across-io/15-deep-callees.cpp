// CHECK: boundwise-lock-held-across-io
// I/O two and three calls down from the call made under the lock.
#include <cstdio>
#include <map>
#include <mutex>
#include <string>

std::mutex db_mu;
std::map<std::string, std::string> db;

static bool write_file(const std::string &path, const std::string &data) {
  FILE *f = std::fopen(path.c_str(), "w");
  if (!f) return false;
  std::fwrite(data.data(), 1, data.size(), f);
  std::fclose(f);
  return true;
}

static std::string serialize(const std::map<std::string, std::string> &m) {
  std::string out;
  for (const auto &[k, v] : m) out += k + "=" + v + "\n";
  return out;
}

static bool persist(const std::map<std::string, std::string> &m) { return write_file("/tmp/db.txt", serialize(m)); }

static bool snapshot(const std::map<std::string, std::string> &m) { return persist(m); }

void put_and_save_locked(const std::string &k, const std::string &v) {
  std::lock_guard<std::mutex> lk(db_mu);
  db[k] = v;
  snapshot(db);  // WARN
}

void put_and_save(const std::string &k, const std::string &v) {
  std::map<std::string, std::string> copy;
  {
    std::lock_guard<std::mutex> lk(db_mu);
    db[k] = v;
    copy = db;
  }
  snapshot(copy);
}

std::size_t size_of_dump() {
  std::lock_guard<std::mutex> lk(db_mu);
  return serialize(db).size();
}

int main() {
  put_and_save_locked("a", "1");
  put_and_save("b", "2");
  return static_cast<int>(size_of_dump());
}
