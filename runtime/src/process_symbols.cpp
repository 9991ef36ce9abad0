// Naming functions across exec: address <-> (loaded object, offset) via the dynamic loader's object list.
#include <dlfcn.h>
#include <link.h>

#include <cstdint>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "boundwise/detail/process_protocol.hpp"

namespace boundwise::detail {
namespace {

struct LoadedObject {
  std::string name;  // "" for the main executable (index 0 in the loader's list)
  std::uintptr_t base = 0;
  std::vector<std::pair<std::uintptr_t, std::uintptr_t>> exec_ranges;  // [lo, hi) of executable PT_LOADs
};

std::vector<LoadedObject> scan_objects() {
  std::vector<LoadedObject> objects;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* data) -> int {
        auto& out = *static_cast<std::vector<LoadedObject>*>(data);
        LoadedObject o;
        o.name = out.empty() ? std::string() : std::string(info->dlpi_name ? info->dlpi_name : "");
        o.base = info->dlpi_addr;
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const auto& ph = info->dlpi_phdr[i];
          if (ph.p_type == PT_LOAD && (ph.p_flags & PF_X) != 0) {
            const std::uintptr_t lo = info->dlpi_addr + ph.p_vaddr;
            o.exec_ranges.emplace_back(lo, lo + ph.p_memsz);
          }
        }
        out.push_back(std::move(o));
        return 0;
      },
      &objects);
  return objects;
}

// The object list only grows by dlopen, so a miss rescans once.
class ObjectTable {
 public:
  template <class Pred>
  const LoadedObject* find(Pred pred) {
    std::lock_guard guard(mutex_);
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (attempt == 1 || objects_.empty()) objects_ = scan_objects();
      for (const auto& o : objects_) {
        if (pred(o)) return &o;
      }
    }
    return nullptr;
  }

 private:
  std::mutex mutex_;
  std::vector<LoadedObject> objects_;
};

ObjectTable& table() {
  static ObjectTable* t = new ObjectTable();  // leaked: used by workers until _exit
  return *t;
}

bool contains(const LoadedObject& o, std::uintptr_t a) {
  for (const auto& [lo, hi] : o.exec_ranges) {
    if (a >= lo && a < hi) return true;
  }
  return false;
}

}  // namespace

FnRef locate_function(const void* address) {
  const auto a = reinterpret_cast<std::uintptr_t>(address);
  // Pointers returned by find() stay valid: the vector is only replaced on a
  // miss, and we copy out before returning.
  FnRef ref;
  bool found = false;
  table().find([&](const LoadedObject& o) {
    if (!contains(o, a)) return false;
    ref.object = o.name;
    ref.offset = a - o.base;
    found = true;
    return true;
  });
  if (!found) {
    throw std::invalid_argument("boundwise::ProcessPool: the function is not in the code of any loaded object "
                                "(JIT-generated code cannot be named in a worker process)");
  }
  return ref;
}

const void* resolve_function(const FnRef& ref) {
  const void* result = nullptr;
  bool object_found = false;
  table().find([&](const LoadedObject& o) {
    if (o.name != ref.object) return false;
    object_found = true;
    const std::uintptr_t a = o.base + ref.offset;
    if (contains(o, a)) result = reinterpret_cast<const void*>(a);
    return true;
  });
  if (!object_found) {
    throw std::runtime_error("boundwise worker: object '" + ref.object +
                             "' is not loaded here (was it dlopen()ed in the parent only?)");
  }
  if (result == nullptr) throw std::runtime_error("boundwise worker: function offset outside the object's code");
  return result;
}

}  // namespace boundwise::detail
