// The whole program: summaries of all translation units linked by USR into
// one call graph, solved to a fixpoint into a class, an evidence chain and a
// recommendation per function, plus what runs concurrently with what.
#ifndef BOUNDWISE_RULES_PROGRAM_H
#define BOUNDWISE_RULES_PROGRAM_H

#include "race/race_detector.h"
#include "summary.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace boundwise {

enum class WorkClass { Io, Cpu, Mixed, Unknown };
llvm::StringRef work_class_name(WorkClass C);

/// Expected microseconds per call, split by where the time goes.
struct CostProfile {
  double Cpu = 0;
  std::array<double, BlockingCategoryCount> Io{};
  /// Time in calls nothing is known about.
  double Unknown = 0;

  double io() const;
  double total() const { return Cpu + io() + Unknown; }
  void add(const CostProfile &Other, double Times);
};

/// How a function comes to run on another thread.
struct ConcurrencyFacts {
  /// Index into Program::spawns() of the first entry point that reaches it.
  int FirstSpawn = -1;
  /// Entry points reaching it (at most a few are kept).
  std::vector<int> Spawns;
  /// Several instances may run at once: a pool, a parallel region, a spawn
  /// in a loop, or more than one entry point.
  bool ManyInstances = false;
  /// Function names from the task body down to this function.
  std::vector<std::string> Path;
};

struct FunctionFacts {
  const FunctionSummary *Summary = nullptr;
  CostProfile Total;
  WorkClass Class = WorkClass::Unknown;
  double Confidence = 0;
  std::string Recommendation;
  /// Shortest chain to the dominant cost: {"sync_all", "push_batch", "send [network]"}.
  std::vector<std::string> Evidence;
  /// For unknown: the external function that lacked knowledge.
  std::string UnknownReason;
  /// MT-unsafe APIs reached through calls (for the ProcessPool advice).
  std::vector<std::string> MtUnsafeReached;
  std::optional<ConcurrencyFacts> Concurrency;
};

struct ProgramSpawn {
  const FunctionSummary *Owner = nullptr;
  const SpawnSite *Site = nullptr;
};

class Program {
public:
  /// Links the summaries; the result does not depend on their order.
  static std::unique_ptr<Program> link(std::vector<TranslationUnitSummary> Units,
                                       const KnowledgeBase &Knowledge);

  const FunctionFacts *find(llvm::StringRef Usr) const;
  /// The definition of \p Usr a call from \p Caller reaches: one in the
  /// caller's own file wins over namesakes of other programs.
  const FunctionFacts *find(llvm::StringRef Usr, const FunctionSummary *Caller) const {
    return definition(Usr, Caller);
  }
  /// Data races between concurrent contexts (see race/race_detector.h).
  const std::vector<DataRace> &races() const { return Races; }
  /// Accesses reached from concurrent code that the race detector could not resolve.
  const std::vector<UndecidedAccess> &undecided_accesses() const { return Undecided; }
  /// Every defined function, ordered by file and line.
  const std::vector<FunctionFacts> &functions() const { return Facts; }
  const std::vector<ProgramSpawn> &spawns() const { return Spawns; }
  /// The functions a call site in \p Caller may reach (overriders, pointer
  /// targets); a definition in the caller's own file wins over namesakes.
  std::vector<const FunctionFacts *> resolve(const CallSite &Site,
                                             const FunctionSummary *Caller = nullptr) const;
  /// Functions that call \p Api and run concurrently.
  std::vector<const FunctionFacts *> concurrent_callers(llvm::StringRef Api) const;
  const std::vector<TranslationUnitSummary> &units() const { return Units; }

private:
  Program() = default;
  void index();
  void classify(const KnowledgeBase &Knowledge);
  void advise_coroutines();
  void find_concurrency();

  const FunctionFacts *definition(llvm::StringRef Usr, const FunctionSummary *Caller) const;

  std::vector<TranslationUnitSummary> Units;
  std::vector<FunctionFacts> Facts;
  /// The main file each summary came from.
  llvm::DenseMap<const FunctionSummary *, llvm::StringRef> UnitOf;
  /// Definitions by USR. Usually one; several when separate programs (each
  /// with its own main) are analysed together.
  llvm::StringMap<std::vector<size_t>> ByUsr;
  llvm::StringMap<std::vector<size_t>> Overriders;
  llvm::StringMap<std::vector<size_t>> BySignature;
  std::vector<ProgramSpawn> Spawns;
  std::vector<DataRace> Races;
  std::vector<UndecidedAccess> Undecided;
};

} // namespace boundwise

#endif
