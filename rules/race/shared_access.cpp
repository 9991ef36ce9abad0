// JSON form of the shared-access part of a function summary.
#include "shared_access.h"

namespace boundwise {
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::ObjectMapper;
using llvm::json::Path;
using llvm::json::Value;

static Value toJSON(const IndexTerm &T) {
  Array Out{static_cast<int>(T.K), T.Symbol, static_cast<int64_t>(T.Scale),
            static_cast<int64_t>(T.Offset)};
  if (T.Bounded) {
    Out.push_back(static_cast<int64_t>(T.Low));
    Out.push_back(static_cast<int64_t>(T.High));
  }
  return Out;
}
static bool fromJSON(const Value &V, IndexTerm &T, Path P) {
  const Array *A = V.getAsArray();
  if (!A || (A->size() != 4 && A->size() != 6)) {
    P.report("expected [kind, symbol, scale, offset(, low, high)]");
    return false;
  }
  auto Kind = (*A)[0].getAsInteger();
  auto Symbol = (*A)[1].getAsString();
  auto Scale = (*A)[2].getAsInteger();
  auto Offset = (*A)[3].getAsInteger();
  if (!Kind || !Symbol || !Scale || !Offset || *Kind < 0 || *Kind > IndexTerm::Affine) {
    P.report("malformed index term");
    return false;
  }
  T = {static_cast<IndexTerm::Kind>(*Kind), Symbol->str(), static_cast<long>(*Scale),
       static_cast<long>(*Offset)};
  if (A->size() == 6) {
    auto Low = (*A)[4].getAsInteger();
    auto High = (*A)[5].getAsInteger();
    if (!Low || !High) {
      P.report("malformed index range");
      return false;
    }
    T.Bounded = true;
    T.Low = static_cast<long>(*Low);
    T.High = static_cast<long>(*High);
  }
  return true;
}

static Value toJSON(const AccessStep &S) {
  if (S.K == AccessStep::Field)
    return Object{{"field", S.Name}};
  return Object{{"index", toJSON(S.Index)}};
}
static bool fromJSON(const Value &V, AccessStep &S, Path P) {
  const Object *O = V.getAsObject();
  if (!O) {
    P.report("expected an object");
    return false;
  }
  if (auto Field = O->getString("field")) {
    S.K = AccessStep::Field;
    S.Name = Field->str();
    return true;
  }
  if (const Value *Index = O->get("index")) {
    S.K = AccessStep::Element;
    return fromJSON(*Index, S.Index, P.field("index"));
  }
  P.report("expected field or index");
  return false;
}

static Value toJSON(const MemoryLocation &L) {
  Array Steps;
  for (const AccessStep &S : L.Steps)
    Steps.push_back(toJSON(S));
  return Object{{"root", L.Root}, {"steps", std::move(Steps)}, {"spelling", L.Spelling}};
}
static bool fromJSON(const Value &V, MemoryLocation &L, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("root", L.Root) && O.map("steps", L.Steps) &&
         O.map("spelling", L.Spelling);
}

static Value toJSON(const HeldLock &L) {
  return Object{{"lock", toJSON(L.Lock)}, {"shared", L.Shared}};
}
static bool fromJSON(const Value &V, HeldLock &L, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("lock", L.Lock) && O.map("shared", L.Shared);
}

static Value toJSON(const EventContext &C) {
  Array Locks;
  for (const HeldLock &L : C.Locks)
    Locks.push_back(toJSON(L));
  return Object{{"order", C.Order},          {"start", C.Start},
                {"phase", C.Phase},          {"unit", C.Unit},
                {"locks", std::move(Locks)}, {"joined", C.Joined},
                {"after_wait", C.AfterWait},
                {"before_signal", C.BeforeSignal}};
}
static bool fromJSON(const Value &V, EventContext &C, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("order", C.Order) && O.map("start", C.Start) && O.map("phase", C.Phase) &&
         O.map("unit", C.Unit) && O.map("locks", C.Locks) && O.map("joined", C.Joined) &&
         O.map("after_wait", C.AfterWait) &&
         O.map("before_signal", C.BeforeSignal);
}

static Value toJSON(const SharedAccess &A) {
  return Object{{"location", toJSON(A.Location)},
                {"write", A.Write},
                {"atomic", A.Atomic},
                {"atomic_replaceable", A.AtomicReplaceable},
                {"context", toJSON(A.Context)},
                {"file", A.File},
                {"line", A.Line},
                {"column", A.Column}};
}
static bool fromJSON(const Value &V, SharedAccess &A, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("location", A.Location) && O.map("write", A.Write) &&
         O.map("atomic", A.Atomic) && O.map("atomic_replaceable", A.AtomicReplaceable) &&
         O.map("context", A.Context) && O.map("file", A.File) && O.map("line", A.Line) &&
         O.map("column", A.Column);
}

static Value toJSON(const ArgumentBinding &B) {
  return Object{{"points", toJSON(B.Points)}, {"value", toJSON(B.Value)}};
}
static bool fromJSON(const Value &V, ArgumentBinding &B, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("points", B.Points) && O.map("value", B.Value);
}

template <typename T> static Array array_of(const std::vector<T> &Items) {
  Array Out;
  for (const T &Item : Items)
    Out.push_back(toJSON(Item));
  return Out;
}

static Value toJSON(const AccessCall &C) {
  return Object{{"callees", C.Callees},       {"arguments", array_of(C.Arguments)},
                {"object", toJSON(C.Object)}, {"context", toJSON(C.Context)},
                {"once", C.Once}};
}
static bool fromJSON(const Value &V, AccessCall &C, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("callees", C.Callees) && O.map("arguments", C.Arguments) &&
         O.map("object", C.Object) && O.map("context", C.Context) && O.map("once", C.Once);
}

static Value toJSON(const ThreadStart &S) {
  return Object{{"kind", static_cast<int>(S.K)},
                {"api", S.Api},
                {"entries", S.Entries},
                {"arguments", array_of(S.Arguments)},
                {"this", toJSON(S.ThisObject)},
                {"instance_symbols", S.InstanceSymbols},
                {"many", S.Many},
                {"safelen", S.SafeLength},
                {"handles", S.Handles},
                {"context", toJSON(S.Context)},
                {"join_order", S.JoinOrder},
                {"depends", S.Depends},
                {"file", S.File},
                {"line", S.Line},
                {"column", S.Column}};
}
static bool fromJSON(const Value &V, ThreadStart &S, Path P) {
  ObjectMapper O(V, P);
  int Kind = 0;
  if (!O || !O.map("kind", Kind) || Kind < 0 || Kind > ThreadStart::Task)
    return false;
  S.K = static_cast<ThreadStart::Kind>(Kind);
  return O.map("api", S.Api) && O.map("entries", S.Entries) &&
         O.map("arguments", S.Arguments) && O.map("this", S.ThisObject) &&
         O.map("instance_symbols", S.InstanceSymbols) &&
         O.map("many", S.Many) && O.map("safelen", S.SafeLength) &&
         O.map("handles", S.Handles) && O.map("context", S.Context) &&
         O.map("join_order", S.JoinOrder) && O.map("depends", S.Depends) &&
         O.map("file", S.File) && O.map("line", S.Line) && O.map("column", S.Column);
}

static Value toJSON(const LockEffect &E) {
  return Object{{"lock", toJSON(E.Lock)}, {"acquires", E.Acquires}};
}
static bool fromJSON(const Value &V, LockEffect &E, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("lock", E.Lock) && O.map("acquires", E.Acquires);
}

Value toJSON(const SharedAccessSummary &S) {
  return Object{{"accesses", array_of(S.Accesses)},
                {"calls", array_of(S.Calls)},
                {"starts", array_of(S.Starts)},
                {"lock_effects", array_of(S.LockEffects)},
                {"waits", S.Waits},
                {"signals", S.Signals},
                {"barrier", S.UsesBarrier}};
}

bool fromJSON(const Value &V, SharedAccessSummary &S, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("accesses", S.Accesses) && O.map("calls", S.Calls) &&
         O.map("starts", S.Starts) && O.map("lock_effects", S.LockEffects) &&
         O.map("waits", S.Waits) && O.map("signals", S.Signals) && O.map("barrier", S.UsesBarrier);
}

} // namespace boundwise
