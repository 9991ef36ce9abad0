// Compresses 300 generated 64 KiB blocks with zlib and reports the ratio.
#include <zlib.h>

#include <cstdio>
#include <string>
#include <vector>

static std::string make_block(int seed) {
  std::string s;
  s.reserve(65536);
  unsigned x = static_cast<unsigned>(seed) * 2654435761u;
  while (s.size() < 65536) {
    x = x * 1103515245u + 12345u;
    s += "key" + std::to_string(x % 1000) + "=value;";
  }
  return s;
}

static size_t compressed_size(const std::string &block) {
  uLongf size = compressBound(block.size());
  std::vector<Bytef> out(size);
  compress2(out.data(), &size, reinterpret_cast<const Bytef *>(block.data()), block.size(), 6);
  return size;
}

int main() {
  size_t raw = 0, packed = 0;
  for (int i = 0; i < 300; ++i) {
    std::string block = make_block(i);
    raw += block.size();
    packed += compressed_size(block);
  }
  std::printf("%.3f\n", static_cast<double>(packed) / raw);
  return 0;
}
