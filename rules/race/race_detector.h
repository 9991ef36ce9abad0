// Whole-program race detection: for every function that starts threads or
// OpenMP teams, the accesses each concurrent context makes (through calls,
// in any translation unit) are paired, and pairs on the same location with
// a write, no common lock and no ordering are races.
#ifndef BOUNDWISE_RULES_RACE_RACE_DETECTOR_H
#define BOUNDWISE_RULES_RACE_RACE_DETECTOR_H

#include <string>
#include <vector>

namespace boundwise {

class Program;

/// One of the two accesses of a race, and the context it runs in.
struct RaceSide {
  std::string File;
  int Line = 0;
  int Column = 0;
  bool Write = false;
  bool Atomic = false;
  /// The access as written ("stats.count", "a[i + 1]").
  std::string Spelling;
  /// Locks held, as written.
  std::vector<std::string> Locks;
  /// The function the access is in.
  std::string Function;
  /// Where the thread, team or task that makes the access starts; empty
  /// File for the starting thread itself.
  std::string StartApi;
  std::string StartFile;
  int StartLine = 0;
  int StartColumn = 0;
  bool StartInLoopOrPool = false;
  /// The function that starts it (for the starting thread: that function).
  std::string Spawner;
};

struct DataRace {
  /// The shared variable as written at the warned access.
  std::string Variable;
  RaceSide Warned;
  RaceSide Other;
  /// Both sides are instances of one start (a thread spawned in a loop, a team).
  bool SameStart = false;
  /// Every access anywhere to this global scalar is a load, a store or a
  /// read-modify-write: std::atomic<T> is a drop-in fix.
  bool AtomicFixSafe = false;
  std::string GlobalName;
  /// Every other access to the location holds this one lock (its spelling):
  /// the fix is to take it here too.
  std::string CommonLock;
};

/// An access the detector could not check: it stays silent there rather than
/// guess, and `boundwise check --explain` says so.
struct UndecidedAccess {
  std::string File;
  int Line = 0;
  int Column = 0;
  std::string Reason;
};

std::vector<DataRace> find_data_races(const Program &P,
                                      std::vector<UndecidedAccess> *Undecided = nullptr);

} // namespace boundwise

#endif
