// Uses a vendor SDK that is only declared: no definition in the analysed
// sources and nothing about it in the built-in knowledge base.
#include <cstddef>
#include <string>
#include <vector>

extern "C" int acme_upload(const char *bucket, const void *data, std::size_t size);
extern "C" int acme_checksum(const void *data, std::size_t size);

int upload_all(const std::vector<std::string> &blobs) {
  int failures = 0;
  for (const std::string &b : blobs)
    failures += acme_upload("backups", b.data(), b.size()) != 0;
  return failures;
}

int verify_all(const std::vector<std::string> &blobs) {
  int sum = 0;
  for (const std::string &b : blobs)
    sum ^= acme_checksum(b.data(), b.size());
  return sum;
}

int compress_and_upload(std::vector<std::string> blobs) {
  for (std::string &b : blobs)
    for (int round = 0; round < 4; ++round)
      for (char &c : b)
        c = static_cast<char>(c ^ (round * 31));
  return upload_all(blobs);
}
