// Codec benchmark: encode+decode of records of strings and vectors, boundwise codec vs cereal's BinaryArchive.
//
//   codec_bench [--records N] [--rounds N]
//
// Both libraries serialize the same struct through the same serialize()
// member, so the comparison is the archive machinery alone. cereal writes to
// a reused std::ostringstream and reads from a std::istringstream, its
// documented usage for in-memory buffers.
#include <cereal/archives/binary.hpp>
#include <cereal/types/map.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "boundwise/codec.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Record {
  std::int64_t id = 0;
  std::string name;
  std::string path;
  std::vector<double> values;
  std::vector<std::int32_t> counts;
  std::vector<std::string> tags;

  template <class Archive>
  void serialize(Archive& ar) {
    ar(id, name, path, values, counts, tags);
  }
  bool operator==(const Record&) const = default;
};

// The same data as a plain aggregate: boundwise reflects the fields itself.
struct PlainRecord {
  std::int64_t id = 0;
  std::string name;
  std::string path;
  std::vector<double> values;
  std::vector<std::int32_t> counts;
  std::vector<std::string> tags;
};

std::vector<Record> make_records(std::size_t n) {
  std::vector<Record> rs(n);
  for (std::size_t i = 0; i < n; ++i) {
    Record& r = rs[i];
    r.id = static_cast<std::int64_t>(i);
    r.name = "record-" + std::to_string(i);
    r.path = "/data/shard-" + std::to_string(i % 17) + "/items/" + std::to_string(i * 7919);
    r.values.resize(16 + i % 16);
    for (std::size_t j = 0; j < r.values.size(); ++j) r.values[j] = static_cast<double>(i * j) * 0.5;
    r.counts.assign(8 + i % 8, static_cast<std::int32_t>(i));
    for (int t = 0; t < 4; ++t) r.tags.push_back("tag" + std::to_string((i + static_cast<std::size_t>(t)) % 31));
  }
  return rs;
}

template <class F>
double best_seconds(int rounds, F&& f) {
  double best = 1e300;
  for (int i = 0; i < rounds; ++i) {
    const auto t = Clock::now();
    f();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - t).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t records = 10000;
  int rounds = 20;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--records" && i + 1 < argc) records = static_cast<std::size_t>(std::atol(argv[++i]));
    if (a == "--rounds" && i + 1 < argc) rounds = std::atoi(argv[++i]);
  }
  const std::vector<Record> data = make_records(records);
  std::vector<PlainRecord> plain;
  for (const Record& r : data) plain.push_back({r.id, r.name, r.path, r.values, r.counts, r.tags});

  std::size_t bw_bytes = 0;
  std::size_t sink = 0;
  boundwise::ByteBuffer buf;
  const double bw = best_seconds(rounds, [&] {
    buf.clear();
    boundwise::encode_into(buf, data);
    bw_bytes = buf.size();
    const auto back = boundwise::decode<std::vector<Record>>(buf);
    sink += back.size();
  });
  const double bw_plain = best_seconds(rounds, [&] {
    buf.clear();
    boundwise::encode_into(buf, plain);
    const auto back = boundwise::decode<std::vector<PlainRecord>>(buf);
    sink += back.size();
  });

  std::size_t cereal_bytes = 0;
  std::ostringstream os;
  const double ce = best_seconds(rounds, [&] {
    os.str(std::string());
    {
      cereal::BinaryOutputArchive out(os);
      out(data);
    }
    const std::string bytes = os.str();
    cereal_bytes = bytes.size();
    std::istringstream is(bytes);
    std::vector<Record> back;
    {
      cereal::BinaryInputArchive in(is);
      in(back);
    }
    sink += back.size();
  });

  // Both must agree on the data.
  if (boundwise::decode<std::vector<Record>>(boundwise::encode(data)) != data) {
    std::puts("boundwise round trip mismatch");
    return 1;
  }

  std::printf("codec_bench: %zu records (strings + vectors), best of %d rounds, encode+decode\n", records, rounds);
  std::printf("  boundwise (serialize member) %8.2f ms  %7.0f MB/s  %zu bytes\n", bw * 1e3, bw_bytes / bw / 1e6,
              bw_bytes);
  std::printf("  boundwise (plain aggregate)  %8.2f ms\n", bw_plain * 1e3);
  std::printf("  cereal BinaryArchive         %8.2f ms  %7.0f MB/s  %zu bytes\n", ce * 1e3,
              cereal_bytes / ce / 1e6, cereal_bytes);
  std::printf("  ratio cereal/boundwise: %.2fx (> 1 means boundwise is faster)\n", ce / bw);
  return sink == 0 ? 1 : 0;
}
