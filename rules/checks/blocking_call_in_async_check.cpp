// Finds blocking calls (anything the call graph classifies as I/O: sleeps,
// socket and file I/O, waits on futures, program functions that do them) and
// long CPU-bound calls inside coroutines that run on an event loop. One such
// call holds the loop's thread, so every other task waits for it, as ruff's
// ASYNC2xx rules say for asyncio. Arguments of to_thread/run_in_process and
// lambdas handed to them run elsewhere and are skipped.
#include "blocking_call_in_async_check.h"

#include "check_options.h"

#include "call_effects.h"

#include "../program_facts.h"
#include "../summary_builder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace boundwise {

BlockingCallInAsyncCheck::BlockingCallInAsyncCheck(llvm::StringRef Name,
                                                   tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      // Options are read as text: the integral get<>/store<> specializations in
      // Debian's clang-tidy library do not link with GCC.
      CoroutineTypesText(Options.get("CoroutineTypes", "boundwise::Task")),
      CpuCostThresholdText(Options.get("CpuCostThresholdMicros", "1000")),
      OffloadFunctionsText(
          Options.get("OffloadFunctions", "boundwise::to_thread;boundwise::to_thread_on;boundwise::run_in_process;"
                  "boundwise::run_in_process_on")) {
  CoroutineTypes = option_list(CoroutineTypesText);
  if (!llvm::is_contained(CoroutineTypes, "boundwise::Task"))
    CoroutineTypes.push_back("boundwise::Task");
  OffloadFunctions = option_list(OffloadFunctionsText);
  double Threshold;
  if (!llvm::StringRef(CpuCostThresholdText).trim().getAsDouble(Threshold) && Threshold >= 0)
    CpuCostThreshold = Threshold;
  else
    configurationDiag("invalid CpuCostThresholdMicros '%0': expected a number of microseconds; "
                      "using 1000")
        << CpuCostThresholdText;
}

void BlockingCallInAsyncCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "CoroutineTypes", CoroutineTypesText);
  Options.store(Opts, "CpuCostThresholdMicros", CpuCostThresholdText);
  Options.store(Opts, "OffloadFunctions", OffloadFunctionsText);
}

void BlockingCallInAsyncCheck::registerMatchers(MatchFinder *Finder) {
  // Only coroutine bodies are walked, so the cost is proportional to them.
  Finder->addMatcher(functionDecl(isDefinition(), unless(isExpansionInSystemHeader()),
                                  hasBody(coroutineBodyStmt()))
                         .bind("coroutine"),
                     this);
  Finder->addMatcher(lambdaExpr(unless(isExpansionInSystemHeader())).bind("lambda"), this);
}

void BlockingCallInAsyncCheck::onEndOfTranslationUnit() {
  LocalProgram.reset();
  Seen.clear();
  Reported.clear();
}

bool BlockingCallInAsyncCheck::is_coroutine_type(QualType T) const {
  if (T.isNull())
    return false;
  const CXXRecordDecl *RD = record_pattern(T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!RD)
    return false;
  std::string Name = api_name(RD);
  return llvm::is_contained(CoroutineTypes, Name);
}

bool BlockingCallInAsyncCheck::is_offload(const FunctionDecl *F) const {
  if (!F || !F->getIdentifier())
    return false;
  std::string Name = api_name(F);
  if (llvm::is_contained(OffloadFunctions, Name))
    return true;
  // Members (ThreadPool::submit and friends hand their callable to another
  // thread too) are recognised by their qualified name only.
  return false;
}

