// Finds pools and event loops (boundwise::ThreadPool, boundwise::ProcessPool,
// boost::asio::thread_pool, boost::asio::io_context, tbb::task_arena, ...)
// constructed inside a loop, or in a function that a loop calls: every
// iteration starts and joins the workers again. tbb::task_group is not a
// pool (it borrows the shared arena) and is not listed.
#include "pool_in_loop_check.h"

#include "../program_facts.h"
#include "../summary_builder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace boundwise {

static const char DefaultPoolTypes[] =
    "boundwise::ThreadPool;boundwise::ProcessPool;boundwise::Loop;boost::asio::thread_pool;"
    "boost::asio::static_thread_pool;boost::asio::io_context;boost::asio::io_service;"
    "tbb::task_arena;BS::thread_pool;folly::CPUThreadPoolExecutor;folly::IOThreadPoolExecutor";

PoolInLoopCheck::PoolInLoopCheck(llvm::StringRef Name, tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), PoolTypesText(Options.get("PoolTypes", DefaultPoolTypes)) {
  llvm::SmallVector<llvm::StringRef, 16> Parts;
  llvm::StringRef(PoolTypesText).split(Parts, ';', -1, false);
  for (llvm::StringRef Part : Parts)
    if (!Part.trim().empty())
      PoolTypes.push_back(("::" + Part.trim().ltrim(':')).str());
}

void PoolInLoopCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "PoolTypes", PoolTypesText);
}

void PoolInLoopCheck::registerMatchers(MatchFinder *Finder) {
  std::vector<llvm::StringRef> Names(PoolTypes.begin(), PoolTypes.end());
  if (Names.empty())
    return;
  auto Pool = cxxRecordDecl(hasAnyName(Names));
  Finder->addMatcher(cxxConstructExpr(unless(isExpansionInSystemHeader()),
                                      hasDeclaration(cxxConstructorDecl(
                                          ofClass(Pool), unless(isCopyConstructor()),
                                          unless(isMoveConstructor()))))
                         .bind("construct"),
                     this);
  // std::make_unique<boundwise::ThreadPool>(8): the constructor runs in the library.
  Finder->addMatcher(
      callExpr(unless(isExpansionInSystemHeader()),
               callee(functionDecl(hasAnyName("::std::make_unique", "::std::make_shared"),
                                   hasTemplateArgument(0, refersToType(hasDeclaration(Pool))))))
          .bind("construct"),
      this);
}

namespace {

bool is_loop(const Stmt *S) {
  return isa<ForStmt>(S) || isa<CXXForRangeStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S);
}

/// A loop that runs its body at most once: `do { } while (false)`,
/// `for (int i = 0; i < 1; ++i)`.
bool runs_once(const Stmt *Loop, ASTContext &Ctx) {
  const Expr *Cond = nullptr;
  if (const auto *W = dyn_cast<WhileStmt>(Loop))
    Cond = W->getCond();
  else if (const auto *D = dyn_cast<DoStmt>(Loop))
    Cond = D->getCond();
  else if (const auto *F = dyn_cast<ForStmt>(Loop)) {
    Cond = F->getCond();
    const auto *B = dyn_cast_or_null<BinaryOperator>(Cond ? Cond->IgnoreParenImpCasts() : nullptr);
    const auto *Init = dyn_cast_or_null<DeclStmt>(F->getInit());
    if (B && Init && Init->isSingleDecl() && B->getOpcode() == BO_LT)
      if (const auto *V = dyn_cast<VarDecl>(Init->getSingleDecl()); V && V->getInit()) {
        Expr::EvalResult Start, End;
        if (!V->getInit()->isValueDependent() && !B->getRHS()->isValueDependent() &&
            V->getInit()->EvaluateAsInt(Start, Ctx) && B->getRHS()->EvaluateAsInt(End, Ctx))
          return End.Val.getInt().getSExtValue() - Start.Val.getInt().getSExtValue() <= 1;
      }
  }
  bool Value = true;
  return Cond && !Cond->isValueDependent() && Cond->EvaluateAsBooleanCondition(Value, Ctx) &&
         !Value;
}

struct Place {
  /// The innermost loop whose body holds the construction.
  const Stmt *Loop = nullptr;
  /// The function (or lambda call operator) holding it.
  const FunctionDecl *Function = nullptr;
  /// A static or thread_local variable: built once.
  bool Once = false;
};

