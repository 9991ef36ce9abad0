// Finds boundwise::ThreadPool/ProcessPool sizes, omp_set_num_threads(N) and
// `num_threads(N)` clauses, given as constants or as the core count times a
// factor, that exceed what the submitted work can use: CPU-bound work past
// k x cores only adds context switches; I/O-bound thread pools past a cap
// should wait asynchronously instead of holding a thread per wait.
#include "oversized_pool_check.h"

#include "check_options.h"

#include "../program_facts.h"
#include "../summary_builder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/OpenMPClause.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

#include <cmath>
#include <optional>

using namespace clang;
using namespace clang::ast_matchers;

namespace boundwise {

OversizedPoolCheck::OversizedPoolCheck(llvm::StringRef Name, tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      // Read as text: the integral get<>/store<> specializations in Debian's
      // clang-tidy library are mangled by Clang in a way GCC does not match.
      ThreadFactor(option_number(Options.get("ThreadFactor", "2"), 2)),
      ProcessFactor(option_number(Options.get("ProcessFactor", "1"), 1)),
      AssumedCores(option_number(Options.get("AssumedCores", "16"), 16)),
      IoThreadCap(option_number(Options.get("IoThreadCap", "256"), 256)) {}

static std::string number_text(double V) {
  if (V == std::floor(V))
    return std::to_string(static_cast<long long>(V));
  std::string S = std::to_string(V);
  S.erase(S.find_last_not_of('0') + 1);
  return S;
}

void OversizedPoolCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ThreadFactor", number_text(ThreadFactor));
  Options.store(Opts, "ProcessFactor", number_text(ProcessFactor));
  Options.store(Opts, "AssumedCores", number_text(AssumedCores));
  Options.store(Opts, "IoThreadCap", number_text(IoThreadCap));
}

void OversizedPoolCheck::registerMatchers(MatchFinder *Finder) {
  auto Pool = cxxRecordDecl(hasAnyName("::boundwise::ThreadPool", "::boundwise::ProcessPool"));
  Finder->addMatcher(cxxConstructExpr(unless(isExpansionInSystemHeader()), argumentCountAtLeast(1),
                                      hasDeclaration(cxxConstructorDecl(
                                          ofClass(Pool), unless(isCopyConstructor()),
                                          unless(isMoveConstructor()))))
                         .bind("pool"),
                     this);
  Finder->addMatcher(
      callExpr(unless(isExpansionInSystemHeader()), argumentCountAtLeast(1),
               callee(functionDecl(hasAnyName("::std::make_unique", "::std::make_shared"),
                                   hasTemplateArgument(0, refersToType(hasDeclaration(Pool))))))
          .bind("make"),
      this);
  Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader()), argumentCountIs(1),
                              callee(functionDecl(hasName("::omp_set_num_threads"))))
                         .bind("omp_set"),
                     this);
  Finder->addMatcher(ompExecutableDirective(unless(isExpansionInSystemHeader())).bind("omp"),
                     this);
}

namespace {

bool is_core_count(llvm::StringRef Name) {
  return Name == "std::thread::hardware_concurrency" || Name == "std::jthread::hardware_concurrency" ||
         Name == "boundwise::default_workers" || Name == "sysconf" || Name == "get_nprocs" ||
         Name == "get_nprocs_conf" || Name == "omp_get_num_procs" || Name == "omp_get_max_threads" ||
         Name == "tbb::this_task_arena::max_concurrency" || Name == "tbb::info::default_concurrency";
}

/// A size as PerCore x cores + Constant.
struct Size {
  double PerCore = 0;
  double Constant = 0;
};

std::optional<Size> size_of(const Expr *E, ASTContext &Ctx, int Depth = 0) {
  if (!E || Depth > 8)
    return std::nullopt;
  E = E->IgnoreParenImpCasts();
  if (E->isValueDependent() || E->isTypeDependent() || isa<CXXDefaultArgExpr>(E))
    return std::nullopt;
  Expr::EvalResult R;
  if (E->EvaluateAsInt(R, Ctx))
    return Size{0, static_cast<double>(R.Val.getInt().getSExtValue())};
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    return size_of(Cast->getSubExpr(), Ctx, Depth + 1);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E); Construct && Construct->getNumArgs() == 1)
    return size_of(Construct->getArg(0), Ctx, Depth + 1);
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (const FunctionDecl *F = Call->getDirectCallee(); F && is_core_count(api_name(F)))
      return Size{1, 0};
    return std::nullopt;
  }
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    auto L = size_of(B->getLHS(), Ctx, Depth + 1), Rt = size_of(B->getRHS(), Ctx, Depth + 1);
    if (!L || !Rt)
      return std::nullopt;
    switch (B->getOpcode()) {
    case BO_Add:
      return Size{L->PerCore + Rt->PerCore, L->Constant + Rt->Constant};
    case BO_Sub:
      return Size{L->PerCore - Rt->PerCore, L->Constant - Rt->Constant};
    case BO_Mul:
      if (L->PerCore == 0)
        return Size{Rt->PerCore * L->Constant, Rt->Constant * L->Constant};
      if (Rt->PerCore == 0)
        return Size{L->PerCore * Rt->Constant, L->Constant * Rt->Constant};
      return std::nullopt;
    case BO_Div:
      if (Rt->PerCore == 0 && Rt->Constant > 0)
        return Size{L->PerCore / Rt->Constant, L->Constant / Rt->Constant};
      return std::nullopt;
    case BO_Shl:
      if (Rt->PerCore == 0)
        return Size{L->PerCore * std::ldexp(1.0, static_cast<int>(Rt->Constant)),
                    L->Constant * std::ldexp(1.0, static_cast<int>(Rt->Constant))};
      return std::nullopt;
    default:
      return std::nullopt;
    }
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
      if (!isa<ParmVarDecl>(V) && V->getInit() &&
          (V->hasLocalStorage() || V->getType().isConstQualified()))
        return size_of(V->getInit(), Ctx, Depth + 1);
  return std::nullopt;
}

