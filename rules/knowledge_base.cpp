// Loads the API knowledge base from YAML with LLVM's YAML I/O.
#include "knowledge_base.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"

namespace boundwise {
namespace {

// The document shape, mirrored one to one in YAML.
struct EffectGroup {
  std::string Category;
  double CostMicros = 0;
  double CpuMicros = 0;
  std::vector<std::string> Names;
};
struct MtUnsafeEntry {
  std::string Name;
  std::string Alternative;
  std::string FixIt;
  std::vector<std::string> OnlyWith;
};
struct ExecutorEntry {
  std::string Name;
  std::string Kind;
  int TaskArgument = -1;
  std::string Instances = "one";
};
struct PureGroup {
  std::vector<std::string> Names;
};
struct KnowledgeDocument {
  std::vector<EffectGroup> Effects;
  std::vector<EffectGroup> StreamTypes;
  std::vector<EffectGroup> StreamGlobals;
  std::vector<EffectGroup> Compute;
  std::vector<EffectGroup> LibraryCalls;
  std::vector<PureGroup> Pure;
  std::vector<MtUnsafeEntry> MtUnsafe;
  std::vector<ExecutorEntry> Executors;
  std::vector<std::string> ParallelPolicies;
  bool InheritParentConfig = false;
};

} // namespace
} // namespace boundwise

LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::EffectGroup)
LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::MtUnsafeEntry)
LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::ExecutorEntry)
LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::PureGroup)

namespace llvm::yaml {
template <> struct MappingTraits<boundwise::EffectGroup> {
  static void mapping(IO &Io, boundwise::EffectGroup &G) {
    Io.mapOptional("category", G.Category);
    Io.mapOptional("cost_us", G.CostMicros);
    Io.mapOptional("cpu_us", G.CpuMicros);
    Io.mapRequired("names", G.Names);
  }
};
template <> struct MappingTraits<boundwise::MtUnsafeEntry> {
  static void mapping(IO &Io, boundwise::MtUnsafeEntry &E) {
    Io.mapRequired("name", E.Name);
    Io.mapOptional("alternative", E.Alternative);
    Io.mapOptional("fixit", E.FixIt);
    Io.mapOptional("only_with", E.OnlyWith);
  }
};
template <> struct MappingTraits<boundwise::ExecutorEntry> {
  static void mapping(IO &Io, boundwise::ExecutorEntry &E) {
    Io.mapRequired("name", E.Name);
    Io.mapRequired("kind", E.Kind);
    Io.mapOptional("task_arg", E.TaskArgument);
    Io.mapOptional("instances", E.Instances);
  }
};
template <> struct MappingTraits<boundwise::PureGroup> {
  static void mapping(IO &Io, boundwise::PureGroup &G) { Io.mapRequired("names", G.Names); }
};
template <> struct MappingTraits<boundwise::KnowledgeDocument> {
  static void mapping(IO &Io, boundwise::KnowledgeDocument &D) {
    Io.mapOptional("effects", D.Effects);
    Io.mapOptional("stream_types", D.StreamTypes);
    Io.mapOptional("stream_globals", D.StreamGlobals);
    Io.mapOptional("compute", D.Compute);
    Io.mapOptional("library_calls", D.LibraryCalls);
    Io.mapOptional("pure", D.Pure);
    Io.mapOptional("mt_unsafe", D.MtUnsafe);
    Io.mapOptional("executors", D.Executors);
    Io.mapOptional("parallel_policies", D.ParallelPolicies);
    Io.mapOptional("InheritParentConfig", D.InheritParentConfig);
  }
};
} // namespace llvm::yaml

namespace boundwise {

static const char *const EmbeddedKnowledge[] = {
#include "knowledge_data.inc"
};

llvm::StringRef category_name(EffectCategory C) {
  switch (C) {
  case EffectCategory::Network: return "network";
  case EffectCategory::Disk: return "disk";
  case EffectCategory::Console: return "console";
  case EffectCategory::Sleep: return "sleep";
  case EffectCategory::Wait: return "wait";
  case EffectCategory::Process: return "process";
  case EffectCategory::Dns: return "dns";
  case EffectCategory::Ipc: return "ipc";
  case EffectCategory::Compute: return "compute";
  case EffectCategory::None: return "none";
  }
  return "none";
}

std::optional<EffectCategory> parse_category(llvm::StringRef Name) {
  for (int I = 0; I <= static_cast<int>(EffectCategory::None); ++I) {
    auto C = static_cast<EffectCategory>(I);
    if (category_name(C) == Name)
      return C;
  }
  return std::nullopt;
}

llvm::StringRef executor_kind_name(ExecutorKind Kind) {
  switch (Kind) {
  case ExecutorKind::Thread: return "thread";
  case ExecutorKind::Async: return "async";
  case ExecutorKind::ThreadPool: return "thread_pool";
  case ExecutorKind::ProcessPool: return "process_pool";
  case ExecutorKind::ParallelAlgorithm: return "parallel_algorithm";
  case ExecutorKind::OpenMP: return "openmp";
  }
  return "thread";
}

static std::optional<ExecutorKind> parse_executor_kind(llvm::StringRef Name) {
  for (auto K : {ExecutorKind::Thread, ExecutorKind::Async, ExecutorKind::ThreadPool,
                 ExecutorKind::ProcessPool, ExecutorKind::ParallelAlgorithm, ExecutorKind::OpenMP})
    if (executor_kind_name(K) == Name)
      return K;
  return std::nullopt;
}

const KnowledgeBase &KnowledgeBase::builtin() {
  static const KnowledgeBase Base = [] {
    KnowledgeBase KB;
    for (const char *Doc : EmbeddedKnowledge)
      if (llvm::Error E = KB.merge_yaml(Doc, "<builtin knowledge>"))
        llvm::report_fatal_error(std::move(E)); // a build defect, not user input
    return KB;
  }();
  return Base;
}

llvm::Error KnowledgeBase::merge_yaml(llvm::StringRef Yaml, llvm::StringRef FileName) {
  std::string FirstError;
  auto OnDiagnostic = [](const llvm::SMDiagnostic &D, void *Context) {
    auto &Out = *static_cast<std::string *>(Context);
    if (Out.empty())
      Out = llvm::formatv("{0}:{1}:{2}: {3}", D.getFilename(), D.getLineNo(),
                          D.getColumnNo() + 1, D.getMessage())
                .str();
  };
  KnowledgeDocument Doc;
  llvm::yaml::Input In(llvm::MemoryBufferRef(Yaml, FileName), nullptr, OnDiagnostic,
                       &FirstError);
  In >> Doc;
  if (In.error())
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s",
                                   FirstError.empty() ? ("invalid knowledge file " + FileName).str().c_str()
                                                      : FirstError.c_str());