namespace {

std::string source_text(SourceRange R, const ASTContext &Ctx) {
  if (R.getBegin().isMacroID() || R.getEnd().isMacroID())
    return {};
  return Lexer::getSourceText(CharSourceRange::getTokenRange(R), Ctx.getSourceManager(),
                              Ctx.getLangOpts())
      .str();
}

/// `co_await boundwise::to_thread(f, a, b)` spelled for a plain call f(a, b).
std::string to_thread_spelling(const Expr *E, const ASTContext &Ctx) {
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call || isa<CXXMemberCallExpr>(Call) || isa<CXXOperatorCallExpr>(Call))
    return "co_await boundwise::to_thread(...)";
  std::string Callee = source_text(Call->getCallee()->IgnoreImplicit()->getSourceRange(), Ctx);
  if (Callee.empty() || Callee.size() > 60)
    return "co_await boundwise::to_thread(...)";
  std::string Text = "co_await boundwise::to_thread(" + Callee;
  for (const Expr *Arg : Call->arguments()) {
    if (isa<CXXDefaultArgExpr>(Arg))
      break;
    std::string A = source_text(Arg->getSourceRange(), Ctx);
    if (A.empty() || A.size() > 40)
      return "co_await boundwise::to_thread(" + Callee + ", ...)";
    Text += ", " + A;
  }
  return Text + ")";
}

std::string advice(const CallEffect &E, const Expr *Call, const ASTContext &Ctx) {
  std::string Offload = to_thread_spelling(Call, Ctx);
  switch (E.Category) {
  case EffectCategory::Sleep:
    return "use co_await boundwise::sleep_for(...), which suspends only this task";
  case EffectCategory::Wait:
    return "co_await the task or future instead of blocking on it, or move the wait off the "
           "loop with " + Offload;
  case EffectCategory::Network:
  case EffectCategory::Dns:
  case EffectCategory::Ipc:
    return "use an async equivalent, or move it off the loop with " + Offload;
  case EffectCategory::Compute:
    return "move it off the loop with " + Offload +
           " (or boundwise::run_in_process for long or MT-unsafe work)";
  default:
    return "move it off the loop with " + Offload;
  }
}

} // namespace

struct BlockingCallInAsyncCheck::Walk {
  BlockingCallInAsyncCheck &Check;
  ASTContext &Ctx;
  const Program &P;
  const FunctionDecl *Coroutine;
  std::string CoroutineName;

  bool returns_task(const FunctionDecl *F) const {
    if (Check.is_coroutine_type(F->getReturnType()))
      return true;
    if (const FunctionDecl *Def = F->getDefinition())
      if (Def->getBody() && isa<CoroutineBodyStmt>(Def->getBody()))
        return true;
    return false;
  }

