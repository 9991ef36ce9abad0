// Race detection over linked summaries. Each function that starts threads,
// pool tasks, OpenMP teams or tasks is a "spawner": its own events and those
// of what it starts are expanded through calls into occurrences, each tagged
// with the context that runs it; pairs of occurrences are then tested for
// same location, concurrency, locks and ordering.
#include "race_detector.h"

#include "../program.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <deque>
#include <tuple>
#include <map>
#include <set>

namespace boundwise {
namespace {

constexpr int MaxCallDepth = 8;

bool is_distinct_symbol(llvm::StringRef S) {
  return S == "tid" || S.starts_with("iter") || S.starts_with("inst");
}

/// Collapsed OpenMP loops name each dimension "iter<id>:<k>/<n>": the
/// dimensions of one iteration form a group of n symbols.
std::pair<std::string, int> symbol_group(llvm::StringRef S) {
  if (S.starts_with("iter")) {
    auto [Group, Rest] = S.split(':');
    int Dims = 1;
    if (!Rest.split('/').second.getAsInteger(10, Dims))
      return {Group.str(), Dims};
    return {Group.str(), 1};
  }
  return {S.str(), 1};
}

/// How the values and objects of a callee's parameters are known in the
/// spawner's terms.
struct Binding {
  bool Identity = true;
  std::vector<ArgumentBinding> Params;
  MemoryLocation This;
  /// Locals of the spawner whose value differs per instance of a start.
  const llvm::StringMap<IndexTerm> *Symbols = nullptr;
};

IndexTerm substitute(const IndexTerm &T, const Binding &B) {
  if (T.K != IndexTerm::Affine)
    return T;
  llvm::StringRef Sym = T.Symbol;
  IndexTerm Value;
  if (B.Symbols)
    if (auto It = B.Symbols->find(Sym); It != B.Symbols->end()) {
      Value = It->second;
      goto compose;
    }
  if (B.Identity)
    return T;
  if (Sym.starts_with("p:")) {
    unsigned N = 0;
    if (Sym.drop_front(2).getAsInteger(10, N) || N >= B.Params.size())
      return IndexTerm::unknown();
    Value = B.Params[N].Value;
    goto compose;
  }
  if (Sym.starts_with("load:p:")) {
    unsigned N = 0;
    if (Sym.drop_front(7).getAsInteger(10, N) || N >= B.Params.size())
      return IndexTerm::unknown();
    // A value read from a per-instance object is itself per-instance (an id).
    for (const AccessStep &S : B.Params[N].Points.Steps)
      if (S.K == AccessStep::Element && S.Index.K == IndexTerm::Affine &&
          is_distinct_symbol(S.Index.Symbol))
        return IndexTerm::affine(S.Index.Symbol);
    if (llvm::StringRef(B.Params[N].Points.Root).starts_with("inst"))
      return IndexTerm::affine(B.Params[N].Points.Root);
    return IndexTerm::unknown();
  }
  return T;
compose:
  if (Value.K == IndexTerm::Constant)
    return IndexTerm::constant(T.Scale * Value.Offset + T.Offset);
  if (Value.K == IndexTerm::Affine) {
    IndexTerm Out{IndexTerm::Affine, Value.Symbol, T.Scale * Value.Scale, T.Scale * Value.Offset + T.Offset};
    if (Value.Bounded) {
      Out.Bounded = true;
      Out.Low = T.Scale * Value.Low + T.Offset;
      Out.High = T.Scale * Value.High + T.Offset;
      if (Out.Low > Out.High)
        std::swap(Out.Low, Out.High);
    }
    return Out;
  }
  return IndexTerm::unknown();
}

MemoryLocation substitute(const MemoryLocation &L, const Binding &B) {
  if (!L.valid())
    return {};
  MemoryLocation Out;
  llvm::StringRef Root = L.Root;
  // A function's own locals: shared only by the spawner with what it starts;
  // in any other function they are private to the call.
  if (Root.starts_with("o:") || Root.starts_with("oh:")) {
    if (!B.Identity)
      return {};
    Out.Root = (Root.starts_with("o:") ? "l:" : "h:") + Root.split(':').second.str();
  } else if (!B.Identity && Root.starts_with("p:")) {
    unsigned N = 0;
    if (Root.drop_front(2).getAsInteger(10, N) || N >= B.Params.size() || !B.Params[N].Points.valid())
      return {};
    Out = B.Params[N].Points;
  } else if (!B.Identity && Root == "this") {
    if (!B.This.valid())
      return {};
    Out = B.This;
  } else if (Out.Root.empty()) {
    Out.Root = L.Root;
  }
  for (const AccessStep &S : L.Steps) {
    AccessStep Step = S;
    Step.Index = substitute(S.Index, B);
    Out.Steps.push_back(std::move(Step));
  }
  Out.Spelling = L.Spelling;
  return Out;
}

/// Where an occurrence runs, in the spawner's terms.
struct Frame {
  int Start = -1;
  int Order = 0;
  int Phase = 0;
  int Unit = -1;
  bool FromEntry = false;
  bool Phased = false;
  bool AfterWait = false;
  bool BeforeSignal = false;
  std::vector<HeldLock> Locks;
  /// Handles of threads joined before this point (by a thread that did not start them).
  std::vector<std::string> Joined;
  std::string Function;
};

struct Occurrence {
  MemoryLocation Location;
  const SharedAccess *Site = nullptr;
  Frame Where;
  bool Write = false;
  bool Atomic = false;
  bool Replaceable = false;
};

class SpawnerAnalysis {
public:
  SpawnerAnalysis(const Program &P, const FunctionSummary &Spawner,
                  std::vector<DataRace> &Races, llvm::StringSet<> &Reported,
                  std::map<std::string, bool> &GlobalReplaceable,
                  std::vector<UndecidedAccess> *Undecided)
      : P(P), Spawner(Spawner), S(Spawner.Shared), Races(Races), Reported(Reported),
        GlobalReplaceable(GlobalReplaceable), Undecided(Undecided) {}

