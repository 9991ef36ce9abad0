// Binary codec for values sent between processes of the same binary (ProcessPool arguments and results).
//
// Supported: arithmetic types, enums, std::string, vector, array, deque, list,
// (multi)map, unordered_(multi)map, (multi)set, unordered_(multi)set, optional,
// variant, monostate, pair, tuple, chrono durations and time points,
// aggregates (field by field, up to 32 fields, no base classes), and user types
// with a `template <class Archive> void serialize(Archive& ar) { ar(a, b); }`
// member or a free `serialize(Archive&, T&)` found by ADL. Everything else
// (pointers, references, std::function, mutexes, threads, streams, ...) is
// refused at compile time with a message naming the type and the remedy.
//
// The format is native-endian and unversioned: both ends are the same binary
// on the same machine, which is exactly ProcessPool's situation. It is not a
// storage or network format.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>
#include <utility>

#include "boundwise/detail/codec_buffer.hpp"
#include "boundwise/detail/codec_traits.hpp"

namespace boundwise {

// True when T can be encoded and decoded. References, pointers and the like
// are not: `static_assert(!boundwise::Serializable<int*>)`.
template <class T>
concept Serializable = detail::is_serializable<T>();

// Appends encoded values to a ByteBuffer. Also the Archive passed to user
// serialize() functions when encoding.
class Writer {
 public:
  static constexpr bool is_writing = true;
  static constexpr bool is_reading = false;

  explicit Writer(ByteBuffer& out) noexcept : out_(&out) {}

  template <class... Ts>
  void operator()(const Ts&... values);

  void write_bytes(const void* src, std::size_t n) { out_->append(src, n); }
  void write_size(std::uint64_t n) { write_bytes(&n, sizeof n); }
  ByteBuffer& buffer() noexcept { return *out_; }

 private:
  ByteBuffer* out_;
};

// Decodes values from bytes it does not own. Also the Archive passed to user
// serialize() functions when decoding. Throws DecodeError on bad input.
class Reader {
 public:
  static constexpr bool is_writing = false;
  static constexpr bool is_reading = true;

  Reader(const char* data, std::size_t size) noexcept : cur_(data, size) {}
  explicit Reader(const ByteBuffer& b) noexcept : cur_(b.data(), b.size()) {}

  template <class... Ts>
  void operator()(Ts&... values);

  void read_bytes(void* dst, std::size_t n) { cur_.copy_to(dst, n); }
  // The next n bytes in place (valid as long as the underlying bytes are).
  const char* take_bytes(std::size_t n) { return cur_.take(n); }
  std::uint64_t read_size() {
    std::uint64_t n;
    read_bytes(&n, sizeof n);
    return n;
  }
  std::size_t read_count(std::size_t min_element_bytes) {
    return cur_.checked_count(read_size(), min_element_bytes);
  }
  std::size_t remaining() const noexcept { return cur_.remaining(); }

