// Links translation-unit summaries into one program and solves it: costs flow
// from callees to callers over the call graph's strongly connected components
// (callees first), so recursion and cycles settle in one pass and the answer
// does not depend on the order the summaries arrived in.
#include "program.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <deque>

namespace boundwise {
namespace {

/// Expected microseconds of a call nothing is known about: a function of the
/// program's own libraries, a virtual call without implementation, a call
/// through a pointer without candidate targets.
constexpr double UnknownCallMicros = 20;
/// The same for a function declared in a system header that the knowledge
/// base does not list: most of libc and POSIX that is not listed is cheap
/// (string and number handling, process attributes), so it weighs less.
constexpr double UnknownSystemCallMicros = 2;
/// Calls a recursive function is assumed to make of itself per outside call:
/// linear recursion (one recursive call per activation) and branching
/// recursion (trees, divide and conquer, naive fib).
constexpr double LinearRecursionFactor = 100;
constexpr double BranchingRecursionFactor = 1000;
/// Weight of work that only happens on an error path: errors are rare.
constexpr double ErrorPathWeight = 0.001;
/// Below this a function does too little for any executor to pay off.
constexpr double NegligibleMicros = 0.05;
/// I/O share of the time above which a function is I/O-bound (and below
/// one minus it, CPU-bound); in between it is mixed.
constexpr double BoundShare = 0.7;

/// The largest cost a function incurs itself in one dimension, for evidence.
struct Leaf {
  double Amount = 0;
  std::string Text;

