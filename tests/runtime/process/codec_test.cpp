// Round-trip tests for the binary codec and compile-time checks of what it refuses.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <deque>
#include <fstream>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

#include "boundwise/codec.hpp"

namespace {

template <class T>
T round_trip(const T& v) {
  const boundwise::ByteBuffer bytes = boundwise::encode(v);
  return boundwise::decode<T>(bytes);
}

enum class Color : std::uint8_t { red = 1, green = 2, blue = 200 };
enum Plain { plain_a, plain_b = 7 };

struct Point {
  double x;
  double y;
  bool operator==(const Point&) const = default;
};

struct Record {
  int id;
  std::string name;
  std::vector<double> values;
  std::optional<std::string> note;
  std::map<std::string, int> counts;
  Point where;
  std::vector<Point> path;
  Color color;
  bool operator==(const Record&) const = default;
};

struct Empty {
  bool operator==(const Empty&) const = default;
};

// A class with private state and a serialize member.
class Account {
 public:
  Account() = default;
  Account(std::string owner, long cents) : owner_(std::move(owner)), cents_(cents) {}
  template <class Archive>
  void serialize(Archive& ar) {
    ar(owner_, cents_);
  }
  bool operator==(const Account&) const = default;

 private:
  std::string owner_;
  long cents_ = 0;
};

// A class serialized by a free function found by ADL.
class Temperature {
 public:
  Temperature() = default;
  explicit Temperature(double k) : kelvin_(k) {}
  double kelvin() const { return kelvin_; }
  void set(double k) { kelvin_ = k; }

 private:
  double kelvin_ = 0;
};
template <class Archive>
void serialize(Archive& ar, Temperature& t) {
  double k = t.kelvin();
  ar(k);
  if constexpr (Archive::is_reading) t.set(k);
}

struct WithPointer {
  int* p;
};
struct WithReference {
  int& r;
};
struct Nested {
  std::vector<WithPointer> items;
};
union U {
  int i;
  float f;
};

}  // namespace

TEST(Codec, Arithmetic) {
  EXPECT_EQ(round_trip(42), 42);
  EXPECT_EQ(round_trip(-7LL), -7LL);
  EXPECT_EQ(round_trip(std::uint8_t{255}), 255);
  EXPECT_EQ(round_trip(true), true);
  EXPECT_EQ(round_trip('x'), 'x');
  EXPECT_DOUBLE_EQ(round_trip(3.25), 3.25);
  EXPECT_FLOAT_EQ(round_trip(1.5f), 1.5f);
  EXPECT_EQ(round_trip(static_cast<long double>(2.5)), 2.5L);
}

TEST(Codec, Enums) {
  EXPECT_EQ(round_trip(Color::blue), Color::blue);
  EXPECT_EQ(round_trip(plain_b), plain_b);
  EXPECT_EQ(round_trip(std::byte{0xab}), std::byte{0xab});
}

TEST(Codec, Strings) {
  EXPECT_EQ(round_trip(std::string()), "");
  EXPECT_EQ(round_trip(std::string("hello")), "hello");
  std::string binary("a\0b\xff", 4);
  EXPECT_EQ(round_trip(binary), binary);
  EXPECT_EQ(round_trip(std::string(100000, 'z')), std::string(100000, 'z'));
  EXPECT_EQ(round_trip(std::u16string(u"wide")), u"wide");
}