 private:
  detail::ByteCursor cur_;
};

namespace detail {

template <class T>
void encode_value(Writer& w, const T& v);
template <class T>
void decode_value(Reader& r, T& v);

template <class T>
constexpr std::size_t min_encoded_size() {
  if constexpr (is_memcpyable<T>()) {
    return sizeof(T) == 0 ? 1 : sizeof(T);
  } else {
    return 0;  // unknown; count checks fall back to "at least zero bytes"
  }
}

template <class T>
void encode_value(Writer& w, const T& v) {
  constexpr Kind k = kind_of<T>();
  if constexpr (k == Kind::user_member) {
    const_cast<T&>(v).serialize(w);  // one serialize() for both directions, as in cereal
  } else if constexpr (k == Kind::user_free) {
    serialize(w, const_cast<T&>(v));
  } else if constexpr (is_memcpyable<T>()) {
    w.write_bytes(&v, sizeof(T));
  } else if constexpr (k == Kind::string) {
    w.write_size(v.size());
    w.write_bytes(v.data(), v.size() * sizeof(typename T::value_type));
  } else if constexpr (k == Kind::vector) {
    using E = typename T::value_type;
    w.write_size(v.size());
    if constexpr (is_memcpyable<E>()) {
      w.write_bytes(v.data(), v.size() * sizeof(E));
    } else {
      for (const E& e : v) encode_value(w, e);
    }
  } else if constexpr (k == Kind::vector_bool) {
    w.write_size(v.size());
    char* p = w.buffer().extend(v.size());
    for (bool b : v) *p++ = static_cast<char>(b);
  } else if constexpr (k == Kind::array) {
    for (const auto& e : v) encode_value(w, e);
  } else if constexpr (k == Kind::sequence || k == Kind::set) {
    w.write_size(v.size());
    for (const auto& e : v) encode_value(w, e);
  } else if constexpr (k == Kind::map) {
    w.write_size(v.size());
    for (const auto& [key, value] : v) {
      encode_value(w, key);
      encode_value(w, value);
    }
  } else if constexpr (k == Kind::optional) {
    const std::uint8_t has = v.has_value() ? 1 : 0;
    w.write_bytes(&has, 1);
    if (has) encode_value(w, *v);
  } else if constexpr (k == Kind::variant) {
    const std::uint32_t index = v.valueless_by_exception() ? UINT32_MAX : static_cast<std::uint32_t>(v.index());
    w.write_bytes(&index, sizeof index);
    if (index != UINT32_MAX) std::visit([&w](const auto& alt) { encode_value(w, alt); }, v);
  } else if constexpr (k == Kind::tuple) {
    std::apply([&w](const auto&... e) { (encode_value(w, e), ...); }, v);
  } else if constexpr (k == Kind::duration) {
    const auto count = v.count();
    encode_value(w, count);
  } else if constexpr (k == Kind::time_point) {
    encode_value(w, v.time_since_epoch());
  } else if constexpr (k == Kind::monostate) {
  } else if constexpr (k == Kind::aggregate) {
    visit_fields(v, [&w](const auto&... f) { (encode_value(w, f), ...); });
  } else {
    require_serializable<T>();
  }
}

// Element types whose values may be read straight out of the input bytes
// (they may alias any object), so decoding can copy without zero-filling.
template <class C>
consteval bool is_byte_like() {
  return std::is_same_v<C, char> || std::is_same_v<C, signed char> || std::is_same_v<C, unsigned char> ||
         std::is_same_v<C, char8_t> || std::is_same_v<C, std::byte>;
}

template <class V, std::size_t I>
void decode_variant_alternative(Reader& r, V& v) {
  decode_value(r, v.template emplace<I>());
}

template <class V, std::size_t... I>
void decode_variant(Reader& r, V& v, std::uint32_t index, std::index_sequence<I...>) {
  using Fn = void (*)(Reader&, V&);
  static constexpr Fn table[] = {&decode_variant_alternative<V, I>...};
  if (index >= sizeof...(I)) throw DecodeError("boundwise codec: variant index out of range");
  table[index](r, v);
}

template <class T>
void decode_value(Reader& r, T& v) {
  constexpr Kind k = kind_of<T>();
  if constexpr (k == Kind::user_member) {
    v.serialize(r);
  } else if constexpr (k == Kind::user_free) {
    serialize(r, v);
  } else if constexpr (is_memcpyable<T>()) {
    r.read_bytes(&v, sizeof(T));
  } else if constexpr (k == Kind::string) {
    using C = typename T::value_type;
    const std::size_t n = r.read_count(sizeof(C));
    if (v.capacity() < n) {
      v.reserve(n);
      advise_huge_pages(v.data(), n * sizeof(C));
    }
    if constexpr (is_byte_like<C>()) {
      // One copy; resize() would zero-fill n bytes first (100 MB: ~10 ms).
      const char* p = r.take_bytes(n);
      v.assign(reinterpret_cast<const C*>(p), n);
    } else {
      v.resize(n);
      r.read_bytes(v.data(), n * sizeof(C));
    }
  } else if constexpr (k == Kind::vector) {
    using E = typename T::value_type;
    const std::size_t n = r.read_count(min_encoded_size<E>());
    if constexpr (is_memcpyable<E>()) {
      if (v.capacity() < n) {
        v.reserve(n);
        advise_huge_pages(v.data(), n * sizeof(E));
      }
    }
    if constexpr (is_byte_like<E>()) {
      // Bytes may be read through a pointer to their own type: assign()
      // copies once instead of resize() zero-filling first.
      const auto* p = reinterpret_cast<const E*>(r.take_bytes(n));
      v.assign(p, p + n);
      return;
    }
    v.resize(n);
    if constexpr (is_memcpyable<E>()) {
      r.read_bytes(v.data(), n * sizeof(E));
    } else {
      for (E& e : v) decode_value(r, e);
    }
  } else if constexpr (k == Kind::vector_bool) {
    const std::size_t n = r.read_count(1);
    v.assign(n, false);
    for (std::size_t i = 0; i < n; ++i) {
      char c;
      r.read_bytes(&c, 1);
      v[i] = c != 0;
    }
  } else if constexpr (k == Kind::array) {
    for (auto& e : v) decode_value(r, e);
  } else if constexpr (k == Kind::sequence) {
    const std::size_t n = r.read_count(min_encoded_size<typename T::value_type>());
    v.clear();
    v.resize(n);
    for (auto& e : v) decode_value(r, e);
  } else if constexpr (k == Kind::set) {
    using E = typename T::value_type;
    const std::size_t n = r.read_count(min_encoded_size<E>());
    v.clear();
    if constexpr (requires { v.reserve(n); }) v.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      E e{};
      decode_value(r, e);
      v.insert(v.end(), std::move(e));  // end hint: encoded order is the container's order
    }
  } else if constexpr (k == Kind::map) {
    using K = typename T::key_type;
    using M = typename T::mapped_type;
    const std::size_t n = r.read_count(min_encoded_size<K>() + min_encoded_size<M>());
    v.clear();
    if constexpr (requires { v.reserve(n); }) v.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      K key{};
      decode_value(r, key);
      M value{};
      decode_value(r, value);
      v.emplace_hint(v.end(), std::move(key), std::move(value));
    }
  } else if constexpr (k == Kind::optional) {
    std::uint8_t has;
    r.read_bytes(&has, 1);
    if (has) {
      decode_value(r, v.emplace());
    } else {
      v.reset();
    }
  } else if constexpr (k == Kind::variant) {
    std::uint32_t index;
    r.read_bytes(&index, sizeof index);
    decode_variant(r, v, index, std::make_index_sequence<std::variant_size_v<T>>{});
  } else if constexpr (k == Kind::tuple) {
    std::apply([&r](auto&... e) { (decode_value(r, e), ...); }, v);
  } else if constexpr (k == Kind::duration) {
    typename T::rep count{};
    decode_value(r, count);
    v = T(count);
  } else if constexpr (k == Kind::time_point) {
    typename T::duration d{};
    decode_value(r, d);
    v = T(d);
  } else if constexpr (k == Kind::monostate) {
  } else if constexpr (k == Kind::aggregate) {
    visit_fields(v, [&r](auto&... f) { (decode_value(r, f), ...); });
  } else {
    require_serializable<T>();
  }
}

}  // namespace detail

