// Finds MT-unsafe calls (strtok, localtime, rand, ...) in code reachable from
// a concurrency entry point that may run as several instances at once. Code
// that only ever runs on one thread stays silent, unlike
// concurrency-mt-unsafe, which flags every call.
#include "mt_unsafe_call_in_thread_check.h"

#include "check_options.h"

#include "../program_facts.h"
#include "../summary_builder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/OpenMPKinds.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace boundwise {

MtUnsafeCallInThreadCheck::MtUnsafeCallInThreadCheck(llvm::StringRef Name,
                                                     tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      WarnOnSingleThread(option_flag(Options.get("WarnOnSingleThread", "false"), false)) {}

void MtUnsafeCallInThreadCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "WarnOnSingleThread", WarnOnSingleThread ? "true" : "false");
}

void MtUnsafeCallInThreadCheck::registerMatchers(MatchFinder *Finder) {
  // Knowledge names are qualified without inline namespaces; hasAnyName
  // matches the unqualified spelling too, and check() confirms by api_name.
  std::vector<std::string> Names;
  for (const std::string &Name : installed_knowledge().mt_unsafe_names())
    Names.push_back(llvm::StringRef(Name).rsplit("::").second.empty()
                        ? Name
                        : llvm::StringRef(Name).rsplit("::").second.str());
  llvm::sort(Names);
  Names.erase(std::unique(Names.begin(), Names.end()), Names.end());
  std::vector<llvm::StringRef> Refs(Names.begin(), Names.end());
  Finder->addMatcher(
      callExpr(unless(isExpansionInSystemHeader()),
               callee(functionDecl(hasAnyName(Refs)).bind("api")),
               optionally(forCallable(decl().bind("caller"))),
               optionally(hasAncestor(ompExecutableDirective().bind("omp"))))
          .bind("call"),
      this);
}

static std::string spawn_description(const ProgramSpawn &Spawn) {
  const SpawnSite &Site = *Spawn.Site;
  std::string Text = Site.Api + " at " + llvm::sys::path::filename(Site.Where.File).str() + ":" +
                     std::to_string(Site.Where.Line);
  if (Site.InLoop)
    Text += " (in a loop)";
  else if (Site.ManyInstances)
    Text += " (runs its task on several threads)";
  return Text;
}

/// `std::tm t = *localtime(&x);` and `t = *localtime(&x);` copy the result
/// at once, so the call can become localtime_r(&x, &t) mechanically.
static std::optional<FixItHint> reentrant_fix(const CallExpr *Call, llvm::StringRef Replacement,
                                              ASTContext &Ctx) {
  if (Replacement.empty() || Call->getNumArgs() != 1)
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  if (Call->getBeginLoc().isMacroID())
    return std::nullopt;
  auto Parents = Ctx.getParents(*Call);
  // Look through implicit casts to the dereference.
  const UnaryOperator *Deref = nullptr;
  for (int Guard = 0; Guard < 4 && Parents.size() == 1; ++Guard) {
    if ((Deref = Parents[0].get<UnaryOperator>()))
      break;
    if (!Parents[0].get<ImplicitCastExpr>() && !Parents[0].get<ParenExpr>())
      return std::nullopt;
    Parents = Ctx.getParents(Parents[0]);
  }
  if (!Deref || Deref->getOpcode() != UO_Deref)
    return std::nullopt;
  std::string Arg = Lexer::getSourceText(CharSourceRange::getTokenRange(
                                             Call->getArg(0)->getSourceRange()),
                                         SM, Ctx.getLangOpts())
                        .str();
  if (Arg.empty())
    return std::nullopt;
  // Climb to the declaration or assignment that copies the struct.
  auto Up = Ctx.getParents(*Deref);
  while (Up.size() == 1 && (Up[0].get<ImplicitCastExpr>() || Up[0].get<CXXConstructExpr>() ||
                            Up[0].get<ExprWithCleanups>() || Up[0].get<MaterializeTemporaryExpr>()))
    Up = Ctx.getParents(Up[0]);
  if (Up.size() != 1)
    return std::nullopt;
  if (const auto *Var = Up[0].get<VarDecl>()) {
    if (Var->getType()->isReferenceType() || Var->getType()->isPointerType() ||
        Var->getInitStyle() != VarDecl::CInit)
      return std::nullopt;
    auto DeclParents = Ctx.getParents(*Var);
    if (DeclParents.size() != 1 || !DeclParents[0].get<DeclStmt>() ||
        !DeclParents[0].get<DeclStmt>()->isSingleDecl())
      return std::nullopt;
    SourceLocation NameEnd = Lexer::getLocForEndOfToken(Var->getLocation(), 0, SM, Ctx.getLangOpts());
    SourceRange Replace(NameEnd, Var->getInit()->getEndLoc());
    return FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Replace),
        ("{}; " + Replacement + "(" + Arg + ", &" + Var->getName() + ")").str());
  }
  if (const auto *Assign = Up[0].get<BinaryOperator>()) {
    if (!Assign->isAssignmentOp() || Assign->getOpcode() != BO_Assign)
      return std::nullopt;
    const auto *Target = dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts());
    if (!Target)
      return std::nullopt;
    return FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Assign->getSourceRange()),
        (Replacement + "(" + Arg + ", &" + Target->getDecl()->getName() + ")").str());
  }
  return std::nullopt;
}

void MtUnsafeCallInThreadCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Api = Result.Nodes.getNodeAs<FunctionDecl>("api");
  const KnowledgeBase &Knowledge = installed_knowledge();
  std::string ApiName = api_name(Api);
  const MtUnsafeApi *Unsafe = Knowledge.mt_unsafe(ApiName);
  if (!Unsafe)
    return;
  const Program &P = program_for(*Result.Context, LocalProgram);

  std::string Why;
  SourceLocation EntryLoc;
  const auto *Omp = Result.Nodes.getNodeAs<OMPExecutableDirective>("omp");
  if (Omp) {
    // The nearest directive decides: single, master and critical serialize.
    OpenMPDirectiveKind Kind = Omp->getDirectiveKind();
    if (Kind == llvm::omp::OMPD_single || Kind == llvm::omp::OMPD_master ||
        Kind == llvm::omp::OMPD_critical || Kind == llvm::omp::OMPD_masked)
      return;
  }
  if (Omp && (isOpenMPParallelDirective(Omp->getDirectiveKind()) ||
              isOpenMPWorksharingDirective(Omp->getDirectiveKind()) ||
              isOpenMPTaskingDirective(Omp->getDirectiveKind()))) {
    Why = "inside an OpenMP parallel region";
    EntryLoc = Omp->getBeginLoc();
  } else {
    const auto *Caller = Result.Nodes.getNodeAs<FunctionDecl>("caller");
    if (!Caller)
      return;
    const FunctionFacts *Facts = P.find(usr_of(Caller));
    if (!Facts || !Facts->Concurrency)
      return;
    const ConcurrencyFacts &C = *Facts->Concurrency;
    bool Concurrent = C.ManyInstances || WarnOnSingleThread;
    if (!Concurrent) {
      // One thread only: still a race if another concurrent function calls
      // the same API (or one of its partners) from a different entry point.
      std::vector<std::string> Partners = {ApiName};
      for (const auto &Other : Unsafe->OnlyWith)
        Partners.push_back(Other);
      for (const std::string &Partner : Partners)
        for (const FunctionFacts *Other : P.concurrent_callers(Partner))
          if (Other != Facts || Other->Concurrency->FirstSpawn != C.FirstSpawn)
            Concurrent = true;
    }
    if (!Concurrent)
      return;
    if (!Unsafe->OnlyWith.empty()) {
      // getenv is only unsafe next to a concurrent setenv.
      bool PartnerRuns = false;
      for (const auto &Other : Unsafe->OnlyWith)
        PartnerRuns |= !P.concurrent_callers(Other).empty();
      if (!PartnerRuns)
        return;
    }
    const ProgramSpawn &Spawn = P.spawns()[C.FirstSpawn];
    Why = "reached from " + spawn_description(Spawn);
    if (!C.Path.empty())
      Why += " via " + llvm::join(C.Path, " -> ");
    if (auto File = Result.SourceManager->getFileManager().getOptionalFileRef(Spawn.Site->Where.File))
      EntryLoc = Result.SourceManager->translateFileLineCol(*File, Spawn.Site->Where.Line,
                                                            Spawn.Site->Where.Column);
  }

  auto Fix = reentrant_fix(Call, Unsafe->FixIt, *Result.Context);
  {
    auto D = diag(Call->getBeginLoc(), "'%0' is not thread-safe and this call runs on several "
                                       "threads at once: %1; use %2")
             << ApiName << Why << Unsafe->Alternative;
    if (Fix)
      D << *Fix;
  }
  if (EntryLoc.isValid())
    diag(EntryLoc, "concurrent work starts here", DiagnosticIDs::Note);
}

} // namespace boundwise