  /// An expression producing an awaitable: the call only creates it.
  bool awaitable(QualType T) const {
    const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition())
      return false;
    if (Check.is_coroutine_type(T))
      return true;
    for (const CXXMethodDecl *M : RD->methods()) {
      if (M->getIdentifier() && M->getName() == "await_ready")
        return true;
      if (M->getOverloadedOperator() == OO_Coawait)
        return true;
    }
    return false;
  }

  void walk(const Stmt *S, bool Awaited = false) {
    if (!S)
      return;
    if (isa<LambdaExpr>(S))
      return; // its body runs where the lambda is called
    if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S)) {
      walk(Suspend->getOperand(), true);
      return;
    }
    if (const auto *Dependent = dyn_cast<DependentCoawaitExpr>(S)) {
      walk(Dependent->getOperand(), true);
      return;
    }
    if (const auto *Return = dyn_cast<CoreturnStmt>(S)) {
      walk(Return->getOperand());
      return;
    }
    if (const auto *E = dyn_cast<Expr>(S); E && (isa<CallExpr>(E) || isa<CXXConstructExpr>(E))) {
      const FunctionDecl *Callee = callee_of(E);
      if (Callee && Check.is_offload(Callee))
        return; // to_thread(f, args...): runs on another thread
      // A copy or move of the awaited value is still the awaited value.
      const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      bool PassOn = Awaited && Construct && Construct->getConstructor()->isCopyOrMoveConstructor();
      for (const Stmt *Child : S->children())
        walk(Child, PassOn);
      if (!Callee || PassOn)
        return;
      // Creating a task or an awaitable runs nothing yet: what it does when
      // awaited is checked in its own body. The runtime's own functions are
      // not the user's blocking code (its blocking APIs are in the knowledge).
      if (returns_task(Callee) || awaitable(E->getType()) ||
          (Awaited && E->getType()->isRecordType()))
        return;
      if (llvm::StringRef(api_name(Callee)).starts_with("boundwise::") &&
          !installed_knowledge().knows(api_name(Callee)))
        return;
      inspect(E);
      return;
    }
    for (const Stmt *Child : S->children())
      walk(Child, Awaited && isa<Expr>(S) && !isa<CallExpr>(S));
  }

  void inspect(const Expr *Call) {
    std::optional<CallEffect> E = call_effect(Call, P, installed_knowledge());
    if (!E)
      return;
    bool Blocking = false, Heavy = false;
    std::string Chain;
    if (E->From == CallEffect::Source::Program) {
      const FunctionFacts &F = *E->Facts;
      auto Part = blocking_part(P, F, category_bit(EffectCategory::Console));
      if (Part && (Part->Micros >= MinBlockingMicros ||
                   (F.Class == WorkClass::Io && top_io_category(F.Total) == Part->Category))) {
        Blocking = true;
        E->Category = Part->Category;
        E->Micros = Part->Micros;
        Chain = Part->Evidence;
      } else if (F.Total.Cpu > Check.CpuCostThreshold && F.Class != WorkClass::Unknown &&
                 !evidence_crosses_spawn(P, F, E->Evidence)) {
        Heavy = true;
        E->Category = EffectCategory::Compute;
        E->Micros = F.Total.Cpu;
        Chain = E->Evidence;
      }
    } else {
      Blocking = is_blocking(E->Category) && E->Category != EffectCategory::Console;
      Heavy = E->Category == EffectCategory::Compute && E->Micros > Check.CpuCostThreshold;
      Chain = E->Api + " [" + category_name(E->Category).str() + "]";
    }
    if (!Blocking && !Heavy)
      return;
    SourceLocation Loc = Call->getBeginLoc();
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
      Loc = Op->getOperatorLoc();
    else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      if (const auto *ME = dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParenImpCasts()))
        Loc = ME->getMemberLoc();
    if (!Check.Reported.insert(Loc.getRawEncoding()).second)
      return;
    std::string Advice = advice(*E, Call, Ctx);
    if (Blocking) {
      std::string What = E->From == CallEffect::Source::Program
                             ? ("'" + E->Api + "' blocks (" + Chain + ")")
                             : ("blocking call '" + E->Api + "' [" +
                                category_name(E->Category).str() + "]");
      auto D = Check.diag(Loc, "%0 in coroutine '%1' stalls every task on the event loop; %2")
               << What << CoroutineName << Advice;
      if (auto Fix = sleep_fix(Call, *E))
        D << *Fix;
      return;
    }
    Check.diag(Loc, "CPU-bound call '%0' (~%1 us: %2) in coroutine '%3' stalls every task on the "
                    "event loop; %4")
        << E->Api << llvm::formatv("{0:F0}", E->Micros).str() << Chain << CoroutineName << Advice;
  }

  /// std::this_thread::sleep_for(d); as a statement -> co_await boundwise::sleep_for(d);
  std::optional<FixItHint> sleep_fix(const Expr *Call, const CallEffect &E) {
    if (E.Api != "std::this_thread::sleep_for")
      return std::nullopt;
    const auto *C = dyn_cast<CallExpr>(Call);
    if (!C || C->getNumArgs() != 1 || C->getBeginLoc().isMacroID() ||
        C->getCallee()->getEndLoc().isMacroID())
      return std::nullopt;
    auto Parents = Ctx.getParents(*C);
    if (Parents.size() == 1 && Parents[0].get<ExprWithCleanups>())
      Parents = Ctx.getParents(Parents[0]);
    if (Parents.size() != 1 || !Parents[0].get<CompoundStmt>())
      return std::nullopt;
    return FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(C->getBeginLoc(), C->getCallee()->getEndLoc()),
        "co_await boundwise::sleep_for");
  }
};

void BlockingCallInAsyncCheck::check(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *F = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>("lambda"))
    F = Lambda->getCallOperator();
  if (!F || F->isDependentContext() || !Seen.insert(F).second)
    return;
  const auto *Body = dyn_cast_or_null<CoroutineBodyStmt>(F->getBody());
  if (!Body || !is_coroutine_type(F->getReturnType()))
    return;
  const Program &P = program_for(*Result.Context, LocalProgram);
  Walk W{*this, *Result.Context, P, F, display_name(F)};
  W.walk(Body->getBody());
}

} // namespace boundwise