template <class... Ts>
void Writer::operator()(const Ts&... values) {
  (detail::require_serializable<Ts>(), ...);
  (detail::encode_value(*this, values), ...);
}

template <class... Ts>
void Reader::operator()(Ts&... values) {
  (detail::require_serializable<Ts>(), ...);
  (detail::decode_value(*this, values), ...);
}

// Appends the encoding of value to out.
template <class T>
void encode_into(ByteBuffer& out, const T& value) {
  detail::require_serializable<T>();
  Writer w(out);
  detail::encode_value(w, value);
}

// Returns the encoding of value.
template <class T>
ByteBuffer encode(const T& value) {
  ByteBuffer out;
  encode_into(out, value);
  return out;
}

// Decodes a T that must span all of [data, data+size); throws DecodeError
// on truncated input or trailing bytes.
template <class T>
T decode(const char* data, std::size_t size) {
  detail::require_serializable<T>();
  static_assert(std::is_default_constructible_v<T>,
                "boundwise codec: decoding constructs the value first, so T needs a default constructor");
  Reader r(data, size);
  T value{};
  detail::decode_value(r, value);
  if (r.remaining() != 0) throw DecodeError("boundwise codec: trailing bytes after the value");
  return value;
}

template <class T>
T decode(const ByteBuffer& bytes) {
  return decode<T>(bytes.data(), bytes.size());
}

}  // namespace boundwise
