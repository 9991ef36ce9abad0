// Wire format between a ProcessPool and its worker processes: frames, function references, worker start-up.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "boundwise/codec.hpp"

namespace boundwise::detail {

// Every message is one frame: this header, then `size` payload bytes.
// Native layout: both ends are the same binary on the same machine.
enum class FrameKind : std::uint32_t {
  hello = 1,   // worker -> parent, once, when the worker is ready
  task = 2,    // parent -> worker: FnRef trampoline, FnRef function, encoded arguments
  result = 3,  // worker -> parent: encoded result
  error = 4,   // worker -> parent: encoded (type name, what) of the exception the task threw
};

struct FrameHeader {
  FrameKind kind;
  std::uint32_t reserved;
  std::uint64_t id;
  std::uint64_t size;
};
static_assert(sizeof(FrameHeader) == 24);

// A function named across exec: which loaded object (index 0 = the main
// executable, otherwise the path the dynamic loader reports) and the
// offset from that object's load address. ASLR moves the base, never the
// offset, and parent and worker run the identical binary.
struct FnRef {
  std::string object;
  std::uint64_t offset = 0;

  template <class Archive>
  void serialize(Archive& ar) {
    ar(object, offset);
  }
};

using ErasedFn = void (*)();
// What the worker calls: decodes arguments from `in`, calls `fn`, appends the
// encoded result to `out`. One instantiation per callable signature.
using Trampoline = void (*)(ErasedFn fn, Reader& in, ByteBuffer& out);

// Parent side: names a function so a worker can find it. Throws
// std::invalid_argument if the address is in no loaded object.
FnRef locate_function(const void* address);
// Worker side: the inverse. Throws std::runtime_error if the object is not
// loaded or the address is not in one of its executable segments.
const void* resolve_function(const FnRef& ref);

template <class Fp>
const void* function_address(Fp fp) noexcept {
  return reinterpret_cast<const void*>(reinterpret_cast<std::uintptr_t>(fp));
}

// The environment variable that turns a re-executed program into a worker.
// Value: "<task fd>:<result fd>:<parent pid>".
inline constexpr const char* kWorkerEnvVar = "BOUNDWISE_PROCESS_WORKER";

// Referenced by ProcessPool so that the object file carrying the worker's
// start-up hook is always linked in from a static library.
void process_worker_anchor() noexcept;

}  // namespace boundwise::detail