/// The functions a callable argument stands for.
void callables(const Expr *E, llvm::SmallVectorImpl<const FunctionDecl *> &Out, int Depth = 0) {
  if (!E || Depth > 8)
    return;
  E = E->IgnoreParenImpCasts();
  if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
    return callables(M->getSubExpr(), Out, Depth + 1);
  if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
    return callables(B->getSubExpr(), Out, Depth + 1);
  if (const auto *C = dyn_cast<CastExpr>(E))
    return callables(C->getSubExpr(), Out, Depth + 1);
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E)) {
    if (const FunctionTemplateDecl *Generic = Lambda->getDependentCallOperator()) {
      for (const FunctionDecl *Spec : Generic->specializations())
        Out.push_back(Spec);
      return;
    }
    Out.push_back(Lambda->getCallOperator());
    return;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Plus)
      return callables(U->getSubExpr(), Out, Depth + 1);
    return;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *F = dyn_cast<FunctionDecl>(Ref->getDecl()))
      Out.push_back(F);
    else if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()); V && V->getInit())
      callables(V->getInit(), Out, Depth + 1);
    return;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (Construct->getNumArgs() >= 1)
      callables(Construct->getArg(0), Out, Depth + 1);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *F = Call->getDirectCallee()) {
      std::string Name = api_name(F);
      if ((Name == "std::bind" || Name == "std::bind_front" || Name == "std::move") &&
          Call->getNumArgs() > 0)
        callables(Call->getArg(0), Out, Depth + 1);
    }
}

struct Verdict {
  WorkClass Class = WorkClass::Unknown;
  std::string Example; // a submitted function and its evidence
};

/// Folds the classes of the submitted functions into one.
void fold(Verdict &V, const FunctionFacts *Facts, bool &Any) {
  if (!Facts)
    return;
  WorkClass C = Facts->Class;
  if (!Any) {
    V.Class = C;
    Any = true;
  } else if (V.Class != C) {
    bool HasIo = V.Class == WorkClass::Io || C == WorkClass::Io || V.Class == WorkClass::Mixed ||
                 C == WorkClass::Mixed;
    bool HasCpu = V.Class == WorkClass::Cpu || C == WorkClass::Cpu || V.Class == WorkClass::Mixed ||
                  C == WorkClass::Mixed;
    if (HasIo && HasCpu)
      V.Class = WorkClass::Mixed;
    else if (V.Class == WorkClass::Unknown)
      V.Class = C;
  }
  if (V.Example.empty() || C == V.Class)
    V.Example = Facts->Evidence.empty() ||
                        llvm::StringRef(Facts->Evidence.front()).contains("too little work")
                    ? Facts->Summary->Name
                    : Facts->Evidence.front();
}

const Stmt *enclosing_body(const Stmt *S, ASTContext &Ctx, const VarDecl **Holder) {
  DynTypedNode Node = DynTypedNode::create(*S);
  for (int Guard = 0; Guard < 512; ++Guard) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return nullptr;
    DynTypedNode P = Parents[0];
    if (const auto *V = P.get<VarDecl>(); V && Holder && !*Holder)
      *Holder = V;
    if (const auto *F = P.get<FunctionDecl>())
      return F->getBody();
    if (const auto *L = P.get<LambdaExpr>())
      return L->getBody();
    if (Holder && !*Holder && P.get<Stmt>() && !P.get<ImplicitCastExpr>() &&
        !P.get<MaterializeTemporaryExpr>() && !P.get<CXXBindTemporaryExpr>() &&
        !P.get<ExprWithCleanups>() && !P.get<CXXNewExpr>() && !P.get<ParenExpr>() &&
        !P.get<CXXFunctionalCastExpr>() && !P.get<CXXConstructExpr>())
      Holder = nullptr; // the pool is not what a variable is initialized with
    Node = P;
  }
  return nullptr;
}

