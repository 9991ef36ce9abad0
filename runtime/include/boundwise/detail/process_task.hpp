// Turning a C++ callable plus arguments into a task a worker process can run, and its result back into a Future.
#pragma once

#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <ranges>
#include <cstring>
#include <tuple>
#include <type_traits>
#include <utility>

#include "boundwise/codec.hpp"
#include "boundwise/detail/process_protocol.hpp"
#include "boundwise/future.hpp"

namespace boundwise::detail {

// ---- Which callables can cross exec, and why the others cannot ----

template <class F>
struct CapturingLambdaCannotRunInAnotherProcess {
  static_assert(dependent_false<F>,
                "boundwise::ProcessPool: a capturing lambda or function object cannot be sent to a worker "
                "process: its captures live in this process's memory and its code has no name the worker can "
                "look up. Write a plain function or a capture-less lambda and pass the captured values as "
                "arguments: pool.submit(+[](int x, std::string s) { ... }, x, s).");
};
template <class F>
struct StdFunctionCannotRunInAnotherProcess {
  static_assert(dependent_false<F>,
                "boundwise::ProcessPool: std::function erases which function it holds (and may hold captured "
                "state), so a worker process cannot reconstruct it. Pass the plain function (or capture-less "
                "lambda) itself.");
};
template <class F>
struct MemberPointerCannotRunInAnotherProcess {
  static_assert(dependent_false<F>,
                "boundwise::ProcessPool: a member function pointer needs an object, and the object lives in "
                "this process. Write a free function that takes the object's data as a (serializable) argument.");
};
template <class F>
struct CallableDoesNotAcceptTheseArguments {
  static_assert(dependent_false<F>,
                "boundwise::ProcessPool: the function cannot be called with these argument types (check the "
                "number and types of arguments passed to submit/map).");
};
template <class P>
struct MutableReferenceParameterIsUseless {
  static_assert(dependent_false<P>,
                "boundwise::ProcessPool: the task takes a non-const lvalue reference, but it runs on a copy in "
                "another process, so its changes would be silently lost. Take the parameter by value or const& "
                "and return what changed.");
};

template <class T>
inline constexpr bool is_function_pointer = std::is_pointer_v<T> && std::is_function_v<std::remove_pointer_t<T>>;

template <class F>
concept UnaryPlusGivesFunctionPointer = requires(F f) {
  { +f } -> std::same_as<std::decay_t<decltype(+f)>>;
  requires is_function_pointer<decltype(+f)>;
};

// Resolves F (with call arguments Args) to a plain function pointer, or stops
// compilation with a message saying what to write instead.
template <class... Args, class G>
auto to_function_pointer(G& f) {
  using D = std::remove_cv_t<G>;
  if constexpr (std::is_function_v<D>) {
    return &f;
  } else if constexpr (is_function_pointer<D>) {
    return static_cast<D>(f);
  } else if constexpr (std::is_member_pointer_v<D>) {
    (void)sizeof(MemberPointerCannotRunInAnotherProcess<D>);
    return static_cast<void (*)()>(nullptr);
  } else if constexpr (is_specialization_of<D, std::function>) {
    (void)sizeof(StdFunctionCannotRunInAnotherProcess<D>);
    return static_cast<void (*)()>(nullptr);
  } else if constexpr (UnaryPlusGivesFunctionPointer<D>) {
    return +f;  // capture-less lambda
  } else if constexpr (std::is_invocable_v<D&, std::decay_t<Args>...> &&
                       std::is_convertible_v<D, std::invoke_result_t<D&, std::decay_t<Args>...> (*)(
                                                    std::decay_t<Args>...)>) {
    // Capture-less generic lambda: instantiate it for the decayed argument types.
    using R = std::invoke_result_t<D&, std::decay_t<Args>...>;
    return static_cast<R (*)(std::decay_t<Args>...)>(f);
  } else {
    (void)sizeof(CapturingLambdaCannotRunInAnotherProcess<D>);
    return static_cast<void (*)()>(nullptr);
  }
}

// The same rules as to_function_pointer, as a predicate (no diagnostics).
template <class F, class... Args>
consteval bool is_process_callable() {
  using D = std::remove_cvref_t<F>;
  if constexpr (std::is_function_v<D> || is_function_pointer<D>) {
    return true;
  } else if constexpr (std::is_member_pointer_v<D> || is_specialization_of<D, std::function>) {
    return false;
  } else if constexpr (UnaryPlusGivesFunctionPointer<D>) {
    return true;
  } else if constexpr (std::is_invocable_v<D&, std::decay_t<Args>...>) {
    return std::is_convertible_v<D, std::invoke_result_t<D&, std::decay_t<Args>...> (*)(std::decay_t<Args>...)>;
  } else {
    return false;
  }
}

template <class Fp>
struct FnTraits;
template <class R, class... P>
struct FnTraits<R (*)(P...)> {
  using Result = std::remove_cvref_t<R>;
  using Params = std::tuple<std::remove_cvref_t<P>...>;
  static constexpr std::size_t arity = sizeof...(P);