Place place_of(const Stmt *S, ASTContext &Ctx) {
  Place Out;
  DynTypedNode Node = DynTypedNode::create(*S);
  const Stmt *Child = S;
  for (int Guard = 0; Guard < 512; ++Guard) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return Out;
    DynTypedNode P = Parents[0];
    if (const auto *PS = P.get<Stmt>()) {
      if (!Out.Loop && is_loop(PS) && Child && Child != PS) {
        const Stmt *Body = nullptr;
        if (const auto *F = dyn_cast<ForStmt>(PS))
          Body = F->getBody();
        else if (const auto *F = dyn_cast<CXXForRangeStmt>(PS))
          Body = F->getBody();
        else if (const auto *W = dyn_cast<WhileStmt>(PS))
          Body = W->getBody();
        else
          Body = cast<DoStmt>(PS)->getBody();
        if (Body == Child && !runs_once(PS, Ctx))
          Out.Loop = PS;
      }
      if (const auto *Lambda = dyn_cast<LambdaExpr>(PS)) {
        // A lambda runs where it is called, not where it is written.
        Out.Function = Lambda->getCallOperator();
        return Out;
      }
      Child = PS;
      Node = P;
      continue;
    }
    if (const auto *V = P.get<VarDecl>()) {
      if (V->isStaticLocal() || V->getTSCSpec() != TSCS_unspecified || V->hasGlobalStorage())
        Out.Once = true;
      Child = nullptr;
      Node = P;
      continue;
    }
    if (const auto *F = P.get<FunctionDecl>()) {
      Out.Function = F;
      return Out;
    }
    if (P.get<CXXCtorInitializer>()) {
      Child = nullptr;
      Node = P;
      continue;
    }
    if (const auto *D = P.get<Decl>()) {
      if (isa<FieldDecl>(D) || isa<TranslationUnitDecl>(D) || isa<RecordDecl>(D))
        return Out;
      Child = nullptr;
      Node = P;
      continue;
    }
    Child = nullptr;
    Node = P;
  }
  return Out;
}

std::string type_name(const Expr *E) {
  QualType T;
  if (const auto *C = dyn_cast<CXXConstructExpr>(E))
    T = C->getType();
  else if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *F = Call->getDirectCallee())
      if (const TemplateArgumentList *Args = F->getTemplateSpecializationArgs(); Args && Args->size())
        T = Args->get(0).getAsType();
  if (const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl())
    return api_name(RD);
  return "pool";
}

} // namespace

void PoolInLoopCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Construct = Result.Nodes.getNodeAs<Expr>("construct");
  ASTContext &Ctx = *Result.Context;
  if (!Construct || Construct->getBeginLoc().isInvalid())
    return;
  Place Where = place_of(Construct, Ctx);
  if (Where.Once || !Where.Function)
    return;
  std::string Type = type_name(Construct);
  if (Where.Loop) {
    diag(Construct->getBeginLoc(),
         "'%0' is constructed on every iteration of a loop: its workers are started and joined "
         "each time; construct it once before the loop and reuse it")
        << Type;
    diag(Where.Loop->getBeginLoc(), "the loop is here; hoist the pool above it",
         DiagnosticIDs::Note);
    return;
  }

  // Not in a loop here: is this function called from one?
  const Program &P = program_for(Ctx, LocalProgram);
  if (IndexedProgram != &P) {
    Callers.clear();
    for (const FunctionFacts &F : P.functions()) {
      if (!F.Summary)
        continue;
      for (const CallSite &Site : F.Summary->Calls)
        if (Site.Kind == CallKind::Direct && Site.CalleeName != "(task)" && !Site.OnErrorPath)
          Callers[Site.Callee].push_back({&F, &Site});
    }
    IndexedProgram = &P;
  }
  // Breadth-first up the callers, a few levels: the first call made in a loop.
  std::string Start = usr_of(Where.Function->getCanonicalDecl());
  if (Start.empty())
    return;
  struct Step {
    std::string Usr;
    int Depth;
  };
  std::vector<Step> Queue = {{Start, 0}};
  llvm::StringSet<> Seen = {Start};
  const FunctionFacts *LoopCaller = nullptr;
  const CallSite *LoopSite = nullptr;
  for (size_t I = 0; I < Queue.size() && !LoopSite; ++I) {
    auto It = Callers.find(Queue[I].Usr);
    if (It == Callers.end())
      continue;
    for (const auto &[Caller, Site] : It->second) {
      if (Site->Multiplier > 1) {
        LoopCaller = Caller;
        LoopSite = Site;
        break;
      }
      if (Queue[I].Depth < 2 && Seen.insert(Caller->Summary->Usr).second)
        Queue.push_back({Caller->Summary->Usr, Queue[I].Depth + 1});
    }
  }
  if (!LoopSite)
    return;
  std::string Callee = display_name(Where.Function);
  std::string At = llvm::sys::path::filename(LoopSite->Where.File).str() + ":" +
                   std::to_string(LoopSite->Where.Line);
  diag(Construct->getBeginLoc(),
       "'%0' is constructed on every call of '%1', which runs in a loop (%2 in '%3'): its workers "
       "are started and joined each time; create the pool once outside the loop and pass it in")
      << Type << Callee << At << LoopCaller->Summary->Name;
  if (auto File = Result.SourceManager->getFileManager().getOptionalFileRef(LoopSite->Where.File)) {
    SourceLocation Loc = Result.SourceManager->translateFileLineCol(*File, LoopSite->Where.Line,
                                                                    LoopSite->Where.Column);
    if (Loc.isValid())
      diag(Loc, "called in a loop here", DiagnosticIDs::Note);
  }
}

} // namespace boundwise