/// The data member a pool initializer belongs to (`ThreadPool pool_{64};`
/// in the class, or `pool_(64)` in a constructor's initializer list).
const FieldDecl *member_holding(const Stmt *S, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*S);
  for (int Guard = 0; Guard < 16; ++Guard) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return nullptr;
    // An in-class initializer has two parents: its field and the
    // CXXDefaultInitExpr of each constructor using it.
    for (const DynTypedNode &Any : Parents) {
      if (const auto *F = Any.get<FieldDecl>())
        return F;
      if (const auto *Init = Any.get<CXXCtorInitializer>())
        return Init->getMember();
      if (const auto *Ctor = Any.get<CXXConstructorDecl>())
        for (const CXXCtorInitializer *Init : Ctor->inits())
          if (Init->getInit() == Node.get<Expr>())
            return Init->getMember();
    }
    DynTypedNode P = Parents[0];
    if (!P.get<ImplicitCastExpr>() && !P.get<MaterializeTemporaryExpr>() &&
        !P.get<CXXBindTemporaryExpr>() && !P.get<ExprWithCleanups>() && !P.get<ParenExpr>() &&
        !P.get<InitListExpr>())
      return nullptr;
    Node = P;
  }
  return nullptr;
}

} // namespace

void OversizedPoolCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const Program &P = program_for(Ctx, LocalProgram);
  const Expr *SizeExpr = nullptr;
  const Stmt *Anchor = nullptr;
  bool Process = false, OpenMP = false;
  Verdict V;
  bool Any = false;

  auto ClassOfRegion = [&](const Stmt *Region) {
    // The calls inside an OpenMP region decide; arithmetic alone is CPU work.
    auto Calls = match(findAll(callExpr(callee(functionDecl().bind("f")))), *Region, Ctx);
    bool HasIo = false;
    for (const BoundNodes &N : Calls) {
      const auto *F = N.getNodeAs<FunctionDecl>("f");
      if (const FunctionFacts *Facts = P.find(usr_of(F)))
        fold(V, Facts, Any);
      else if (const ApiEffect *E = installed_knowledge().effect(api_name(F)); E && is_blocking(E->Category))
        HasIo = true;
    }
    if (HasIo) {
      V.Class = (Any && (V.Class == WorkClass::Cpu || V.Class == WorkClass::Mixed)) ? WorkClass::Mixed
                                                                                   : WorkClass::Io;
      Any = true;
    }
    if (!Any) {
      V.Class = WorkClass::Cpu;
      V.Example = "the region's own arithmetic";
      Any = true;
    }
  };

  if (const auto *Dir = Result.Nodes.getNodeAs<OMPExecutableDirective>("omp")) {
    const auto *Clause = Dir->getSingleClause<OMPNumThreadsClause>();
    if (!Clause || !Dir->hasAssociatedStmt())
      return;
    SizeExpr = Clause->getNumThreads();
    Anchor = Dir;
    OpenMP = true;
    ClassOfRegion(Dir->getAssociatedStmt());
  } else if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("omp_set")) {
    SizeExpr = Call->getArg(0);
    Anchor = Call;
    OpenMP = true;
    const Stmt *Body = enclosing_body(Call, Ctx, nullptr);
    if (!Body)
      return;
    auto Regions = match(findAll(ompExecutableDirective().bind("d")), *Body, Ctx);
    for (const BoundNodes &N : Regions) {
      const auto *D = N.getNodeAs<OMPExecutableDirective>("d");
      if (isOpenMPParallelDirective(D->getDirectiveKind()) && D->hasAssociatedStmt() &&
          !D->getSingleClause<OMPNumThreadsClause>())
        ClassOfRegion(D->getAssociatedStmt());
    }
    if (!Any) {
      V.Class = WorkClass::Cpu; // OpenMP teams run loops of computation
      V.Example = "the parallel regions' own arithmetic";
      Any = true;
    }
  } else {
    const Expr *E = Result.Nodes.getNodeAs<CXXConstructExpr>("pool");
    QualType T;
    if (E) {
      T = E->getType();
      SizeExpr = cast<CXXConstructExpr>(E)->getArg(0);
    } else {
      const auto *Make = Result.Nodes.getNodeAs<CallExpr>("make");
      E = Make;
      T = Make->getDirectCallee()->getTemplateSpecializationArgs()->get(0).getAsType();
      SizeExpr = Make->getArg(0);
    }
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (!RD)
      return;
    Process = api_name(RD) == "boundwise::ProcessPool";
    Anchor = E;
    // The pool's variable, and its submit/map calls in the same function.
    const VarDecl *Holder = nullptr;
    const Stmt *Body = enclosing_body(E, Ctx, &Holder);
    const FieldDecl *Field = member_holding(E, Ctx);
    if (!Field && (!Body || !Holder))
      return;
    auto Submit = [&](const Stmt &Where, auto On) {
      auto Calls = match(findAll(cxxMemberCallExpr(callee(cxxMethodDecl(hasAnyName("submit", "map"))),
                                                   on(expr(anyOf(ignoringParenImpCasts(On),
                                                                 hasDescendant(On)))))
                                     .bind("c")),
                         Where, Ctx);
      for (const BoundNodes &N : Calls) {
        const auto *C = N.getNodeAs<CXXMemberCallExpr>("c");
        if (C->getNumArgs() == 0)
          continue;
        llvm::SmallVector<const FunctionDecl *, 2> Fs;
        callables(C->getArg(0), Fs);
        for (const FunctionDecl *F : Fs)
          fold(V, P.find(usr_of(F)), Any);
      }
    };
    if (Field) {
      // A member pool: its class's methods submit to it.
      for (const CXXMethodDecl *M : cast<CXXRecordDecl>(Field->getParent())->methods()) {
        const FunctionDecl *Def = nullptr;
        if (M->hasBody(Def) && Def->getBody())
          Submit(*Def->getBody(), memberExpr(member(equalsNode(Field))));
      }
    } else {
      Submit(*Body, declRefExpr(to(varDecl(equalsNode(Holder)))));
    }
  }
  if (!SizeExpr || !Any || V.Class == WorkClass::Unknown)
    return;
  std::optional<Size> S = size_of(SizeExpr, Ctx);
  if (!S || (S->PerCore <= 0 && S->Constant <= 0))
    return;

  const char *What = OpenMP ? "OpenMP team" : Process ? "process pool" : "thread pool";
  const char *Unit = Process ? "processes" : "threads";
  std::string SizeText;
  if (S->PerCore > 0) {
    SizeText = "the core count";
    if (S->PerCore != 1)
      SizeText += " x " + number_text(S->PerCore);
    if (S->Constant != 0)
      SizeText += (S->Constant > 0 ? " + " : " - ") + number_text(std::fabs(S->Constant));
    SizeText += " " + std::string(Unit);
  } else {
    SizeText = number_text(S->Constant) + " " + Unit;
  }

  if (V.Class == WorkClass::Cpu) {
    double K = Process ? ProcessFactor : ThreadFactor;
    bool Over = S->PerCore > 0 ? S->PerCore > K : S->Constant > K * AssumedCores;
    if (!Over)
      return;
    std::string Limit = S->PerCore > 0 ? number_text(K) + " x the cores"
                                       : number_text(K) + " x " + number_text(AssumedCores) +
                                             " cores (AssumedCores)";
    std::string Replacement = "boundwise::default_workers()";
    if (OpenMP) {
      bool HasRuntime = false;
      for (const NamedDecl *D : Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get("boundwise")))
        if (const auto *NS = dyn_cast<NamespaceDecl>(D))
          HasRuntime |= !NS->lookup(&Ctx.Idents.get("default_workers")).empty();
      Replacement = HasRuntime ? "static_cast<int>(boundwise::default_workers())" : "omp_get_num_procs()";
    }
    auto D = diag(SizeExpr->getBeginLoc(),
                  "%0 of %1 for CPU-bound work (%2): more than %3 only adds context switches "
                  "and memory; size it with %4")
             << What << SizeText << V.Example << Limit << Replacement;
    CharSourceRange Range = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(SizeExpr->getSourceRange()), *Result.SourceManager,
        Ctx.getLangOpts());
    if (Range.isValid())
      D << FixItHint::CreateReplacement(Range, Replacement);
    return;
  }
  // I/O-bound (or mixed) work: threads that mostly wait.
  double Count = S->PerCore * AssumedCores + S->Constant;
  if (Count <= IoThreadCap)
    return;
  diag(SizeExpr->getBeginLoc(),
       "%0 of %1 for %2 work (%3): more than %4 %5 mostly wait, each holding a stack; use async "
       "I/O (a boundwise::Task coroutine with co_await) or a pool of at most %4")
      << What << SizeText << (V.Class == WorkClass::Io ? "I/O-bound" : "partly I/O-bound")
      << V.Example << number_text(IoThreadCap) << Unit;
  (void)Anchor;
}

} // namespace boundwise