  auto Fail = [&](const llvm::Twine &Message) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   (FileName + ": " + Message).str());
  };
  auto AddGroups = [&](const std::vector<EffectGroup> &Groups, llvm::StringMap<ApiEffect> &Into,
                       std::optional<EffectCategory> Forced) -> llvm::Error {
    for (const EffectGroup &G : Groups) {
      std::optional<EffectCategory> Category = Forced ? Forced : parse_category(G.Category);
      if (!Category)
        return Fail("unknown category '" + G.Category +
                    "' (expected network, disk, console, sleep, wait, process, dns, ipc, "
                    "compute or none)");
      for (const std::string &Name : G.Names)
        Into[Name] = ApiEffect{*Category, G.CostMicros, G.CpuMicros};
    }
    return llvm::Error::success();
  };
  if (auto E = AddGroups(Doc.Effects, Effects, std::nullopt)) return E;
  if (auto E = AddGroups(Doc.Compute, Effects, EffectCategory::Compute)) return E;
  if (auto E = AddGroups(Doc.LibraryCalls, LibraryCalls, EffectCategory::Compute)) return E;
  if (auto E = AddGroups(Doc.StreamTypes, StreamTypes, std::nullopt)) return E;
  if (auto E = AddGroups(Doc.StreamGlobals, StreamGlobals, std::nullopt)) return E;
  for (const PureGroup &G : Doc.Pure)
    for (const std::string &Name : G.Names)
      Pure[Name] = true;
  for (const MtUnsafeEntry &E : Doc.MtUnsafe)
    MtUnsafe[E.Name] = MtUnsafeApi{E.Alternative, E.FixIt, E.OnlyWith};
  for (const ExecutorEntry &E : Doc.Executors) {
    std::optional<ExecutorKind> Kind = parse_executor_kind(E.Kind);
    if (!Kind)
      return Fail("unknown executor kind '" + E.Kind + "' for " + E.Name +
                  " (expected thread, async, thread_pool, process_pool, parallel_algorithm)");
    if (E.Instances != "one" && E.Instances != "many")
      return Fail("instances of " + E.Name + " must be 'one' or 'many'");
    Executors[E.Name] = ExecutorApi{*Kind, E.TaskArgument, E.Instances == "many"};
  }
  for (const std::string &Policy : Doc.ParallelPolicies)
    ParallelPolicies[Policy] = true;
  return llvm::Error::success();
}

template <typename T>
static const T *find_in(const llvm::StringMap<T> &Map, llvm::StringRef Key) {
  auto It = Map.find(Key);
  return It == Map.end() ? nullptr : &It->second;
}

const ApiEffect *KnowledgeBase::effect(llvm::StringRef Name) const { return find_in(Effects, Name); }
const ApiEffect *KnowledgeBase::stream_type(llvm::StringRef Name) const {
  return find_in(StreamTypes, Name);
}
const ApiEffect *KnowledgeBase::stream_global(llvm::StringRef Name) const {
  return find_in(StreamGlobals, Name);
}
const MtUnsafeApi *KnowledgeBase::mt_unsafe(llvm::StringRef Name) const {
  return find_in(MtUnsafe, Name);
}
const ExecutorApi *KnowledgeBase::executor(llvm::StringRef Name) const {
  return find_in(Executors, Name);
}
std::vector<std::string> KnowledgeBase::mt_unsafe_names() const {
  std::vector<std::string> Names;
  for (const auto &Entry : MtUnsafe)
    Names.push_back(Entry.getKey().str());
  llvm::sort(Names);
  return Names;
}

const ApiEffect *KnowledgeBase::library_call(llvm::StringRef Name,
                                             llvm::StringRef ClassName) const {
  if (const ApiEffect *E = find_in(LibraryCalls, Name))
    return E;
  return ClassName.empty() ? nullptr : find_in(LibraryCalls, ClassName);
}

bool KnowledgeBase::knows(llvm::StringRef Name) const {
  return Effects.contains(Name) || Pure.contains(Name) || MtUnsafe.contains(Name) ||
         Executors.contains(Name);
}

} // namespace boundwise