  void run() {
    // The spawner's own events, including the inline bodies of OpenMP regions.
    Binding Identity;
    Frame Base;
    Base.Function = Spawner.Name;
    expand_inline(S, Identity, Base);
    // The entry functions of threads and pool tasks.
    for (size_t I = 0; I < S.Starts.size(); ++I) {
      const ThreadStart &Start = S.Starts[I];
      if (Start.Entries.empty())
        continue;
      auto &Symbols = InstanceSymbols.emplace_back();
      std::string Instance = "inst:" + std::to_string(I);
      for (const std::string &Local : Start.InstanceSymbols)
        Symbols[Local] = IndexTerm::affine(Instance);
      Symbols["inst"] = IndexTerm::affine(Instance);
      Binding Entry;
      Entry.Identity = false;
      Entry.Symbols = &Symbols;
      Binding Outer;
      Outer.Symbols = &Symbols;
      for (const ArgumentBinding &Arg : Start.Arguments)
        Entry.Params.push_back({substitute(Arg.Points, Outer), substitute(Arg.Value, Outer)});
      Entry.This = substitute(Start.ThisObject, Outer);
      for (const std::string &Usr : Start.Entries) {
        const FunctionFacts *Facts = P.find(Usr, &Spawner);
        if (!Facts || !Facts->Summary)
          continue;
        Frame F;
        F.Start = static_cast<int>(I);
        F.Order = Start.Context.Order;
        F.FromEntry = true;
        F.Function = Facts->Summary->Name;
        std::vector<std::string> Stack{Usr};
        expand(*Facts->Summary, Entry, F, 1, Stack);
      }
    }
    pair_up();
  }

private:
  /// Events of \p Summary at the spawner level: body and inline regions.
  void expand_inline(const SharedAccessSummary &Summary, const Binding &B, const Frame &Outer) {
    std::vector<std::string> Stack{Spawner.Usr};
    events(Spawner, Summary, B, Outer, 0, Stack, /*TopLevel=*/true);
  }

