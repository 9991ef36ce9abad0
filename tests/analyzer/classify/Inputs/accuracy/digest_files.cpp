// Hashes 2000 in-memory 64 KiB buffers with SHA-256.
#include <openssl/sha.h>

#include <cstdio>
#include <vector>

static unsigned digest_all(const std::vector<unsigned char> &buf, int rounds) {
  unsigned char md[SHA256_DIGEST_LENGTH];
  unsigned acc = 0;
  for (int r = 0; r < rounds; ++r) {
    SHA256(buf.data(), buf.size(), md);
    acc ^= md[r % SHA256_DIGEST_LENGTH];
  }
  return acc;
}

int main() {
  std::vector<unsigned char> buf(65536);
  for (size_t i = 0; i < buf.size(); ++i)
    buf[i] = static_cast<unsigned char>(i * 31);
  std::printf("%u\n", digest_all(buf, 2000));
  return 0;
}