TEST(Codec, SequenceContainers) {
  EXPECT_EQ(round_trip(std::vector<int>{}), std::vector<int>{});
  EXPECT_EQ(round_trip(std::vector<int>{1, 2, 3}), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(round_trip(std::vector<std::string>{"a", "", "ccc"}), (std::vector<std::string>{"a", "", "ccc"}));
  EXPECT_EQ(round_trip(std::vector<bool>{true, false, true}), (std::vector<bool>{true, false, true}));
  EXPECT_EQ(round_trip(std::vector<std::vector<int>>{{1}, {}, {2, 3}}), (std::vector<std::vector<int>>{{1}, {}, {2, 3}}));
  EXPECT_EQ(round_trip(std::array<int, 3>{4, 5, 6}), (std::array<int, 3>{4, 5, 6}));
  EXPECT_EQ(round_trip(std::array<std::string, 2>{"x", "y"}), (std::array<std::string, 2>{"x", "y"}));
  EXPECT_EQ(round_trip(std::deque<int>{7, 8}), (std::deque<int>{7, 8}));
  EXPECT_EQ(round_trip(std::list<std::string>{"l1", "l2"}), (std::list<std::string>{"l1", "l2"}));
}

// Byte vectors and strings decode by one copy (no zero-fill first); they
// must still replace what the target held and reject truncated input.
TEST(Codec, ByteSequencesDecodeByOneCopy) {
  std::vector<char> chars(5000);
  for (std::size_t i = 0; i < chars.size(); ++i) chars[i] = static_cast<char>(i * 7);
  EXPECT_EQ(round_trip(chars), chars);
  EXPECT_EQ(round_trip(std::vector<unsigned char>{0, 1, 255}), (std::vector<unsigned char>{0, 1, 255}));
  EXPECT_EQ(round_trip(std::vector<signed char>{-1, 2}), (std::vector<signed char>{-1, 2}));
  EXPECT_EQ(round_trip(std::vector<std::byte>{std::byte{9}, std::byte{0xfe}}),
            (std::vector<std::byte>{std::byte{9}, std::byte{0xfe}}));
  EXPECT_TRUE(round_trip(std::u8string(u8"h\u00e9")) == std::u8string(u8"h\u00e9"));  // (gtest cannot print u8string)
  EXPECT_EQ(round_trip(std::vector<char>{}), std::vector<char>{});

  // Into a target that already holds more (or fewer) elements.
  const boundwise::ByteBuffer bytes = boundwise::encode(std::vector<char>{'a', 'b'});
  std::vector<char> target(100, 'z');
  boundwise::Reader r(bytes);
  r(target);
  EXPECT_EQ(target, (std::vector<char>{'a', 'b'}));
  const boundwise::ByteBuffer text = boundwise::encode(std::string("xyz"));
  std::string s(50, 'q');
  boundwise::Reader rs(text);
  rs(s);
  EXPECT_EQ(s, "xyz");

  EXPECT_THROW(boundwise::decode<std::vector<char>>(bytes.data(), bytes.size() - 1), boundwise::DecodeError);
  EXPECT_THROW(boundwise::decode<std::vector<std::byte>>(bytes.data(), bytes.size() - 1), boundwise::DecodeError);
}

TEST(Codec, AssociativeContainers) {
  std::map<std::string, int> m{{"a", 1}, {"b", 2}};
  EXPECT_EQ(round_trip(m), m);
  std::multimap<int, int> mm{{1, 1}, {1, 2}, {0, 3}};
  EXPECT_EQ(round_trip(mm), mm);
  std::unordered_map<int, std::string> um{{1, "one"}, {2, "two"}};
  EXPECT_EQ(round_trip(um), um);
  std::set<int> s{3, 1, 2};
  EXPECT_EQ(round_trip(s), s);
  std::multiset<int> ms{1, 1, 2};
  EXPECT_EQ(round_trip(ms), ms);
  std::unordered_set<std::string> us{"p", "q"};
  EXPECT_EQ(round_trip(us), us);
}

TEST(Codec, OptionalVariantPairTuple) {
  EXPECT_EQ(round_trip(std::optional<int>{}), std::nullopt);
  EXPECT_EQ(round_trip(std::optional<int>{5}), 5);
  using V = std::variant<std::monostate, int, std::string, std::vector<double>>;
  EXPECT_EQ(round_trip(V{}), V{});
  EXPECT_EQ(round_trip(V{12}), V{12});
  EXPECT_EQ(round_trip(V{std::string("s")}), V{std::string("s")});
  EXPECT_EQ(round_trip(V{std::vector<double>{1.5}}), V{std::vector<double>{1.5}});
  EXPECT_EQ(round_trip(std::pair<int, std::string>{1, "p"}), (std::pair<int, std::string>{1, "p"}));
  EXPECT_EQ(round_trip(std::tuple<int, std::string, double>{1, "t", 2.5}),
            (std::tuple<int, std::string, double>{1, "t", 2.5}));
  EXPECT_EQ(round_trip(std::tuple<>{}), std::tuple<>{});
}

TEST(Codec, Chrono) {
  EXPECT_EQ(round_trip(std::chrono::milliseconds(1234)), std::chrono::milliseconds(1234));
  const auto now = std::chrono::system_clock::now();
  EXPECT_EQ(round_trip(now), now);
}

TEST(Codec, Aggregates) {
  EXPECT_EQ(round_trip(Point{1, 2}), (Point{1, 2}));
  EXPECT_EQ(round_trip(Empty{}), Empty{});
  Record r{7, "rec", {1, 2, 3}, "note", {{"k", 3}}, {0.5, 1.5}, {{1, 1}, {2, 2}}, Color::green};
  EXPECT_EQ(round_trip(r), r);
  std::vector<Record> rs(3, r);
  rs[1].note.reset();
  EXPECT_EQ(round_trip(rs), rs);
}

TEST(Codec, UserSerialize) {
  Account a("ann", 12345);
  EXPECT_EQ(round_trip(a), a);
  EXPECT_EQ(round_trip(std::vector<Account>{a, Account("bob", -1)}), (std::vector<Account>{a, Account("bob", -1)}));
  EXPECT_DOUBLE_EQ(round_trip(Temperature(273.15)).kelvin(), 273.15);
}

TEST(Codec, MemcpyLayoutForTrivialAggregates) {
  // A vector of trivially copyable points encodes as count + raw bytes.
  std::vector<Point> pts(10, Point{1, 2});
  EXPECT_EQ(boundwise::encode(pts).size(), sizeof(std::uint64_t) + 10 * sizeof(Point));
}

TEST(Codec, TruncatedInputThrows) {
  boundwise::ByteBuffer bytes = boundwise::encode(std::string("hello world"));
  EXPECT_THROW(boundwise::decode<std::string>(bytes.data(), bytes.size() - 1), boundwise::DecodeError);
  EXPECT_THROW(boundwise::decode<int>(bytes.data(), 2), boundwise::DecodeError);
}

TEST(Codec, CorruptCountDoesNotAllocate) {
  const std::uint64_t huge = ~std::uint64_t{0} / 2;
  EXPECT_THROW(boundwise::decode<std::vector<int>>(reinterpret_cast<const char*>(&huge), sizeof huge),
               boundwise::DecodeError);
  EXPECT_THROW(boundwise::decode<std::string>(reinterpret_cast<const char*>(&huge), sizeof huge),
               boundwise::DecodeError);
}

TEST(Codec, TrailingBytesThrow) {
  boundwise::ByteBuffer bytes = boundwise::encode(std::int64_t{1});
  EXPECT_THROW(boundwise::decode<std::int32_t>(bytes), boundwise::DecodeError);
}

TEST(Codec, BadVariantIndexThrows) {
  const std::uint32_t bad = 9;
  EXPECT_THROW((boundwise::decode<std::variant<int, float>>(reinterpret_cast<const char*>(&bad), sizeof bad)),
               boundwise::DecodeError);
}

TEST(Codec, ArchiveCallsComposeIntoOneBuffer) {
  boundwise::ByteBuffer buf;
  boundwise::Writer w(buf);
  w(1, std::string("two"), 3.0);
  boundwise::Reader r(buf);
  int a = 0;
  std::string b;
  double c = 0;
  r(a, b, c);
  EXPECT_EQ(a, 1);
  EXPECT_EQ(b, "two");
  EXPECT_EQ(c, 3.0);
  EXPECT_EQ(r.remaining(), 0u);
}

// What the codec refuses: these would be compile errors if encoded, with a
// static_assert naming the type (e.g. "RawPointerIsNotSerializable<int*>").
static_assert(boundwise::Serializable<int>);
static_assert(boundwise::Serializable<Record>);
static_assert(boundwise::Serializable<Account>);
static_assert(boundwise::Serializable<Temperature>);
static_assert(boundwise::Serializable<std::map<std::string, std::vector<std::optional<Point>>>>);
static_assert(!boundwise::Serializable<int*>);
static_assert(!boundwise::Serializable<const char*>);
static_assert(!boundwise::Serializable<int&>);
static_assert(!boundwise::Serializable<std::FILE*>);
static_assert(!boundwise::Serializable<std::mutex>);
static_assert(!boundwise::Serializable<std::thread>);
static_assert(!boundwise::Serializable<std::function<int()>>);
static_assert(!boundwise::Serializable<std::ifstream>);
static_assert(!boundwise::Serializable<std::string_view>);
static_assert(!boundwise::Serializable<std::unique_ptr<int>>);
static_assert(!boundwise::Serializable<std::shared_ptr<int>>);
static_assert(!boundwise::Serializable<void (*)()>);
static_assert(!boundwise::Serializable<int Point::*>);
static_assert(!boundwise::Serializable<int[4]>);
static_assert(!boundwise::Serializable<U>);
static_assert(!boundwise::Serializable<WithPointer>);
static_assert(!boundwise::Serializable<WithReference>);
static_assert(!boundwise::Serializable<Nested>);
static_assert(!boundwise::Serializable<std::vector<int*>>);
static_assert(!boundwise::Serializable<std::map<int, std::mutex*>>);
static_assert(!boundwise::Serializable<std::variant<int, std::function<void()>>>);
static_assert(!boundwise::Serializable<std::tuple<int, std::thread>>);
// The diagnostic machinery finds the innermost culprit.
static_assert(std::is_same_v<boundwise::detail::FirstOffender<Nested>::type, int*>);
static_assert(std::is_same_v<boundwise::detail::FirstOffender<std::map<int, std::mutex*>>::type, std::mutex*>);
static_assert(std::is_same_v<boundwise::detail::FirstOffender<WithReference>::type, int&>);
