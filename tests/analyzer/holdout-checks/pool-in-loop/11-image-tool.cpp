// CHECK: boundwise-pool-in-loop
// A command-line image tool: one file per iteration. The first version
// resizes with a fresh pool per file; the second reuses one.
#include <boundwise/thread_pool.hpp>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

struct Image {
  int w = 0, h = 0;
  std::vector<std::uint8_t> px;
};

Image load(const std::string &path) {
  Image img{8, 8, std::vector<std::uint8_t>(64)};
  if (FILE *f = std::fopen(path.c_str(), "rb")) {
    std::fread(img.px.data(), 1, img.px.size(), f);
    std::fclose(f);
  }
  return img;
}

std::vector<std::uint8_t> downsample_row(const std::vector<std::uint8_t> &row) {
  std::vector<std::uint8_t> out(row.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<std::uint8_t>((row[2 * i] + row[2 * i + 1]) / 2);
  return out;
}

std::vector<std::vector<std::uint8_t>> rows_of(const Image &img) {
  std::vector<std::vector<std::uint8_t>> rows;
  for (int y = 0; y < img.h; ++y)
    rows.emplace_back(img.px.begin() + y * img.w, img.px.begin() + (y + 1) * img.w);
  return rows;
}

Image resize(const Image &img) {
  boundwise::ThreadPool pool;  // WARN
  auto rows = pool.map(downsample_row, rows_of(img));
  Image out{img.w / 2, img.h, {}};
  for (auto &r : rows) out.px.insert(out.px.end(), r.begin(), r.end());
  return out;
}

Image resize_on(boundwise::ThreadPool &pool, const Image &img) {
  auto rows = pool.map(downsample_row, rows_of(img));
  Image out{img.w / 2, img.h, {}};
  for (auto &r : rows) out.px.insert(out.px.end(), r.begin(), r.end());
  return out;
}

int main(int argc, char **argv) {
  std::vector<std::string> files(argv + 1, argv + argc);
  std::size_t bytes = 0;
  for (const auto &f : files) {
    Image img = load(f);
    bytes += resize(img).px.size();
  }
  boundwise::ThreadPool pool;
  for (const auto &f : files) bytes += resize_on(pool, load(f)).px.size();
  std::printf("%zu\n", bytes);
}