  void expand(const FunctionSummary &F, const Binding &B, const Frame &Outer, int Depth,
              std::vector<std::string> &Stack) {
    events(F, F.Shared, B, Outer, Depth, Stack, false);
  }

  /// Whether \p Usr or anything it calls has \p Flag (Waits, Signals) set.
  /// Asked for every call of every expansion: the answer is kept per callee.
  bool callee_has(const std::string &Usr, bool SharedAccessSummary::*Flag) {
    llvm::StringMap<bool> &Known = Flag == &SharedAccessSummary::Waits ? KnownWaits : KnownSignals;
    auto [It, Inserted] = Known.try_emplace(Usr, false);
    if (Inserted)
      It->second = callee_has(Usr, Flag, 0);
    return It->second;
  }
  bool callee_has(const std::string &Usr, bool SharedAccessSummary::*Flag, int Depth) {
    const FunctionFacts *Facts = P.find(Usr);
    if (!Facts || !Facts->Summary || Depth > 4)
      return false;
    if (Facts->Summary->Shared.*Flag)
      return true;
    for (const AccessCall &C : Facts->Summary->Shared.Calls)
      for (const std::string &Callee : C.Callees)
        if (Callee != Usr && callee_has(Callee, Flag, Depth + 1))
          return true;
    return false;
  }

  Frame frame_for(const EventContext &C, const Frame &Outer, bool TopLevel, const Binding &B,
                  const std::vector<HeldLock> &Wrapped, int LastWaitCall, int LastSignalCall,
                  bool Phased) {
    Frame F = Outer;
    if (TopLevel) {
      F.Start = C.Start;
      F.Order = C.Order;
      F.Phase = C.Phase;
      F.Unit = C.Unit;
    } else {
      F.Phase = Outer.Phase + C.Phase;
      F.Phased = Outer.Phased || Phased;
    }
    F.AfterWait = Outer.AfterWait || C.AfterWait || C.Order > LastWaitCall;
    F.BeforeSignal = Outer.BeforeSignal || C.BeforeSignal || C.Order < LastSignalCall;
    for (const HeldLock &L : C.Locks)
      if (MemoryLocation Lock = substitute(L.Lock, B); Lock.valid())
        F.Locks.push_back({Lock, L.Shared});
    for (const HeldLock &L : Wrapped)
      F.Locks.push_back(L);
    for (const std::string &H : C.Joined)
      if (MemoryLocation Handle = substitute(MemoryLocation{H, {}, ""}, B); Handle.valid())
        F.Joined.push_back(Handle.Root);
    return F;
  }

