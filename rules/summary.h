// Per-function facts extracted from one translation unit: a plain, versioned,
// serializable value that the whole-program step links by USR.
#ifndef BOUNDWISE_RULES_SUMMARY_H
#define BOUNDWISE_RULES_SUMMARY_H

#include "effect_category.h"
#include "knowledge_base.h"
#include "race/shared_access.h"

#include "llvm/Support/JSON.h"

#include <string>
#include <vector>

namespace boundwise {

struct SourcePoint {
  std::string File;
  int Line = 0;
  int Column = 0;
};

/// A call to a known blocking API, made directly by the function.
struct BlockingOperation {
  std::string Api;
  EffectCategory Category = EffectCategory::Disk;
  /// Expected latency of one call.
  double CostMicros = 0;
  /// Expected calls per call of the enclosing function (loop trip counts).
  double Multiplier = 1;
  /// Only reached when something failed: weighs almost nothing.
  bool OnErrorPath = false;
  SourcePoint Where;
};

enum class CallKind { Direct, Virtual, Indirect };

/// Where a callee is declared, for callees without a definition anywhere.
enum class CalleeOrigin { Program, StandardLibrary, SystemLibrary, UserLibrary };

struct CallSite {
  CallKind Kind = CallKind::Direct;
  /// Direct and virtual: the callee's USR. Indirect: the canonical function type.
  std::string Callee;
  std::string CalleeName;
  CalleeOrigin Origin = CalleeOrigin::Program;
  double Multiplier = 1;
  bool OnErrorPath = false;
  SourcePoint Where;
};

/// A call to a CPU-heavy API the knowledge base knows (std::sort, SHA256,
/// compress): kept so the evidence can name it rather than "its own computation".
struct ComputeCall {
  std::string Api;
  double CostMicros = 0;
  double Multiplier = 1;
  SourcePoint Where;
};

/// A call to an MT-unsafe library function.
struct MtUnsafeCall {
  std::string Api;
  SourcePoint Where;
};

/// A place that hands work to another thread, process or loop.
struct SpawnSite {
  ExecutorKind Kind = ExecutorKind::Thread;
  std::string Api;
  SourcePoint Where;
  bool InLoop = false;
  /// The task body runs as several concurrent instances.
  bool ManyInstances = false;
  /// USRs of the functions that run as the task (lambda call operators included).
  std::vector<std::string> Tasks;
};

struct FunctionSummary {
  std::string Usr;
  std::string Name;
  SourcePoint Where;
  /// Canonical function type, used to resolve calls through pointers.
  std::string Signature;
  /// Microseconds of the function's own computation per call.
  double ComputeMicros = 0;
  /// Depth and estimated trip count of its deepest loop nest (evidence).
  int LoopDepth = 0;
  double LoopIterations = 0;
  std::vector<BlockingOperation> Blocking;
  /// Known heavy calls; their cost is already part of ComputeMicros.
  std::vector<ComputeCall> HeavyCalls;
  std::vector<CallSite> Calls;
  std::vector<MtUnsafeCall> MtUnsafe;
  std::vector<SpawnSite> Spawns;
  /// USRs of the methods this one overrides.
  std::vector<std::string> Overrides;
  bool IsCoroutine = false;
  /// Shared-memory accesses, locks and thread starts, for the race detector.
  SharedAccessSummary Shared;
};

struct AddressTakenFunction {
  std::string Usr;
  std::string Signature;
};

struct TranslationUnitSummary {
  static constexpr int FormatVersion = 3;
  std::string MainFile;
  std::vector<FunctionSummary> Functions;
  std::vector<AddressTakenFunction> AddressTaken;
};

llvm::json::Value toJSON(const TranslationUnitSummary &S);
bool fromJSON(const llvm::json::Value &V, TranslationUnitSummary &S, llvm::json::Path P);

} // namespace boundwise

#endif
