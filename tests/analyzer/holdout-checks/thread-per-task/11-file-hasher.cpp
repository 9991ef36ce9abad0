// CHECK: boundwise-thread-per-task
// A file hasher: the first version starts a thread per file, the second uses
// a pool sized to the machine, the third a fixed worker set.
#include <boundwise/thread_pool.hpp>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

std::uint64_t fnv1a(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::uint64_t h = 1469598103934665603ULL;
  for (char c; in.get(c);) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h;
}

std::vector<std::uint64_t> hash_thread_per_file(const std::vector<std::string> &files) {
  std::vector<std::uint64_t> out(files.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < files.size(); ++i)
    threads.emplace_back([&out, &files, i] { out[i] = fnv1a(files[i]); });  // WARN
  for (auto &t : threads) t.join();
  return out;
}

std::vector<std::uint64_t> hash_with_pool(const std::vector<std::string> &files) {
  boundwise::ThreadPool pool;
  return pool.map(fnv1a, files);
}

std::vector<std::uint64_t> hash_with_futures(const std::vector<std::string> &files) {
  boundwise::ThreadPool pool{8};
  std::vector<boundwise::Future<std::uint64_t>> fs;
  for (const auto &f : files) fs.push_back(pool.submit(fnv1a, f));
  std::vector<std::uint64_t> out;
  for (auto &f : fs) out.push_back(f.get());
  return out;
}

std::vector<std::uint64_t> hash_fixed_workers(const std::vector<std::string> &files) {
  std::vector<std::uint64_t> out(files.size());
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> workers;
  for (unsigned w = 0; w < std::thread::hardware_concurrency(); ++w)
    workers.emplace_back([&] {
      for (std::size_t i; (i = next.fetch_add(1)) < files.size();) out[i] = fnv1a(files[i]);
    });
  for (auto &t : workers) t.join();
  return out;
}

int main(int argc, char **argv) {
  std::vector<std::string> files(argv + 1, argv + argc);
  auto a = hash_thread_per_file(files);
  auto b = hash_with_pool(files);
  auto c = hash_with_futures(files);
  auto d = hash_fixed_workers(files);
  std::mutex print;
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::lock_guard<std::mutex> lk(print);
    std::printf("%016llx %s\n", static_cast<unsigned long long>(a[i] ^ b[i] ^ c[i] ^ d[i]), files[i].c_str());
  }
}