  void events(const FunctionSummary &Owner, const SharedAccessSummary &Summary, const Binding &B,
              const Frame &Outer, int Depth, std::vector<std::string> &Stack, bool TopLevel) {
    // Calls to functions that wait or signal order what comes after or before them.
    int FirstWaitCall = INT_MAX, LastSignalCall = INT_MIN;
    for (const AccessCall &C : Summary.Calls)
      for (const std::string &Callee : C.Callees) {
        if (callee_has(Callee, &SharedAccessSummary::Waits))
          FirstWaitCall = std::min(FirstWaitCall, C.Context.Order);
        if (callee_has(Callee, &SharedAccessSummary::Signals))
          LastSignalCall = std::max(LastSignalCall, C.Context.Order);
      }
    // Replay accesses and calls in order so lock wrappers apply to what follows.
    std::vector<std::pair<int, int>> Order; // (order, index): index >= 0 access, < 0 call
    for (size_t I = 0; I < Summary.Accesses.size(); ++I)
      Order.push_back({Summary.Accesses[I].Context.Order, static_cast<int>(I)});
    for (size_t I = 0; I < Summary.Calls.size(); ++I)
      Order.push_back({Summary.Calls[I].Context.Order, -1 - static_cast<int>(I)});
    llvm::sort(Order);
    std::vector<HeldLock> Wrapped;
    for (const auto &[Position, Index] : Order) {
      if (Index >= 0) {
        const SharedAccess &A = Summary.Accesses[Index];
        // Inside a callee, its own OpenMP regions are fork-join and analysed on their own.
        if (!TopLevel && A.Context.Start >= 0)
          continue;
        MemoryLocation L = substitute(A.Location, B);
        if (!L.valid()) {
          note_undecided(A, Owner);
          continue;
        }
        Occurrence O;
        O.Location = std::move(L);
        O.Site = &A;
        O.Where = frame_for(A.Context, Outer, TopLevel, B, Wrapped, FirstWaitCall, LastSignalCall,
                            Summary.UsesBarrier);
        O.Write = A.Write;
        O.Atomic = A.Atomic;
        O.Replaceable = A.AtomicReplaceable;
        note_global(O);
        Occurrences.push_back(std::move(O));
        continue;
      }
      const AccessCall &C = Summary.Calls[-1 - Index];
      if (!TopLevel && C.Context.Start >= 0)
        continue;
      Frame Inner = frame_for(C.Context, Outer, TopLevel, B, Wrapped, FirstWaitCall, LastSignalCall,
                              Summary.UsesBarrier);
      Binding CalleeBinding;
      CalleeBinding.Identity = false;
      CalleeBinding.Symbols = B.Symbols;
      for (const ArgumentBinding &Arg : C.Arguments)
        CalleeBinding.Params.push_back({substitute(Arg.Points, B), substitute(Arg.Value, B)});
      CalleeBinding.This = substitute(C.Object, B);
      for (const std::string &Usr : C.Callees) {
        const FunctionFacts *Facts = P.find(Usr, &Owner);
        if (!Facts || !Facts->Summary)
          continue;
        const SharedAccessSummary &Callee = Facts->Summary->Shared;
        if (!C.Once && Depth < MaxCallDepth && !llvm::is_contained(Stack, Usr)) {
          Stack.push_back(Usr);
          Frame CalleeFrame = Inner;
          CalleeFrame.Function = Facts->Summary->Name;
          expand(*Facts->Summary, CalleeBinding, CalleeFrame, Depth + 1, Stack);
          Stack.pop_back();
        }
        // A lock wrapper changes the locks held after the call.
        for (const LockEffect &E : Callee.LockEffects) {
          MemoryLocation Lock = substitute(E.Lock, CalleeBinding);
          if (!Lock.valid())
            continue;
          if (E.Acquires) {
            Wrapped.push_back({Lock, false});
          } else {
            auto It = llvm::find_if(Wrapped, [&](const HeldLock &H) { return same(H.Lock, Lock, false); });
            if (It != Wrapped.end())
              Wrapped.erase(It);
          }
        }
      }
    }
  }

  /// An access through a parameter or `this` that the caller binds to
  /// nothing the analysis can name (a computed pointer, an unknown caller).
  void note_undecided(const SharedAccess &A, const FunctionSummary &Owner) {
    llvm::StringRef Root = A.Location.Root;
    if (!Undecided || !(Root.starts_with("p:") || Root == "this"))
      return;
    std::string Key = A.File + ":" + std::to_string(A.Line) + ":" + std::to_string(A.Column);
    if (!UndecidedSeen.insert(Key).second)
      return;
    std::string Through = Root == "this" ? "the object '" + Owner.Name + "' runs on"
                                         : "a parameter of '" + Owner.Name + "'";
    Undecided->push_back({A.File, A.Line, A.Column,
                          "'" + A.Location.Spelling + "' is reached through " + Through +
                              " that the caller binds to nothing the analysis can name; not "
                              "checked for data races"});
  }

  void note_global(const Occurrence &O) {
    if (!llvm::StringRef(O.Location.Root).starts_with("g:"))
      return;
    bool Fits = O.Location.Steps.empty() && (O.Replaceable || O.Atomic);
    auto [It, Inserted] = GlobalReplaceable.try_emplace(O.Location.Root, Fits);
    if (!Inserted)
      It->second = It->second && Fits;
  }