  void offer(double A, llvm::StringRef T) {
    if (A > Amount) {
      Amount = A;
      Text = T.str();
    }
  }
};

/// The dimensions a cost splits into: one per blocking category, then CPU,
/// then unknown.
constexpr int CpuDimension = BlockingCategoryCount;
constexpr int UnknownDimension = BlockingCategoryCount + 1;
constexpr int DimensionCount = BlockingCategoryCount + 2;

double dimension(const CostProfile &P, int D) {
  if (D < BlockingCategoryCount)
    return P.Io[D];
  return D == CpuDimension ? P.Cpu : P.Unknown;
}

struct Work {
  CostProfile Own;
  std::array<Leaf, DimensionCount> Leaves;
  std::vector<std::pair<int, double>> Edges; // callee, weight per call
  llvm::StringSet<> MtUnsafe;
  /// Own costs count this many times in the function's total (recursion).
  double OwnFactor = 1;
};

} // namespace

llvm::StringRef work_class_name(WorkClass C) {
  switch (C) {
  case WorkClass::Io: return "io";
  case WorkClass::Cpu: return "cpu";
  case WorkClass::Mixed: return "mixed";
  case WorkClass::Unknown: return "unknown";
  }
  return "unknown";
}

double CostProfile::io() const {
  double Sum = 0;
  for (double V : Io)
    Sum += V;
  return Sum;
}

void CostProfile::add(const CostProfile &Other, double Times) {
  Cpu += Other.Cpu * Times;
  for (int I = 0; I < BlockingCategoryCount; ++I)
    Io[I] += Other.Io[I] * Times;
  Unknown += Other.Unknown * Times;
}

std::unique_ptr<Program> Program::link(std::vector<TranslationUnitSummary> Units,
                                       const KnowledgeBase &Knowledge) {
  std::unique_ptr<Program> P(new Program());
  llvm::sort(Units, [](const TranslationUnitSummary &A, const TranslationUnitSummary &B) {
    return A.MainFile < B.MainFile;
  });
  P->Units = std::move(Units);
  P->index();
  P->classify(Knowledge);
  P->advise_coroutines();
  P->find_concurrency();
  P->Races = find_data_races(*P, &P->Undecided);
  return P;
}

void Program::index() {
  // One definition per USR and place: inline functions appear in every TU
  // that includes them and are the same code; a USR defined at two places
  // (two programs' mains) is two functions.
  std::vector<const FunctionSummary *> Defined;
  llvm::StringSet<> Seen;
  for (const TranslationUnitSummary &U : Units)
    for (const FunctionSummary &F : U.Functions) {
      std::string Key = F.Usr + "@" + F.Where.File + ":" + std::to_string(F.Where.Line);
      if (Seen.insert(Key).second)
        Defined.push_back(&F);
      UnitOf[&F] = U.MainFile;
    }
  llvm::sort(Defined, [](const FunctionSummary *A, const FunctionSummary *B) {
    return std::tie(A->Where.File, A->Where.Line, A->Where.Column, A->Usr) <
           std::tie(B->Where.File, B->Where.Line, B->Where.Column, B->Usr);
  });
  Facts.reserve(Defined.size());
  for (const FunctionSummary *F : Defined) {
    ByUsr[F->Usr].push_back(Facts.size());
    FunctionFacts Entry;
    Entry.Summary = F;
    Facts.push_back(std::move(Entry));
  }
  // Virtual dispatch: every override, transitively, may answer a call.
  for (size_t I = 0; I < Facts.size(); ++I) {
    std::vector<std::string> Pending = Facts[I].Summary->Overrides;
    llvm::StringSet<> Visited;
    while (!Pending.empty()) {
      std::string Base = Pending.back();
      Pending.pop_back();
      if (!Visited.insert(Base).second)
        continue;
      Overriders[Base].push_back(I);
      if (auto It = ByUsr.find(Base); It != ByUsr.end())
        for (size_t Def : It->second)
          for (const std::string &Up : Facts[Def].Summary->Overrides)
            Pending.push_back(Up);
    }
  }
  llvm::StringSet<> TakenSeen;
  for (const TranslationUnitSummary &U : Units)
    for (const AddressTakenFunction &A : U.AddressTaken)
      if (auto It = ByUsr.find(A.Usr); It != ByUsr.end() && TakenSeen.insert(A.Usr).second)
        for (size_t Def : It->second)
          BySignature[A.Signature].push_back(Def);
  for (auto &Entry : BySignature)
    llvm::sort(Entry.second);
  for (auto &Entry : Overriders)
    llvm::sort(Entry.second);
}

const FunctionFacts *Program::find(llvm::StringRef Usr) const {
  auto It = ByUsr.find(Usr);
  return It == ByUsr.end() ? nullptr : &Facts[It->second.front()];
}

const FunctionFacts *Program::definition(llvm::StringRef Usr,
                                         const FunctionSummary *Caller) const {
  auto It = ByUsr.find(Usr);
  if (It == ByUsr.end())
    return nullptr;
  if (Caller && It->second.size() > 1) {
    llvm::StringRef Unit = UnitOf.lookup(Caller);
    for (size_t I : It->second)
      if (UnitOf.lookup(Facts[I].Summary) == Unit)
        return &Facts[I];
  }
  return &Facts[It->second.front()];
}

std::vector<const FunctionFacts *> Program::resolve(const CallSite &Site,
                                                    const FunctionSummary *Caller) const {
  std::vector<const FunctionFacts *> Out;
  switch (Site.Kind) {
  case CallKind::Direct:
    if (const FunctionFacts *F = definition(Site.Callee, Caller))
      Out.push_back(F);
    break;
  case CallKind::Virtual:
    if (const FunctionFacts *F = definition(Site.Callee, Caller))
      Out.push_back(F);
    if (auto It = Overriders.find(Site.Callee); It != Overriders.end())
      for (size_t I : It->second)
        if (!llvm::is_contained(Out, &Facts[I]))
          Out.push_back(&Facts[I]);
    break;
  case CallKind::Indirect:
    if (auto It = BySignature.find(Site.Callee); It != BySignature.end())
      for (size_t I : It->second)
        Out.push_back(&Facts[I]);
    break;
  }
  return Out;
}

void Program::classify(const KnowledgeBase &Knowledge) {
  const size_t N = Facts.size();
  std::vector<Work> W(N);
  for (size_t I = 0; I < N; ++I) {
    const FunctionSummary &S = *Facts[I].Summary;
    Work &Wi = W[I];
    Wi.Own.Cpu = S.ComputeMicros;
    double Heavy = 0;
    for (const ComputeCall &H : S.HeavyCalls) {
      double Amount = H.CostMicros * H.Multiplier;
      Heavy += Amount;
      Wi.Leaves[CpuDimension].offer(
          Amount, H.Multiplier > 1.5
                      ? llvm::formatv("{0} [compute] (~{1:e1} calls)", H.Api, H.Multiplier).str()
                      : H.Api + " [compute]");
    }
    Wi.Leaves[CpuDimension].offer(
        S.ComputeMicros - Heavy,
        S.LoopDepth ? llvm::formatv("loop nest of depth {0} (~{1:e1} iterations)", S.LoopDepth,
                                    S.LoopIterations)
                          .str()
                    : "its own computation");
    for (const BlockingOperation &Op : S.Blocking) {
      double Amount = Op.CostMicros * Op.Multiplier * (Op.OnErrorPath ? ErrorPathWeight : 1);
      int C = static_cast<int>(Op.Category);
      Wi.Own.Io[C] += Amount;
      Wi.Leaves[C].offer(Amount, (Op.Api + " [" + category_name(Op.Category).str() + "]"));
    }
    for (const MtUnsafeCall &M : S.MtUnsafe)
      Wi.MtUnsafe.insert(M.Api);
    for (const CallSite &Site : S.Calls) {
      double Weight = Site.Multiplier * (Site.OnErrorPath ? ErrorPathWeight : 1);
      std::vector<const FunctionFacts *> Targets = resolve(Site, &S);
      if (Targets.empty()) {
        double Amount = (Site.Kind == CallKind::Direct && Site.Origin == CalleeOrigin::SystemLibrary
                             ? UnknownSystemCallMicros
                             : UnknownCallMicros) *
                        Weight;
        Wi.Own.Unknown += Amount;
        std::string Why;
        switch (Site.Kind) {
        case CallKind::Direct:
          Why = Site.CalleeName + " (no definition and no knowledge)";
          break;
        case CallKind::Virtual:
          Why = Site.CalleeName + " (virtual, no implementation in the analysed sources)";
          break;
        case CallKind::Indirect:
          Why = Site.CalleeName + " (no function of that type has its address taken)";
          break;
        }
        Wi.Leaves[UnknownDimension].offer(Amount, Why);
        continue;
      }
      for (const FunctionFacts *T : Targets)
        Wi.Edges.push_back({static_cast<int>(T - Facts.data()), Weight / Targets.size()});
    }
  }
  (void)Knowledge;

  // Tarjan's SCCs, iteratively; components come out callees first.
  std::vector<int> IndexOf(N, -1), Low(N, 0), Component(N, -1);
  std::vector<bool> OnStack(N, false);
  std::vector<int> Stack;
  std::vector<std::vector<int>> Components;
  int Counter = 0;
  for (size_t Root = 0; Root < N; ++Root) {
    if (IndexOf[Root] != -1)
      continue;
    std::vector<std::pair<int, size_t>> Frames{{static_cast<int>(Root), 0}};
    IndexOf[Root] = Low[Root] = Counter++;
    Stack.push_back(Root);
    OnStack[Root] = true;
    while (!Frames.empty()) {
      auto &[V, Next] = Frames.back();
      if (Next < W[V].Edges.size()) {
        int To = W[V].Edges[Next++].first;
        if (IndexOf[To] == -1) {
          IndexOf[To] = Low[To] = Counter++;
          Stack.push_back(To);
          OnStack[To] = true;
          Frames.push_back({To, 0});
        } else if (OnStack[To]) {
          Low[V] = std::min(Low[V], IndexOf[To]);
        }
        continue;
      }
      if (Low[V] == IndexOf[V]) {
        std::vector<int> Members;
        int M;
        do {
          M = Stack.back();
          Stack.pop_back();
          OnStack[M] = false;
          Component[M] = Components.size();
          Members.push_back(M);
        } while (M != V);
        llvm::sort(Members);
        Components.push_back(std::move(Members));
      }
      int Done = V;
      Frames.pop_back();
      if (!Frames.empty())
        Low[Frames.back().first] = std::min(Low[Frames.back().first], Low[Done]);
    }
  }

  for (size_t CI = 0; CI < Components.size(); ++CI) {
    const std::vector<int> &Members = Components[CI];
    bool Recursive = Members.size() > 1 ||
                     llvm::any_of(W[Members[0]].Edges,
                                  [&](const auto &E) { return E.first == Members[0]; });
    if (!Recursive) {
      int V = Members[0];
      CostProfile Total = W[V].Own;
      for (auto [To, Weight] : W[V].Edges) {
        Total.add(Facts[To].Total, Weight);
        for (const auto &Api : W[To].MtUnsafe)
          W[V].MtUnsafe.insert(Api.getKey());
      }
      Facts[V].Total = Total;
      continue;
    }
    // A recursive component: all members share the work of the cycle, which
    // repeats many times per call from outside: about a hundred activations
    // for linear recursion, a thousand when each activation recurses more
    // than once (trees, divide and conquer).
    CostProfile Base;
    llvm::StringSet<> Unsafe;
    double InnerCalls = 0;
    for (int V : Members) {
      Base.add(W[V].Own, 1);
      for (const auto &Api : W[V].MtUnsafe)
        Unsafe.insert(Api.getKey());
      for (auto [To, Weight] : W[V].Edges)
        if (Component[To] != static_cast<int>(CI)) {
          Base.add(Facts[To].Total, Weight);
          for (const auto &Api : W[To].MtUnsafe)
            Unsafe.insert(Api.getKey());
        } else {
          InnerCalls += Weight;
        }
    }
    double Factor = InnerCalls / Members.size() > 1.5 ? BranchingRecursionFactor
                                                       : LinearRecursionFactor;
    CostProfile Total;
    Total.add(Base, Factor);
    for (int V : Members) {
      Facts[V].Total = Total;
      W[V].MtUnsafe = Unsafe;
      W[V].OwnFactor = Factor;
    }
  }

  // The evidence chain for one dimension: from the function, follow the
  // largest contributor (its own operation, or a callee's total times the
  // calls) until an operation of its own wins. Within a recursive component,
  // contributions from outside the cycle are preferred; the cycle is only
  // followed when nothing else contributes.
  auto Chain = [&](int Start, int D) {
    std::vector<std::string> Names{Facts[Start].Summary->Name};
    std::vector<bool> Visited(N, false);
    int Cur = Start;
    while (true) {
      Visited[Cur] = true;
      const Work &X = W[Cur];
      double Best = X.Leaves[D].Amount * X.OwnFactor;
      int BestCallee = -1;
      double BestInCycle = 0;
      int BestCycleCallee = -1;
      for (auto [To, Weight] : X.Edges) {
        if (Visited[To])
          continue;
        double Amount = dimension(Facts[To].Total, D) * Weight;
        if (Component[To] == Component[Cur]) {
          if (Amount > BestInCycle)
            BestInCycle = Amount, BestCycleCallee = To;
          continue;
        }
        Amount *= X.OwnFactor;
        if (Amount > Best)
          Best = Amount, BestCallee = To;
      }
      if (Best <= 0 && BestCycleCallee >= 0)
        BestCallee = BestCycleCallee;
      if (BestCallee >= 0) {
        Cur = BestCallee;
        Names.push_back(Facts[Cur].Summary->Name);
        continue;
      }
      if (!X.Leaves[D].Text.empty())
        Names.push_back(X.Leaves[D].Text);
      break;
    }
    return llvm::join(Names, " -> ");
  };

  for (size_t I = 0; I < N; ++I) {
    FunctionFacts &F = Facts[I];
    const CostProfile &T = F.Total;
    for (const auto &Api : W[I].MtUnsafe)
      F.MtUnsafeReached.push_back(Api.getKey().str());
    llvm::sort(F.MtUnsafeReached);
    int TopIo = 0;
    for (int C = 1; C < BlockingCategoryCount; ++C)
      if (T.Io[C] > T.Io[TopIo])
        TopIo = C;
    auto IoChain = [&] { return Chain(I, TopIo); };
    auto CpuChain = [&] { return Chain(I, CpuDimension); };
    auto TopCategory = static_cast<EffectCategory>(TopIo);

    double Total = T.total();
    double Io = T.io();
    if (Total < NegligibleMicros) {
      F.Class = WorkClass::Cpu;
      F.Confidence = 0.5;
      F.Evidence = {F.Summary->Name + " -> too little work to measure"};
      F.Recommendation = "cheap: call it inline; no executor pays off for this little work";
      continue;
    }
    if (T.Unknown / Total >= 0.5) {
      F.Class = WorkClass::Unknown;
      F.Confidence = std::min(0.9, T.Unknown / Total);
      F.Evidence = {Chain(I, UnknownDimension)};
      // The leaf of the chain names the function that lacked knowledge.
      llvm::StringRef Leaf = llvm::StringRef(F.Evidence.front()).rsplit(" -> ").second;
      if (Leaf.empty())
        Leaf = F.Evidence.front();
      F.UnknownReason = Leaf.str();
      std::string Name = Leaf.split(" (").first.str();
      F.Recommendation = "unknown: nothing is known about " + F.UnknownReason +
                         "; teach boundwise what it does in .boundwise.yaml (effects: - {category: "
                         "network|disk|sleep|..., cost_us: N, names: [" +
                         Name + "]}) or analyse its sources too";
      continue;
    }
    double Share = Io / (Io + T.Cpu);
    double Certainty = 1 - T.Unknown / Total;
    if (Share >= BoundShare) {
      F.Class = WorkClass::Io;
      F.Confidence = (0.6 + 0.4 * (Share - BoundShare) / (1 - BoundShare)) * Certainty;
      F.Evidence = {IoChain()};
      switch (TopCategory) {
      case EffectCategory::Network:
      case EffectCategory::Dns:
      case EffectCategory::Ipc:
        F.Recommendation = "async executor (boundwise::Task with TcpStream or http::get) for many "
                           "concurrent connections; a boundwise::ThreadPool of a few dozen threads "
                           "for blocking calls that cannot be made async";
        break;
      case EffectCategory::Disk:
      case EffectCategory::Console:
        F.Recommendation = "boundwise::ThreadPool with a few threads per disk (blocking file I/O; "
                           "async file I/O gains little), or co_await boundwise::to_thread(...) "
                           "from async code";
        break;
      case EffectCategory::Sleep:
        F.Recommendation = "async executor: co_await boundwise::sleep_for(...) waits without "
                           "holding a thread";
        break;
      case EffectCategory::Wait:
        F.Recommendation = "it mostly waits for other work: submit that work to a pool and "
                           "collect the futures (boundwise::as_completed) or co_await them";
        break;
      case EffectCategory::Process:
        F.Recommendation = "boundwise::ThreadPool or async: the time is spent in a child process; "
                           "a thread only waits for it";
        break;
      default:
        F.Recommendation = "boundwise::ThreadPool for blocking calls";
      }
    } else if (Share <= 1 - BoundShare) {
      F.Class = WorkClass::Cpu;
      F.Confidence = (0.6 + 0.4 * ((1 - BoundShare) - Share) / (1 - BoundShare)) * Certainty;
      F.Evidence = {CpuChain()};
      if (!F.MtUnsafeReached.empty())
        F.Recommendation = "boundwise::ProcessPool: it calls " + F.MtUnsafeReached.front() +
                           " (MT-unsafe), so parallel copies need isolation; or replace it with "
                           "its reentrant variant and use boundwise::ThreadPool";
      else
        F.Recommendation = "boundwise::ThreadPool sized to the cores (boundwise::default_workers()): "
                           "C++ has no GIL, threads run CPU work in parallel";
    } else {
      F.Class = WorkClass::Mixed;
      F.Confidence = 0.6 * Certainty;
      F.Evidence = {IoChain(), CpuChain()};
      F.Recommendation = "split it: the I/O stage on the async executor or a boundwise::ThreadPool "
                         "of a few dozen threads, the CPU stage on a boundwise::ThreadPool sized to "
                         "the cores, connected by futures";
    }
  }
}

void Program::advise_coroutines() {
  // A coroutine already runs on the async executor: its advice is about
  // keeping that executor free, not about where to move it.
  for (FunctionFacts &F : Facts) {
    if (!F.Summary->IsCoroutine)
      continue;
    if (F.Class == WorkClass::Io)
      F.Recommendation = "already a coroutine: keep its waits as co_await on the async executor "
                         "(a blocking call inside it would stall every task on that thread)";
    else if (F.Class == WorkClass::Cpu || F.Class == WorkClass::Mixed)
      F.Recommendation = "a coroutine doing CPU work holds the async executor's thread: move the "
                         "computation to co_await boundwise::to_thread(...) or a ThreadPool future";
  }
}

void Program::find_concurrency() {
  for (const FunctionFacts &F : Facts)
    for (const SpawnSite &S : F.Summary->Spawns)
      Spawns.push_back({F.Summary, &S});
  for (size_t SI = 0; SI < Spawns.size(); ++SI) {
    const SpawnSite &Site = *Spawns[SI].Site;
    bool Many = Site.ManyInstances || Site.InLoop;
    // Breadth-first from the task bodies, remembering how each was reached.
    std::vector<int> Parent(Facts.size(), -2);
    std::deque<int> Queue;
    for (const std::string &Task : Site.Tasks)
      if (const FunctionFacts *T = definition(Task, Spawns[SI].Owner)) {
        int Index = T - Facts.data();
        if (Parent[Index] == -2) {
          Parent[Index] = -1;
          Queue.push_back(Index);
        }
      }
    while (!Queue.empty()) {
      int V = Queue.front();
      Queue.pop_front();
      FunctionFacts &F = Facts[V];
      if (!F.Concurrency) {
        ConcurrencyFacts C;
        C.FirstSpawn = SI;
        C.ManyInstances = Many;
        for (int P = V; P >= 0; P = Parent[P])
          C.Path.push_back(Facts[P].Summary->Name);
        std::reverse(C.Path.begin(), C.Path.end());
        F.Concurrency = std::move(C);
      } else {
        F.Concurrency->ManyInstances = true; // a second entry point reaches it
      }
      if (F.Concurrency->Spawns.size() < 4 &&
          !llvm::is_contained(F.Concurrency->Spawns, static_cast<int>(SI)))
        F.Concurrency->Spawns.push_back(SI);
      for (const CallSite &Call : F.Summary->Calls)
        for (const FunctionFacts *T : resolve(Call, F.Summary)) {
          int To = T - Facts.data();
          if (Parent[To] == -2) {
            Parent[To] = V;
            Queue.push_back(To);
          }
        }
    }
  }
}

std::vector<const FunctionFacts *> Program::concurrent_callers(llvm::StringRef Api) const {
  std::vector<const FunctionFacts *> Out;
  for (const FunctionFacts &F : Facts)
    if (F.Concurrency && llvm::any_of(F.Summary->MtUnsafe,
                                      [&](const MtUnsafeCall &M) { return M.Api == Api; }))
      Out.push_back(&F);
  return Out;
}

} // namespace boundwise
