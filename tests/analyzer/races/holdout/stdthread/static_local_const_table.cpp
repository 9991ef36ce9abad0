// RUN: %race_corpus %s
// VERDICT: no-race
// A function-local static table is built once by the thread-safe static initialisation and only read afterwards.
#include <array>
#include <cstdio>
#include <thread>

const std::array<unsigned, 256> &crc_table() {
  static const std::array<unsigned, 256> table = [] {
    std::array<unsigned, 256> t{};
    for (unsigned n = 0; n < 256; n++) {
      unsigned c = n;
      for (int k = 0; k < 8; k++)
        c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  return table;
}

unsigned crc(const char *s) {
  unsigned c = 0xFFFFFFFFu;
  for (; *s; ++s)
    c = crc_table()[(c ^ static_cast<unsigned char>(*s)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

int main() {
  unsigned r1 = 0, r2 = 0;
  std::thread a([&r1] { r1 = crc("hello"); });
  std::thread b([&r2] { r2 = crc("world"); });
  a.join();
  b.join();
  std::printf("%08x %08x\n", r1, r2);
}