  // ---- relations ------------------------------------------------------------
  static bool same_term(const IndexTerm &A, const IndexTerm &B) { return A == B; }

  static bool same(const MemoryLocation &A, const MemoryLocation &B, bool Instances) {
    if (A.Root != B.Root || A.Steps.size() != B.Steps.size())
      return false;
    for (size_t I = 0; I < A.Steps.size(); ++I) {
      const AccessStep &X = A.Steps[I], &Y = B.Steps[I];
      if (X.K != Y.K || X.Name != Y.Name || !same_term(X.Index, Y.Index))
        return false;
      // locks[id] in two instances are two different locks.
      if (Instances && X.Index.K == IndexTerm::Affine && X.Index.Scale != 0 &&
          is_distinct_symbol(X.Index.Symbol))
        return false;
      if (X.K == AccessStep::Element && X.Index.K == IndexTerm::Unknown)
        return false;
    }
    return true;
  }

  /// Whether two accesses may touch the same memory. \p Instances: they come
  /// from two different instances of one start, so per-instance values
  /// (thread ids, iterations) differ; \p SafeLength: simd lanes closer than
  /// this never run together.
  static bool may_alias(const MemoryLocation &A, const MemoryLocation &B, bool Instances,
                        int SafeLength = 0) {
    if (A.Root != B.Root)
      return false;
    size_t N = std::min(A.Steps.size(), B.Steps.size());
    // Past a pointer stored in a per-instance object, the pointee may be
    // shared: per-instance steps before the last dereference prove nothing.
    size_t AfterDeref = 0;
    for (size_t I = 0; I < N; ++I)
      if ((A.Steps[I].K == AccessStep::Field && A.Steps[I].Name == "*") ||
          (B.Steps[I].K == AccessStep::Field && B.Steps[I].Name == "*"))
        AfterDeref = I + 1;
    std::map<std::string, int> EqualDims, GroupDims;
    for (size_t I = 0; I < N; ++I) {
      const AccessStep &X = A.Steps[I], &Y = B.Steps[I];
      // A container's header and its elements are different memory.
      if ((X.K == AccessStep::Field && X.Name == "#header") != (Y.K == AccessStep::Field && Y.Name == "#header"))
        return false;
      if (X.K != Y.K)
        return true;
      if (X.K == AccessStep::Field) {
        if (X.Name != Y.Name && X.Name != "*" && Y.Name != "*")
          return false;
        continue;
      }
      const IndexTerm &S = X.Index, &T = Y.Index;
      if (S.Bounded && T.Bounded && (S.High < T.Low || T.High < S.Low))
        return false;
      if (S.K == IndexTerm::Constant && T.K == IndexTerm::Constant) {
        if (S.Offset != T.Offset)
          return false;
        continue;
      }
      if (S.K != IndexTerm::Affine || T.K != IndexTerm::Affine || S.Symbol != T.Symbol)
        continue;
      if (Instances && is_distinct_symbol(S.Symbol)) {
        // Scale*v + c1 == Scale*w + c2 for two instances' values v, w.
        if (S.Scale != T.Scale || S.Scale == 0)
          continue;
        long Difference = T.Offset - S.Offset;
        if (Difference % S.Scale != 0)
          return false;
        if (Difference == 0) {
          if (I >= AfterDeref) {
            auto [Group, Dims] = symbol_group(S.Symbol);
            ++EqualDims[Group];
            GroupDims[Group] = Dims;
          }
          continue;
        }
        if (SafeLength > 0 && std::labs(Difference / S.Scale) >= SafeLength)
          return false;
        continue;
      }
      if (!Instances && S.Scale == T.Scale && S.Scale != 0 && S.Offset != T.Offset &&
          !llvm::StringRef(S.Symbol).starts_with("l:"))
        return false;
    }
    // Every dimension of the instance forced equal: that is one instance, not two.
    for (const auto &[Group, Count] : EqualDims)
      if (Count >= GroupDims[Group])
        return false;
    return true;
  }

