// What one function does to memory other threads may see: accesses with the
// locks held, calls with what their arguments point to, and the threads and
// OpenMP teams it starts. Part of the per-function summary, so the race
// detector links it across translation units like the call graph.
#ifndef BOUNDWISE_RULES_RACE_SHARED_ACCESS_H
#define BOUNDWISE_RULES_RACE_SHARED_ACCESS_H

#include "llvm/Support/JSON.h"

#include <climits>
#include <string>
#include <vector>

namespace boundwise {

struct SourcePoint;

/// An array index as far as the analysis can tell: a constant, or
/// Scale * Symbol + Offset. Symbols name values: "p:N" (by-value parameter
/// N), "load:p:N" (a value read through parameter N), "l:<id>" (a local),
/// "iter" (an OpenMP worksharing loop's iteration), "tid" (the OpenMP thread
/// number), "inst:<start>" (a value distinct per instance of one start).
struct IndexTerm {
  enum Kind { Unknown, Constant, Affine };
  Kind K = Unknown;
  std::string Symbol;
  long Scale = 1;
  long Offset = 0;
  /// The values the term takes, when a loop with constant bounds decides them.
  bool Bounded = false;
  long Low = 0;
  long High = 0;

  static IndexTerm unknown() { return {}; }
  static IndexTerm constant(long C) { return {Constant, "", 0, C, true, C, C}; }
  static IndexTerm affine(std::string Symbol) { return {Affine, std::move(Symbol), 1, 0}; }
  bool operator==(const IndexTerm &O) const {
    return K == O.K && Symbol == O.Symbol && Scale == O.Scale && Offset == O.Offset;
  }
};

/// One step from a root to a sub-object: a field or an array element.
struct AccessStep {
  enum Kind { Field, Element };
  Kind K = Field;
  std::string Name;
  IndexTerm Index;
};

/// A memory location as a root plus steps. Roots: "g:<usr>" (global or
/// static), "l:<id>" (a local whose address escapes), "p:N" (what parameter N
/// refers or points to), "this", "h:<id>" (what a local pointer points to
/// when its target is unknown), or a synthetic lock such as "omp-critical:x".
struct MemoryLocation {
  std::string Root;
  std::vector<AccessStep> Steps;
  /// How the source spells it, for messages ("stats.count", "data[i]").
  std::string Spelling;

  bool valid() const { return !Root.empty(); }
};

struct HeldLock {
  MemoryLocation Lock;
  /// A reader lock (shared_lock, pthread_rwlock_rdlock): readers do not exclude readers.
  bool Shared = false;
};

/// Where in a function an event happens, for ordering and OpenMP structure.
struct EventContext {
  /// Source-order position within the function.
  int Order = 0;
  /// The start (index into SharedAccessSummary::Starts) whose inline body
  /// holds the event (OpenMP regions and tasks), or -1 for the function body.
  int Start = -1;
  /// Within an OpenMP team: the barrier-separated phase.
  int Phase = 0;
  /// Within an OpenMP team: the single/master/section block that runs on one
  /// thread, or -1 for code every thread of the team runs.
  int Unit = -1;
  /// Locks held, from this function's own lock operations.
  std::vector<HeldLock> Locks;
  /// Threads this function joined before, that it did not start itself.
  std::vector<std::string> Joined;
  /// A wait (condition variable, future, semaphore, barrier, join of another
  /// thread, call_once) happened before in this function.
  bool AfterWait = false;
  /// A signal (notify, set_value, post, atomic store, barrier) follows in
  /// this function.
  bool BeforeSignal = false;
};

struct SharedAccess {
  MemoryLocation Location;
  bool Write = false;
  bool Atomic = false;
  /// Only ++, --, compound assignment, plain assignment or a plain read of a
  /// scalar: std::atomic<T> would be a drop-in replacement.
  bool AtomicReplaceable = false;
  EventContext Context;
  std::string File;
  int Line = 0;
  int Column = 0;
};

/// What an argument hands to the callee: the object it refers or points to,
/// and its value when it is an index-like integer.
struct ArgumentBinding {
  MemoryLocation Points;
  IndexTerm Value;
};

struct AccessCall {
  std::vector<std::string> Callees;
  /// Binding for each parameter; "this" of a member call is Object.
  std::vector<ArgumentBinding> Arguments;
  MemoryLocation Object;
  EventContext Context;
  /// Callees run their body under call_once: they are already synchronized.
  bool Once = false;
};

/// A thread, pool task, OpenMP team or task started by the function.
struct ThreadStart {
  enum Kind { Thread, Team, Task };
  Kind K = Thread;
  std::string Api;
  /// Functions that run as the body (empty for OpenMP, whose body is inline).
  std::vector<std::string> Entries;
  std::vector<ArgumentBinding> Arguments;
  /// The object a member function entry runs on.
  MemoryLocation ThisObject;
  /// Values that differ per instance (the loop variable of a spawn loop).
  std::vector<std::string> InstanceSymbols;
  /// More than one instance runs at once.
  bool Many = false;
  /// OpenMP simd safelen(n): lanes closer than n iterations never overlap.
  int SafeLength = 0;
  /// The objects a join names to end this start (thread variables, pools, futures).
  std::vector<std::string> Handles;
  /// Order of the start and of the join (INT_MAX: not joined in this function).
  EventContext Context;
  int JoinOrder = INT_MAX;
  /// For tasks: variables named by depend clauses, "out:" or "in:" prefixed.
  std::vector<std::string> Depends;
  std::string File;
  int Line = 0;
  int Column = 0;
};

/// A lock left held (or released) by the function when it returns: lock wrappers.
struct LockEffect {
  MemoryLocation Lock;
  bool Acquires = true;
};

struct SharedAccessSummary {
  std::vector<SharedAccess> Accesses;
  std::vector<AccessCall> Calls;
  std::vector<ThreadStart> Starts;
  std::vector<LockEffect> LockEffects;
  /// The function waits (condition variable, future, join...) or signals
  /// (notify, atomic store...): callers' later or earlier events are ordered.
  bool Waits = false;
  bool Signals = false;
  /// It waits on a barrier: its events carry barrier phases.
  bool UsesBarrier = false;
  bool empty() const { return Accesses.empty() && Calls.empty() && Starts.empty(); }
};

llvm::json::Value toJSON(const SharedAccessSummary &S);
bool fromJSON(const llvm::json::Value &V, SharedAccessSummary &S, llvm::json::Path P);

} // namespace boundwise

#endif
