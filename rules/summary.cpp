// JSON form of translation-unit summaries, so the merge step can read
// summaries produced by other processes or machines.
#include "summary.h"

namespace boundwise {
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::ObjectMapper;
using llvm::json::Path;
using llvm::json::Value;

static Value toJSON(const SourcePoint &P) {
  return Object{{"file", P.File}, {"line", P.Line}, {"column", P.Column}};
}
static bool fromJSON(const Value &V, SourcePoint &P, Path Pth) {
  ObjectMapper O(V, Pth);
  return O && O.map("file", P.File) && O.map("line", P.Line) && O.map("column", P.Column);
}

template <typename Enum>
static bool enum_from_json(const Value &V, Enum &Out, Path P, int Count,
                           llvm::StringRef (*Name)(Enum)) {
  if (auto S = V.getAsString())
    for (int I = 0; I < Count; ++I)
      if (Name(static_cast<Enum>(I)) == *S) {
        Out = static_cast<Enum>(I);
        return true;
      }
  P.report("unknown enumerator");
  return false;
}

static llvm::StringRef call_kind_name(CallKind K) {
  switch (K) {
  case CallKind::Direct: return "direct";
  case CallKind::Virtual: return "virtual";
  case CallKind::Indirect: return "indirect";
  }
  return "direct";
}
static llvm::StringRef origin_name(CalleeOrigin O) {
  switch (O) {
  case CalleeOrigin::Program: return "program";
  case CalleeOrigin::StandardLibrary: return "std";
  case CalleeOrigin::SystemLibrary: return "system";
  case CalleeOrigin::UserLibrary: return "user";
  }
  return "program";
}

static Value toJSON(const BlockingOperation &B) {
  return Object{{"api", B.Api},           {"category", category_name(B.Category)},
                {"cost_us", B.CostMicros}, {"multiplier", B.Multiplier},
                {"error_path", B.OnErrorPath}, {"where", toJSON(B.Where)}};
}
static bool fromJSON(const Value &V, BlockingOperation &B, Path P) {
  ObjectMapper O(V, P);
  const Value *Category = V.getAsObject() ? V.getAsObject()->get("category") : nullptr;
  return O && O.map("api", B.Api) && Category &&
         enum_from_json(*Category, B.Category, P.field("category"),
                        static_cast<int>(EffectCategory::None) + 1, category_name) &&
         O.map("cost_us", B.CostMicros) && O.map("multiplier", B.Multiplier) &&
         O.map("error_path", B.OnErrorPath) && O.map("where", B.Where);
}

static Value toJSON(const CallSite &C) {
  return Object{{"kind", call_kind_name(C.Kind)}, {"callee", C.Callee},
                {"name", C.CalleeName},           {"origin", origin_name(C.Origin)},
                {"multiplier", C.Multiplier},     {"error_path", C.OnErrorPath},
                {"where", toJSON(C.Where)}};
}
static bool fromJSON(const Value &V, CallSite &C, Path P) {
  ObjectMapper O(V, P);
  const Object *Obj = V.getAsObject();
  return O && Obj && Obj->get("kind") &&
         enum_from_json(*Obj->get("kind"), C.Kind, P.field("kind"), 3, call_kind_name) &&
         Obj->get("origin") &&
         enum_from_json(*Obj->get("origin"), C.Origin, P.field("origin"), 4, origin_name) &&
         O.map("callee", C.Callee) && O.map("name", C.CalleeName) &&
         O.map("multiplier", C.Multiplier) && O.map("error_path", C.OnErrorPath) &&
         O.map("where", C.Where);
}

static Value toJSON(const ComputeCall &C) {
  return Object{{"api", C.Api},
                {"cost_us", C.CostMicros},
                {"multiplier", C.Multiplier},
                {"where", toJSON(C.Where)}};
}
static bool fromJSON(const Value &V, ComputeCall &C, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("api", C.Api) && O.map("cost_us", C.CostMicros) &&
         O.map("multiplier", C.Multiplier) && O.map("where", C.Where);
}

static Value toJSON(const MtUnsafeCall &M) {
  return Object{{"api", M.Api}, {"where", toJSON(M.Where)}};
}
static bool fromJSON(const Value &V, MtUnsafeCall &M, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("api", M.Api) && O.map("where", M.Where);
}

static Value toJSON(const SpawnSite &S) {
  return Object{{"kind", executor_kind_name(S.Kind)}, {"api", S.Api},
                {"where", toJSON(S.Where)},           {"in_loop", S.InLoop},
                {"many", S.ManyInstances},            {"tasks", S.Tasks}};
}
static bool fromJSON(const Value &V, SpawnSite &S, Path P) {
  ObjectMapper O(V, P);
  const Object *Obj = V.getAsObject();
  return O && Obj && Obj->get("kind") &&
         enum_from_json(*Obj->get("kind"), S.Kind, P.field("kind"), 6, executor_kind_name) &&
         O.map("api", S.Api) && O.map("where", S.Where) && O.map("in_loop", S.InLoop) &&
         O.map("many", S.ManyInstances) && O.map("tasks", S.Tasks);
}

template <typename T> static Value array_of(const std::vector<T> &Items) {
  Array A;
  for (const T &Item : Items)
    A.push_back(toJSON(Item));
  return A;
}

static Value toJSON(const FunctionSummary &F) {
  return Object{{"usr", F.Usr},
                {"name", F.Name},
                {"where", toJSON(F.Where)},
                {"signature", F.Signature},
                {"compute_us", F.ComputeMicros},
                {"loop_depth", F.LoopDepth},
                {"loop_iterations", F.LoopIterations},
                {"blocking", array_of(F.Blocking)},
                {"heavy_calls", array_of(F.HeavyCalls)},
                {"calls", array_of(F.Calls)},
                {"mt_unsafe", array_of(F.MtUnsafe)},
                {"spawns", array_of(F.Spawns)},
                {"overrides", F.Overrides},
                {"coroutine", F.IsCoroutine},
                {"shared", toJSON(F.Shared)}};
}
static bool fromJSON(const Value &V, FunctionSummary &F, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("usr", F.Usr) && O.map("name", F.Name) && O.map("where", F.Where) &&
         O.map("signature", F.Signature) && O.map("compute_us", F.ComputeMicros) &&
         O.map("loop_depth", F.LoopDepth) && O.map("loop_iterations", F.LoopIterations) &&
         O.map("blocking", F.Blocking) && O.map("heavy_calls", F.HeavyCalls) &&
         O.map("calls", F.Calls) &&
         O.map("mt_unsafe", F.MtUnsafe) && O.map("spawns", F.Spawns) &&
         O.map("overrides", F.Overrides) && O.map("coroutine", F.IsCoroutine) &&
         O.map("shared", F.Shared);
}

static Value toJSON(const AddressTakenFunction &A) {
  return Object{{"usr", A.Usr}, {"signature", A.Signature}};
}
static bool fromJSON(const Value &V, AddressTakenFunction &A, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("usr", A.Usr) && O.map("signature", A.Signature);
}

Value toJSON(const TranslationUnitSummary &S) {
  return Object{{"version", TranslationUnitSummary::FormatVersion},
                {"main_file", S.MainFile},
                {"functions", array_of(S.Functions)},
                {"address_taken", array_of(S.AddressTaken)}};
}

bool fromJSON(const Value &V, TranslationUnitSummary &S, Path P) {
  ObjectMapper O(V, P);
  int Version = 0;
  if (!O || !O.map("version", Version))
    return false;
  if (Version != TranslationUnitSummary::FormatVersion) {
    P.field("version").report("unsupported summary version");
    return false;
  }
  return O.map("main_file", S.MainFile) && O.map("functions", S.Functions) &&
         O.map("address_taken", S.AddressTaken);
}

} // namespace boundwise