  int parent(int Start) const { return Start < 0 ? -2 : S.Starts[Start].Context.Start; }

  bool descends(int Child, int Ancestor) const {
    for (int X = Child; X >= 0; X = parent(X))
      if (parent(X) == Ancestor)
        return true;
    return false;
  }

  /// The start just below \p Ancestor on the way to \p Child.
  int child_towards(int Child, int Ancestor) const {
    int X = Child;
    while (X >= 0 && parent(X) != Ancestor)
      X = parent(X);
    return X;
  }

  bool depend_ordered(const ThreadStart &A, const ThreadStart &B) const {
    for (const std::string &X : A.Depends)
      for (const std::string &Y : B.Depends) {
        llvm::StringRef XV = llvm::StringRef(X).split(':').second;
        llvm::StringRef YV = llvm::StringRef(Y).split(':').second;
        if (XV == YV && (!llvm::StringRef(X).starts_with("in:") || !llvm::StringRef(Y).starts_with("in:")))
          return true;
      }
    return false;
  }

  bool in_many_team(int Start) const {
    return Start >= 0 && S.Starts[Start].K == ThreadStart::Team && S.Starts[Start].Many;
  }

  /// Whether \p A (in start context \p AStart at order \p AOrder) runs while
  /// the start \p C (a child of AStart) is live.
  bool during(const Frame &A, const ThreadStart &C) const {
    if (in_many_team(A.Start) && A.Unit == -1)
      return A.Phase == C.Context.Phase;
    return C.Context.Order < A.Order && A.Order < C.JoinOrder;
  }

  /// Concurrency of two occurrences; sets \p Instances when they are two
  /// instances of one start.
  /// \p After joined the thread that runs \p Before.
  bool joined_before(const Frame &Before, const Frame &After) const {
    if (Before.Start < 0 || After.Joined.empty())
      return false;
    for (const std::string &H : S.Starts[Before.Start].Handles) {
      std::string Shared = llvm::StringRef(H).starts_with("o:") ? "l:" + llvm::StringRef(H).split(':').second.str() : H;
      if (llvm::is_contained(After.Joined, Shared))
        return true;
    }
    return false;
  }

  bool concurrent(const Occurrence &X, const Occurrence &Y, bool SameSite, bool &Instances) const {
    const Frame &A = X.Where, &B = Y.Where;
    Instances = false;
    if (A.Start != B.Start && (joined_before(A, B) || joined_before(B, A)))
      return false;
    if (A.Start == B.Start) {
      if (A.Start < 0)
        return false;
      const ThreadStart &St = S.Starts[A.Start];
      if (!St.Many)
        return false;
      if (St.K == ThreadStart::Team) {
        if (A.Phase != B.Phase)
          return false;
        if (A.Unit != -1 && A.Unit == B.Unit)
          return false;
      } else if (A.Phased && B.Phased && A.Phase != B.Phase) {
        return false;
      }
      (void)SameSite;
      Instances = true;
      return true;
    }
    if (descends(B.Start, A.Start))
      return during(A, S.Starts[child_towards(B.Start, A.Start)]);
    if (descends(A.Start, B.Start))
      return during(B, S.Starts[child_towards(A.Start, B.Start)]);
    // Siblings below a common ancestor.
    int Common = parent(A.Start);
    while (Common >= 0 && !descends(B.Start, Common))
      Common = parent(Common);
    const ThreadStart &CA = S.Starts[child_towards(A.Start, Common)];
    const ThreadStart &CB = S.Starts[child_towards(B.Start, Common)];
    if (CA.K == ThreadStart::Task && CB.K == ThreadStart::Task && depend_ordered(CA, CB))
      return false;
    if (A.Phased && B.Phased && A.FromEntry && B.FromEntry && A.Phase != B.Phase)
      return false;
    if (in_many_team(Common) &&
        (CA.Context.Unit == -1 || CB.Context.Unit == -1 || CA.Context.Unit != CB.Context.Unit))
      return CA.Context.Phase == CB.Context.Phase;
    return CA.Context.Order < CB.JoinOrder && CB.Context.Order < CA.JoinOrder;
  }

