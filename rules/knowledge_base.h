// The API knowledge base: what a library call does (I/O category, CPU cost,
// MT-safety, whether it starts concurrent work), loaded from YAML data.
#ifndef BOUNDWISE_RULES_KNOWLEDGE_BASE_H
#define BOUNDWISE_RULES_KNOWLEDGE_BASE_H

#include "effect_category.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace boundwise {

/// What one call of a known API costs and where the time goes.
struct ApiEffect {
  EffectCategory Category = EffectCategory::Compute;
  /// Blocking operations: expected time spent waiting (off the CPU) per call.
  /// Compute: CPU time per call.
  double CostMicros = 0;
  /// Blocking operations: CPU time the call itself burns (formatting,
  /// copying from the page cache, the system call).
  double CpuMicros = 0;
};

struct MtUnsafeApi {
  std::string Alternative;
  /// The reentrant function a mechanical rewrite may call instead ("" if none).
  std::string FixIt;
  /// Only unsafe when one of these is called concurrently too (getenv/setenv).
  std::vector<std::string> OnlyWith;
};

enum class ExecutorKind { Thread, Async, ThreadPool, ProcessPool, ParallelAlgorithm, OpenMP };
llvm::StringRef executor_kind_name(ExecutorKind Kind);

struct ExecutorApi {
  ExecutorKind Kind = ExecutorKind::Thread;
  /// Index of the callable argument; -1 means every callable argument.
  int TaskArgument = -1;
  /// True when one spawn runs its task many times at once (pools, parallel
  /// algorithms), so the task races with itself.
  bool ManyInstances = false;
};

class KnowledgeBase {
public:
  /// The knowledge shipped with boundwise (rules/knowledge/*.yaml, embedded).
  static const KnowledgeBase &builtin();

  /// Adds the entries of one YAML document; errors name \p FileName and the line.
  llvm::Error merge_yaml(llvm::StringRef Yaml, llvm::StringRef FileName);

  const ApiEffect *effect(llvm::StringRef QualifiedName) const;
  const ApiEffect *stream_type(llvm::StringRef QualifiedClassName) const;
  const ApiEffect *stream_global(llvm::StringRef QualifiedName) const;
  const MtUnsafeApi *mt_unsafe(llvm::StringRef QualifiedName) const;
  const ExecutorApi *executor(llvm::StringRef QualifiedName) const;
  bool is_pure(llvm::StringRef QualifiedName) const { return Pure.contains(QualifiedName); }
  /// CPU cost of one call of an inline library function (std::vector::operator[],
  /// std::unordered_map::find), looked up by the function's name, then by its
  /// class's name; nullptr when neither is listed.
  const ApiEffect *library_call(llvm::StringRef QualifiedName,
                                llvm::StringRef ClassName = {}) const;
  bool is_parallel_policy(llvm::StringRef QualifiedName) const {
    return ParallelPolicies.contains(QualifiedName);
  }
  /// Names of every MT-unsafe API (for building matchers).
  std::vector<std::string> mt_unsafe_names() const;
  /// Every API the base knows anything about (for reporting unknowns).
  bool knows(llvm::StringRef QualifiedName) const;

private:
  llvm::StringMap<ApiEffect> Effects;
  llvm::StringMap<ApiEffect> StreamTypes;
  llvm::StringMap<ApiEffect> StreamGlobals;
  llvm::StringMap<ApiEffect> LibraryCalls;
  llvm::StringMap<MtUnsafeApi> MtUnsafe;
  llvm::StringMap<ExecutorApi> Executors;
  llvm::StringMap<bool> Pure;
  llvm::StringMap<bool> ParallelPolicies;
};

} // namespace boundwise

#endif