  template <class Q>
  static constexpr void check_parameter() {
    if constexpr (std::is_lvalue_reference_v<Q> && !std::is_const_v<std::remove_reference_t<Q>>) {
      (void)sizeof(MutableReferenceParameterIsUseless<Q>);
    }
  }
  static constexpr bool check() {
    (check_parameter<P>(), ...);
    static_assert((std::is_default_constructible_v<std::remove_cvref_t<P>> && ...),
                  "boundwise::ProcessPool: every parameter type must be default-constructible: the worker "
                  "constructs it, then decodes the argument into it");
    static_assert(std::is_void_v<R> || std::is_default_constructible_v<std::remove_cvref_t<R>>,
                  "boundwise::ProcessPool: the result type must be default-constructible: the parent "
                  "constructs it, then decodes the worker's result into it");
    (require_serializable<std::remove_cvref_t<P>>(), ...);
    if constexpr (!std::is_void_v<R>) require_serializable<std::remove_cvref_t<R>>();
    return true;
  }
};
template <class R, class... P>
struct FnTraits<R (*)(P...) noexcept> : FnTraits<R (*)(P...)> {};

// Encodes `arg` as the parameter type A the worker will decode, converting
// first only when the caller passed a different type.
template <class A, class Arg>
void encode_argument(Writer& w, Arg&& arg) {
  if constexpr (std::is_same_v<std::remove_cvref_t<Arg>, A>) {
    encode_value(w, arg);
  } else {
    const A converted(std::forward<Arg>(arg));
    encode_value(w, converted);
  }
}

// ---- Worker side: the functions a task frame names ----

template <class Fp>
void run_task(ErasedFn erased, Reader& in, ByteBuffer& out) {
  using Traits = FnTraits<Fp>;
  const Fp fn = reinterpret_cast<Fp>(erased);
  typename Traits::Params args{};
  std::apply([&in](auto&... a) { in(a...); }, args);
  if constexpr (std::is_void_v<typename Traits::Result>) {
    std::apply(fn, std::move(args));
  } else {
    typename Traits::Result result = std::apply(fn, std::move(args));
    encode_into(out, result);
  }
}

// One map() chunk: n arguments in, n results out (the encoding of a vector).
// Trivially copyable arguments and results are read and written in bulk:
// for tiny tasks the per-element codec calls would cost more than the work.
template <class Fp>
void run_chunk(ErasedFn erased, Reader& in, ByteBuffer& out) {
  using Traits = FnTraits<Fp>;
  using A = std::tuple_element_t<0, typename Traits::Params>;
  using R = typename Traits::Result;
  const Fp fn = reinterpret_cast<Fp>(erased);
  const std::size_t n = in.read_count(min_encoded_size<A>());
  Writer w(out);
  w.write_size(n);
  if constexpr (is_memcpyable<A>() && is_memcpyable<R>()) {
    const char* src = in.take_bytes(n * sizeof(A));
    char* dst = out.extend(n * sizeof(R));
    for (std::size_t i = 0; i < n; ++i) {
      A a;
      std::memcpy(&a, src + i * sizeof(A), sizeof(A));
      const R r = fn(std::move(a));
      std::memcpy(dst + i * sizeof(R), &r, sizeof(R));
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      A a{};
      in(a);
      encode_value(w, fn(std::move(a)));
    }
  }
}

// Encodes items [first, first + k) of a map() call as the chunk's argument
// vector, in one copy when they already sit in memory in the wire layout.
template <class A, class Items>
void encode_chunk(Writer& w, const Items& items, std::ranges::iterator_t<const Items>& it, std::size_t k) {
  w.write_size(k);
  using Item = std::ranges::range_value_t<Items>;
  if constexpr (std::ranges::contiguous_range<const Items> && std::is_same_v<std::remove_cv_t<Item>, A> &&
                is_memcpyable<A>()) {
    w.write_bytes(std::to_address(it), k * sizeof(A));
    it += static_cast<std::ranges::range_difference_t<const Items>>(k);
  } else {
    for (std::size_t i = 0; i < k; ++i, ++it) encode_argument<A>(w, *it);
  }
}

// Cached per trampoline instantiation: the lookup walks the loaded objects.
template <Trampoline T>
const FnRef& trampoline_ref() {
  static const FnRef ref = locate_function(function_address(T));
  return ref;
}

// ---- Parent side: where a task's outcome goes ----

// Type-erased completion of one task's Future.
class ResultSink {
 public:
  virtual ~ResultSink() = default;
  // False if the consumer cancelled: do not send the task.
  virtual bool start() = 0;
  // Decodes the worker's encoded result and settles the future.
  virtual void complete(const char* data, std::size_t size) = 0;
  virtual void fail(std::exception_ptr error) = 0;
  // Cancels a task that has not started (shutdown with cancel_pending).
  virtual void cancel() = 0;
};

template <class R>
class TypedResultSink final : public ResultSink {
 public:
  Future<R> future() {
    Future<R> f = promise_.get_future();
    observer_ = f;
    return f;
  }
  bool start() override { return promise_.set_running(); }
  void complete(const char* data, std::size_t size) override {
    try {
      if constexpr (std::is_void_v<R>) {
        if (size != 0) throw DecodeError("boundwise: unexpected result bytes for a void task");
        promise_.set_value();
      } else {
        promise_.set_value(decode<R>(data, size));
      }
    } catch (...) {
      promise_.set_exception(std::current_exception());
    }
  }
  void fail(std::exception_ptr error) override { promise_.set_exception(std::move(error)); }
  void cancel() override { observer_.cancel(); }

 private:
  Promise<R> promise_;
  Future<R> observer_;  // lets the pool cancel a queued task like a consumer would
};

}  // namespace boundwise::detail