  /// Two lock expressions that may name one lock: same root and shape,
  /// no index provably different (bank[from].lock and bank[to].lock when
  /// from and to are unknown). Where it cannot tell, the analysis stays silent.
  static bool may_be_same_lock(const MemoryLocation &L, const MemoryLocation &M, bool Instances) {
    if (L.Root != M.Root || L.Steps.size() != M.Steps.size())
      return false;
    for (size_t I = 0; I < L.Steps.size(); ++I) {
      const AccessStep &X = L.Steps[I], &Y = M.Steps[I];
      if (X.K != Y.K || X.Name != Y.Name)
        return false;
      if (X.K != AccessStep::Element)
        continue;
      if (X.Index.K == IndexTerm::Constant && Y.Index.K == IndexTerm::Constant &&
          X.Index.Offset != Y.Index.Offset)
        return false;
      if (Instances && X.Index.K == IndexTerm::Affine && Y.Index == X.Index && X.Index.Scale != 0 &&
          is_distinct_symbol(X.Index.Symbol))
        return false;
    }
    return true;
  }

  bool common_lock(const Occurrence &X, const Occurrence &Y, bool Instances) const {
    for (const HeldLock &L : X.Where.Locks)
      for (const HeldLock &M : Y.Where.Locks)
        if (may_be_same_lock(L.Lock, M.Lock, Instances) && (!L.Shared || !M.Shared))
          return true;
    return false;
  }

  static bool ordered_by_sync(const Frame &A, const Frame &B) {
    return (A.BeforeSignal && B.AfterWait) || (B.BeforeSignal && A.AfterWait);
  }

  void pair_up() {
    std::map<std::string, std::vector<size_t>> ByRoot;
    for (size_t I = 0; I < Occurrences.size(); ++I)
      ByRoot[Occurrences[I].Location.Root].push_back(I);
    for (auto &[Root, Members] : ByRoot) {
      if (llvm::StringRef(Root).starts_with("omp-"))
        continue;
      for (size_t I = 0; I < Members.size(); ++I)
        for (size_t J = I; J < Members.size(); ++J) {
          const Occurrence &X = Occurrences[Members[I]], &Y = Occurrences[Members[J]];
          if (!X.Write && !Y.Write)
            continue;
          if (X.Atomic && Y.Atomic)
            continue;
          bool Instances = false;
          if (!concurrent(X, Y, I == J, Instances))
            continue;
          int SafeLength = X.Where.Start >= 0 ? S.Starts[X.Where.Start].SafeLength : 0;
          if (!may_alias(X.Location, Y.Location, Instances, SafeLength))
            continue;
          if (common_lock(X, Y, Instances))
            continue;
          if (ordered_by_sync(X.Where, Y.Where))
            continue;
          report(X, Y, Instances);
        }
    }
  }

  // ---- reporting ------------------------------------------------------------
  static std::string lock_name(const HeldLock &L) {
    std::string Name = L.Lock.Spelling.empty() ? L.Lock.Root : L.Lock.Spelling;
    if (!Name.empty() && Name[0] == '&')
      Name = Name.substr(1);
    return Name;
  }

  RaceSide side(const Occurrence &O) const {
    RaceSide Side;
    const SharedAccess &A = *O.Site;
    Side.File = A.File;
    Side.Line = A.Line;
    Side.Column = A.Column;
    Side.Write = O.Write;
    Side.Atomic = O.Atomic;
    Side.Spelling = A.Location.Spelling;
    for (const HeldLock &L : O.Where.Locks)
      Side.Locks.push_back(lock_name(L));
    Side.Function = O.Where.Function;
    Side.Spawner = Spawner.Name;
    if (O.Where.Start >= 0) {
      const ThreadStart &St = S.Starts[O.Where.Start];
      Side.StartApi = St.Api;
      Side.StartFile = St.File;
      Side.StartLine = St.Line;
      Side.StartColumn = St.Column;
      Side.StartInLoopOrPool = St.Many;
    }
    return Side;
  }

