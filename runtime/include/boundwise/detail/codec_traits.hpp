// Type classification for the codec: which encoding a type gets, whether it is serializable, and why not.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <deque>
#include <functional>
#include <ios>
#include <list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#include "boundwise/detail/codec_reflect.hpp"

namespace boundwise {
class Writer;
class Reader;
}  // namespace boundwise

namespace boundwise::detail {

template <class T, template <class...> class Tmpl>
inline constexpr bool is_specialization_of = false;
template <template <class...> class Tmpl, class... A>
inline constexpr bool is_specialization_of<Tmpl<A...>, Tmpl> = true;

template <class T>
inline constexpr bool is_std_array = false;
template <class T, std::size_t N>
inline constexpr bool is_std_array<std::array<T, N>> = true;

template <class T>
inline constexpr bool is_std_span = false;
template <class T, std::size_t N>
inline constexpr bool is_std_span<std::span<T, N>> = true;

namespace adl {
void serialize() = delete;  // blocks unqualified lookup so only ADL finds user overloads
template <class A, class T>
concept HasFreeSerialize = requires(A& a, T& t) { serialize(a, t); };
}  // namespace adl

template <class T>
concept HasMemberSerialize = requires(T& t, Writer& w, Reader& r) {
  t.serialize(w);
  t.serialize(r);
};

template <class T>
concept HasFreeSerialize = adl::HasFreeSerialize<Writer, T> && adl::HasFreeSerialize<Reader, T>;

enum class Kind {
  unsupported,
  user_member,
  user_free,
  arithmetic,
  enumeration,
  string,
  vector_bool,
  vector,
  array,
  sequence,  // deque, list: size + elements, decoded by resize
  set,       // set, multiset, unordered_set, unordered_multiset
  map,       // map, multimap, unordered_map, unordered_multimap
  optional,
  variant,
  tuple,  // pair and tuple
  duration,
  time_point,
  monostate,
  aggregate,
};

template <class T>
consteval Kind kind_of() {
  using U = T;
  if constexpr (std::is_reference_v<U> || std::is_pointer_v<U> || std::is_member_pointer_v<U> ||
                std::is_array_v<U> || std::is_function_v<U> || std::is_void_v<U>) {
    return Kind::unsupported;
  } else if constexpr (std::is_const_v<U> || std::is_volatile_v<U>) {
    return kind_of<std::remove_cv_t<U>>();
  } else if constexpr (HasMemberSerialize<U>) {
    return Kind::user_member;
  } else if constexpr (HasFreeSerialize<U>) {
    return Kind::user_free;
  } else if constexpr (std::is_arithmetic_v<U>) {
    return Kind::arithmetic;
  } else if constexpr (std::is_enum_v<U>) {
    return Kind::enumeration;
  } else if constexpr (is_specialization_of<U, std::basic_string>) {
    return Kind::string;
  } else if constexpr (is_specialization_of<U, std::vector>) {
    if constexpr (std::is_same_v<typename U::value_type, bool>) {
      return Kind::vector_bool;
    } else {
      return Kind::vector;
    }
  } else if constexpr (is_std_array<U>) {
    return Kind::array;
  } else if constexpr (is_specialization_of<U, std::deque> || is_specialization_of<U, std::list>) {
    return Kind::sequence;
  } else if constexpr (is_specialization_of<U, std::set> || is_specialization_of<U, std::multiset> ||
                       is_specialization_of<U, std::unordered_set> ||
                       is_specialization_of<U, std::unordered_multiset>) {
    return Kind::set;
  } else if constexpr (is_specialization_of<U, std::map> || is_specialization_of<U, std::multimap> ||
                       is_specialization_of<U, std::unordered_map> ||
                       is_specialization_of<U, std::unordered_multimap>) {
    return Kind::map;
  } else if constexpr (is_specialization_of<U, std::optional>) {
    return Kind::optional;
  } else if constexpr (is_specialization_of<U, std::variant>) {
    return Kind::variant;
  } else if constexpr (is_specialization_of<U, std::pair> || is_specialization_of<U, std::tuple>) {
    return Kind::tuple;
  } else if constexpr (is_specialization_of<U, std::chrono::duration>) {
    return Kind::duration;
  } else if constexpr (is_specialization_of<U, std::chrono::time_point>) {
    return Kind::time_point;
  } else if constexpr (std::is_same_v<U, std::monostate>) {
    return Kind::monostate;
  } else if constexpr (std::is_class_v<U> && std::is_aggregate_v<U> && !is_std_span<U> &&
                       !is_specialization_of<U, std::basic_string_view>) {
    return Kind::aggregate;
  } else {
    return Kind::unsupported;
  }
}

template <class... Ts>
consteval bool all_serializable(TypeList<Ts...>*);

template <class T>
consteval bool is_serializable() {
  constexpr Kind k = kind_of<T>();
  using U = std::remove_cv_t<T>;
  if constexpr (k == Kind::unsupported) {
    return false;
  } else if constexpr (k == Kind::vector || k == Kind::array || k == Kind::sequence || k == Kind::set ||
                       k == Kind::optional) {
    return is_serializable<typename U::value_type>();
  } else if constexpr (k == Kind::string) {
    return std::is_trivially_copyable_v<typename U::value_type>;
  } else if constexpr (k == Kind::map) {
    return is_serializable<typename U::key_type>() && is_serializable<typename U::mapped_type>();
  } else if constexpr (k == Kind::variant) {
    return [] <class... A>(std::variant<A...>*) { return (is_serializable<A>() && ...); }(static_cast<U*>(nullptr));
  } else if constexpr (k == Kind::tuple) {
    return []<template <class...> class Tup, class... A>(Tup<A...>*) {
      return (is_serializable<A>() && ...);
    }(static_cast<U*>(nullptr));
  } else if constexpr (k == Kind::aggregate) {
    return all_serializable(static_cast<FieldTypes<U>*>(nullptr));
  } else {
    return true;
  }
}

template <class... Ts>
consteval bool all_serializable(TypeList<Ts...>*) {
  return (is_serializable<Ts>() && ...);
}

// Types whose object representation is the whole value, so a contiguous run
// of them is copied with one memcpy (same binary on both ends of the pipe).
template <class T>
consteval bool is_memcpyable() {
  constexpr Kind k = kind_of<T>();
  if constexpr (k == Kind::arithmetic || k == Kind::enumeration) {
    return true;
  } else if constexpr (k == Kind::array) {
    return is_memcpyable<typename T::value_type>();
  } else if constexpr (k == Kind::aggregate && std::is_trivially_copyable_v<T>) {
    return []<class... F>(TypeList<F...>*) {
      return (is_memcpyable<F>() && ...);
    }(static_cast<FieldTypes<T>*>(nullptr));
  } else {
    return false;
  }
}

// ---- Diagnostics: find the innermost type that makes T unserializable ----

struct NoOffender {};

template <class T>
struct FirstOffender;

template <class... Ts>
struct FirstOffenderOf {
  using type = NoOffender;
};
template <class T, class... Rest>
struct FirstOffenderOf<T, Rest...> {
  using type = std::conditional_t<is_serializable<T>(), typename FirstOffenderOf<Rest...>::type,
                                  typename FirstOffender<T>::type>;
};

template <class T>
struct FirstOffenderOfList;
template <class... Ts>
struct FirstOffenderOfList<TypeList<Ts...>> : FirstOffenderOf<Ts...> {};
template <template <class...> class Tmpl, class... Ts>
struct FirstOffenderOfList<Tmpl<Ts...>> : FirstOffenderOf<Ts...> {};

template <class T>
struct FirstOffender {
  static consteval auto pick() {
    constexpr Kind k = kind_of<T>();
    using U = std::remove_cv_t<T>;
    if constexpr (is_serializable<T>()) {
      return std::type_identity<NoOffender>{};
    } else if constexpr (k == Kind::vector || k == Kind::array || k == Kind::sequence || k == Kind::set ||
                         k == Kind::optional) {
      return std::type_identity<typename FirstOffender<typename U::value_type>::type>{};
    } else if constexpr (k == Kind::map) {
      return std::type_identity<
          typename FirstOffenderOf<typename U::key_type, typename U::mapped_type>::type>{};
    } else if constexpr (k == Kind::variant || k == Kind::tuple) {
      return std::type_identity<typename FirstOffenderOfList<U>::type>{};
    } else if constexpr (k == Kind::aggregate) {
      return std::type_identity<typename FirstOffenderOfList<FieldTypes<U>>::type>{};
    } else {
      return std::type_identity<T>{};
    }
  }
  using type = typename decltype(pick())::type;
};

template <class T>
inline constexpr bool dependent_false = false;

template <class T>
inline constexpr bool is_stream = std::is_base_of_v<std::ios_base, std::remove_cvref_t<T>>;

template <class T>
concept IsCallableObject = std::is_class_v<T> && requires { &T::operator(); };

// One struct per reason, so the compiler's "in instantiation of ..." line
// names both the reason and the offending type.
template <class T>
struct RawPointerIsNotSerializable {
  static_assert(dependent_false<T>,
                "boundwise codec: a raw pointer (or FILE*, or a member/function pointer) cannot cross a process "
                "boundary: the address means nothing in the other process. Send the pointed-to value (by value, "
                "std::optional or std::vector), or an index/key into data both sides can find.");
};
template <class T>
struct ReferenceIsNotSerializable {
  static_assert(dependent_false<T>,
                "boundwise codec: a reference member/element cannot be serialized; store the value type instead.");
};
template <class T>
struct CallableIsNotSerializable {
  static_assert(dependent_false<T>,
                "boundwise codec: std::function, lambdas and other callable objects hold code and captured state "
                "that cannot be copied to another process. Pass a plain function to ProcessPool::submit and its "
                "data as arguments.");
};
template <class T>
struct SmartPointerIsNotSerializable {
  static_assert(dependent_false<T>,
                "boundwise codec: smart pointers are not serialized (sharing does not survive a copy to another "
                "process). Store the value, or std::optional<T> for 'maybe absent'.");
};
template <class T>
struct ViewIsNotSerializable {
  static_assert(dependent_false<T>,
                "boundwise codec: std::string_view / std::span do not own their bytes; send std::string or "
                "std::vector instead.");
};
template <class T>
struct StreamIsNotSerializable {
  static_assert(dependent_false<T>,
                "boundwise codec: streams own OS handles and buffers that belong to one process; send the file "
                "path or the contents (std::string) instead.");
};
template <class T>
struct UnionIsNotSerializable {
  static_assert(dependent_false<T>,
                "boundwise codec: a union's active member is unknown to the codec; use std::variant.");
};
template <class T>
struct CArrayIsNotSerializable {
  static_assert(dependent_false<T>, "boundwise codec: C arrays are not serialized; use std::array or std::vector.");
};
template <class T>
struct TypeIsNotSerializable {
  static_assert(dependent_false<T>,
                "boundwise codec: this type is not serializable (mutexes, threads, atomics, OS handles and classes "
                "with private state have no portable value). If it is plain data, make it an aggregate of "
                "serializable fields, or give it a member `template <class Archive> void serialize(Archive& ar) "
                "{ ar(field1, field2); }` or a free `serialize(Archive&, T&)` found by ADL.");
};

template <class T>
consteval bool diagnose_offender() {
  using U = std::remove_cv_t<T>;
  if constexpr (std::is_reference_v<T>) {
    (void)sizeof(ReferenceIsNotSerializable<T>);
  } else if constexpr (std::is_pointer_v<U> || std::is_member_pointer_v<U>) {
    (void)sizeof(RawPointerIsNotSerializable<T>);
  } else if constexpr (std::is_array_v<U>) {
    (void)sizeof(CArrayIsNotSerializable<T>);
  } else if constexpr (is_specialization_of<U, std::unique_ptr> || is_specialization_of<U, std::shared_ptr> ||
                       is_specialization_of<U, std::weak_ptr>) {
    (void)sizeof(SmartPointerIsNotSerializable<T>);
  } else if constexpr (is_std_span<U> || is_specialization_of<U, std::basic_string_view>) {
    (void)sizeof(ViewIsNotSerializable<T>);
  } else if constexpr (is_stream<U>) {
    (void)sizeof(StreamIsNotSerializable<T>);
  } else if constexpr (std::is_union_v<U>) {
    (void)sizeof(UnionIsNotSerializable<T>);
  } else if constexpr (is_specialization_of<U, std::function> || IsCallableObject<U>) {
    (void)sizeof(CallableIsNotSerializable<T>);
  } else {
    (void)sizeof(TypeIsNotSerializable<T>);
  }
  return false;
}

// Call in every entry point: a no-op for serializable T, otherwise one
// static_assert that names the innermost offending type.
template <class T>
constexpr void require_serializable() {
  if constexpr (!is_serializable<T>()) {
    using Offender = typename FirstOffender<T>::type;
    if constexpr (std::is_same_v<Offender, NoOffender>) {
      (void)sizeof(TypeIsNotSerializable<T>);
    } else {
      (void)diagnose_offender<Offender>();
    }
  }
}

}  // namespace boundwise::detail