  void report(const Occurrence &X, const Occurrence &Y, bool Instances) {
    // Warn at the write, and at the unlocked side of a half-locked pair:
    // that is where the fix goes. The other access becomes a note.
    auto Weight = [](const Occurrence &O) {
      return (O.Write ? 4 : 0) + (O.Where.Locks.empty() ? 2 : 0) + (O.Where.FromEntry ? 1 : 0);
    };
    const Occurrence *Warned = &X, *Other = &Y;
    if (Weight(Y) > Weight(X))
      std::swap(Warned, Other);
    const SharedAccess &A = *Warned->Site;
    std::string Key = A.File + ":" + std::to_string(A.Line) + ":" + std::to_string(A.Column);
    if (!Reported.insert(Key).second)
      return;
    DataRace R;
    R.Variable = A.Location.Spelling;
    R.Warned = side(*Warned);
    R.Other = side(*Other);
    R.SameStart = Instances;
    R.GlobalName = Warned->Location.Root;
    // One lock every other access to this location holds.
    std::vector<std::string> Candidates;
    bool First = true;
    for (const Occurrence &O : Occurrences) {
      if (&O == Warned || !may_alias(O.Location, Warned->Location, false) ||
          O.Location.Root != Warned->Location.Root)
        continue;
      // Only what runs concurrently decides the lock; the spawner's code
      // before the start and after the join needs none.
      if (O.Site == Warned->Site || O.Where.Start < 0)
        continue;
      std::vector<std::string> Held;
      for (const HeldLock &L : O.Where.Locks)
        if (!L.Shared && llvm::StringRef(L.Lock.Root).starts_with("g:") && L.Lock.Steps.empty())
          Held.push_back(lock_name(L));
      if (First) {
        Candidates = Held;
        First = false;
      } else {
        llvm::erase_if(Candidates, [&](const std::string &C) { return !llvm::is_contained(Held, C); });
      }
    }
    if (!First && Candidates.size() == 1 && Warned->Where.Locks.empty())
      R.CommonLock = Candidates.front();
    Races.push_back(std::move(R));
  }

  const Program &P;
  const FunctionSummary &Spawner;
  const SharedAccessSummary &S;
  std::vector<DataRace> &Races;
  llvm::StringSet<> &Reported;
  std::map<std::string, bool> &GlobalReplaceable;
  std::vector<Occurrence> Occurrences;
  std::deque<llvm::StringMap<IndexTerm>> InstanceSymbols;
  std::vector<UndecidedAccess> *Undecided;
  llvm::StringSet<> UndecidedSeen;
  llvm::StringMap<bool> KnownWaits, KnownSignals;
};

} // namespace

std::vector<DataRace> find_data_races(const Program &P, std::vector<UndecidedAccess> *Undecided) {
  std::vector<DataRace> Races;
  llvm::StringSet<> Reported;
  std::map<std::string, bool> GlobalReplaceable;
  for (const FunctionFacts &Facts : P.functions()) {
    if (!Facts.Summary || Facts.Summary->Shared.Starts.empty())
      continue;
    SpawnerAnalysis(P, *Facts.Summary, Races, Reported, GlobalReplaceable, Undecided).run();
  }
  if (Undecided) {
    auto Key = [](const UndecidedAccess &U) { return std::tie(U.File, U.Line, U.Column); };
    llvm::sort(*Undecided, [&](const UndecidedAccess &A, const UndecidedAccess &B) { return Key(A) < Key(B); });
    Undecided->erase(std::unique(Undecided->begin(), Undecided->end(),
                                 [&](const UndecidedAccess &A, const UndecidedAccess &B) { return Key(A) == Key(B); }),
                     Undecided->end());
  }
  for (DataRace &R : Races) {
    auto It = GlobalReplaceable.find(R.GlobalName);
    R.AtomicFixSafe = It != GlobalReplaceable.end() && It->second;
  }
  return Races;
}

} // namespace boundwise
