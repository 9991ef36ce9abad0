// Finds a std::thread, std::jthread, pthread_create or
// std::async(std::launch::async, ...) started once per element of a loop
// over data, where the threads outlive the iteration: as many threads as
// items, however many items there are. A fixed, small worker count (a
// constant bound up to MaxThreads, or one derived from the core count) and
// a thread joined in the same iteration are fine.
#include "thread_per_task_check.h"

#include "../summary_builder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace boundwise {

namespace {

const char *const CoreCountApis[] = {
    "std::thread::hardware_concurrency", "std::jthread::hardware_concurrency",
    "boundwise::default_workers",        "sysconf",
    "get_nprocs",                        "get_nprocs_conf",
    "omp_get_max_threads",               "omp_get_num_procs",
    "tbb::this_task_arena::max_concurrency", "tbb::info::default_concurrency"};

bool is_core_count(llvm::StringRef Name) {
  return llvm::is_contained(CoreCountApis, Name);
}

bool is_loop(const Stmt *S) {
  return isa<ForStmt>(S) || isa<CXXForRangeStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S);
}

const Stmt *loop_body(const Stmt *S) {
  if (const auto *F = dyn_cast<ForStmt>(S))
    return F->getBody();
  if (const auto *F = dyn_cast<CXXForRangeStmt>(S))
    return F->getBody();
  if (const auto *W = dyn_cast<WhileStmt>(S))
    return W->getBody();
  if (const auto *D = dyn_cast<DoStmt>(S))
    return D->getBody();
  return nullptr;
}

/// Algorithms that call a callable argument once per element.
bool is_per_element_algorithm(llvm::StringRef Name) {
  return Name == "std::for_each" || Name == "std::for_each_n" || Name == "std::ranges::for_each" ||
         Name == "std::transform" || Name == "std::ranges::transform" ||
         Name == "std::generate" || Name == "std::generate_n";
}

/// A per-element context around the spawn: a loop whose body holds it, or
/// a lambda handed to std::for_each and friends.
struct Repetition {
  const Stmt *Loop = nullptr; // a loop statement, or the algorithm's CallExpr
  const Stmt *Body = nullptr; // the part that runs per element
};

/// The loops around \p S inside its function, innermost first.
llvm::SmallVector<Repetition, 4> repetitions(const Stmt *S, ASTContext &Ctx) {
  llvm::SmallVector<Repetition, 4> Out;
  DynTypedNode Node = DynTypedNode::create(*S);
  const Stmt *Child = S;
  for (int Guard = 0; Guard < 256; ++Guard) {
    DynTypedNodeList Storage = Ctx.getParents(Node);
    if (Storage.empty())
      break;
    DynTypedNode Parent = Storage[0];
    if (const auto *PS = Parent.get<Stmt>()) {
      if (is_loop(PS) && Child && loop_body(PS) == Child)
        Out.push_back({PS, Child});
      if (const auto *Lambda = dyn_cast<LambdaExpr>(PS)) {
        // The lambda runs where it is called: follow it only into an
        // algorithm that calls it per element.
        DynTypedNode Up = Parent;
        const CallExpr *Algorithm = nullptr;
        for (int G = 0; G < 6 && !Algorithm; ++G) {
          DynTypedNodeList UpParents = Ctx.getParents(Up);
          if (UpParents.empty())
            break;
          Up = UpParents[0];
          if (const auto *Call = Up.get<CallExpr>()) {
            if (const FunctionDecl *F = Call->getDirectCallee())
              if (is_per_element_algorithm(api_name(F)))
                Algorithm = Call;
            break;
          }
          if (!Up.get<ImplicitCastExpr>() && !Up.get<MaterializeTemporaryExpr>() &&
              !Up.get<CXXBindTemporaryExpr>() && !Up.get<CXXConstructExpr>())
            break;
        }
        if (!Algorithm)
          break;
        Out.push_back({Algorithm, Lambda->getBody()});
        Node = DynTypedNode::create(*static_cast<const Stmt *>(Algorithm));
        Child = Algorithm;
        continue;
      }
      Child = PS;
      Node = Parent;
      continue;
    }
    if (const auto *D = Parent.get<Decl>()) {
      // A lambda's body hangs off its call operator and closure class.
      bool LambdaPart = false;
      if (const auto *M = dyn_cast<CXXMethodDecl>(D))
        LambdaPart = M->getParent()->isLambda();
      else if (const auto *RD = dyn_cast<CXXRecordDecl>(D))
        LambdaPart = RD->isLambda();
      if (LambdaPart) {
        Child = nullptr;
        Node = Parent;
        continue;
      }
      if (isa<FunctionDecl>(D) || isa<BlockDecl>(D) || isa<RecordDecl>(D) ||
          isa<TranslationUnitDecl>(D) || isa<FieldDecl>(D))
        break;
      Child = nullptr;
      Node = Parent;
      continue;
    }
    break;
  }
  return Out;
}

std::string source_text(const Stmt *S, ASTContext &Ctx) {
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(S->getSourceRange()), Ctx.getSourceManager(),
      Ctx.getLangOpts());
  if (Range.isInvalid())
    return {};
  return Lexer::getSourceText(Range, Ctx.getSourceManager(), Ctx.getLangOpts()).str();
}

/// The variable an expression stores into: `threads`, `threads[i]`,
/// `&tids[i]`, `tids + i`. Null for fields, globals and anything else.
const VarDecl *base_variable(const Expr *E) {
  for (int Guard = 0; E && Guard < 16; ++Guard) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(Ref->getDecl());
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      E = U->getSubExpr();
      continue;
    }
    if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
      E = A->getBase();
      continue;
    }
    if (const auto *B = dyn_cast<BinaryOperator>(E); B && B->isAdditiveOp()) {
      E = B->getLHS()->getType()->isPointerType() ? B->getLHS() : B->getRHS();
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() > 0) {
      E = Op->getArg(0);
      continue;
    }
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(E)) {
      // threads.at(i), tids.data() + i
      E = M->getImplicitObjectArgument();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

bool is_thread_class(const CXXRecordDecl *RD) {
  if (!RD || !RD->getIdentifier())
    return false;
  std::string Name = api_name(RD);
  return Name == "std::thread" || Name == "std::jthread";
}

const CXXRecordDecl *element_record(const CXXRecordDecl *Container) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Container);
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return nullptr;
  return Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
}

bool contains(const Stmt *Outer, SourceLocation Loc, const SourceManager &SM) {
  if (!Outer || Loc.isInvalid())
    return false;
  SourceRange R = Outer->getSourceRange();
  SourceLocation B = SM.getExpansionLoc(R.getBegin()), E = SM.getExpansionLoc(R.getEnd());
  Loc = SM.getExpansionLoc(Loc);
  return !SM.isBeforeInTranslationUnit(Loc, B) && !SM.isBeforeInTranslationUnit(E, Loc);
}

} // namespace

ThreadPerTaskCheck::ThreadPerTaskCheck(llvm::StringRef Name, tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), MaxThreads([&] {
        // Read as text: the integral get<>/store<> specializations in Debian's
        // clang-tidy library are mangled by Clang in a way GCC does not match.
        long long V = 64;
        if (llvm::StringRef(Options.get("MaxThreads", "64")).trim().getAsInteger(10, V) || V < 0)
          V = 64;
        return V;
      }()) {}

void ThreadPerTaskCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "MaxThreads", std::to_string(MaxThreads));
}

void ThreadPerTaskCheck::registerMatchers(MatchFinder *Finder) {
  auto ThreadClass = cxxRecordDecl(hasAnyName("::std::thread", "::std::jthread"));
  // std::thread t(f, x), std::thread(f, x), threads.push_back(std::thread(f, x)).
  Finder->addMatcher(
      cxxConstructExpr(unless(isExpansionInSystemHeader()),
                       hasDeclaration(cxxConstructorDecl(
                           ofClass(ThreadClass), unless(isCopyConstructor()),
                           unless(isMoveConstructor()), unless(isDefaultConstructor()))))
          .bind("spawn"),
      this);
  // threads.emplace_back(f, x): the thread is built inside the library.
  Finder->addMatcher(
      cxxMemberCallExpr(unless(isExpansionInSystemHeader()), argumentCountAtLeast(1),
                        callee(cxxMethodDecl(hasAnyName("emplace_back", "emplace", "emplace_front"),
                                             ofClass(classTemplateSpecializationDecl(
                                                 templateArgumentCountIs(2))))))
          .bind("emplace"),
      this);
  Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader()), argumentCountAtLeast(3),
                              callee(functionDecl(hasAnyName("::pthread_create", "::std::async"))))
                         .bind("call"),
                     this);
}

namespace {

enum class SpawnKind { Thread, JThread, Pthread, Async };

/// Where the started threads live: the location of the variable that owns
/// them (a loop whose body declares it ends them every iteration), or none
/// when they escape every loop (detached, stored in a field or global,
/// handed to another function).
struct Home {
  bool Escapes = false;
  SourceLocation Owner;
};

Home home_of_variable(const VarDecl *V) {
  if (!V || !V->hasLocalStorage() || isa<ParmVarDecl>(V) || V->getType()->isReferenceType() ||
      V->getType()->isPointerType())
    return {true, {}};
  return {false, V->getLocation()};
}

/// True when the function body detaches or moves \p V away.
bool released(const VarDecl *V, const Stmt *FunctionBody, ASTContext &Ctx) {
  if (!FunctionBody)
    return true;
  auto Refs = match(findAll(declRefExpr(to(varDecl(equalsNode(V)))).bind("ref")), *FunctionBody,
                    Ctx);
  for (const BoundNodes &B : Refs) {
    const auto *Ref = B.getNodeAs<DeclRefExpr>("ref");
    DynTypedNodeList Parents = Ctx.getParents(*Ref);
    for (int Guard = 0; Guard < 4 && !Parents.empty(); ++Guard) {
      if (const auto *Member = Parents[0].get<MemberExpr>()) {
        if (const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl()))
          if (Method->getIdentifier() && Method->getName() == "detach")
            return true;
        break;
      }
      if (const auto *Call = Parents[0].get<CallExpr>()) {
        if (const FunctionDecl *F = Call->getDirectCallee()) {
          std::string Name = api_name(F);
          if (Name == "std::move" || Name == "pthread_detach")
            return true;
        }
        break;
      }
      if (!Parents[0].get<ImplicitCastExpr>() && !Parents[0].get<ParenExpr>())
        break;
      Parents = Ctx.getParents(Parents[0]);
    }
  }
  return false;
}

bool joined_with_pthread_join(const VarDecl *V, const Stmt *FunctionBody, ASTContext &Ctx) {
  if (!FunctionBody)
    return false;
  auto Joins = match(
      findAll(callExpr(callee(functionDecl(hasName("::pthread_join"))),
                       hasArgument(0, hasDescendant(declRefExpr(to(varDecl(equalsNode(V)))))))
                  .bind("join")),
      *FunctionBody, Ctx);
  auto Direct = match(
      findAll(callExpr(callee(functionDecl(hasName("::pthread_join"))),
                       hasArgument(0, ignoringParenImpCasts(declRefExpr(to(varDecl(equalsNode(V)))))))
                  .bind("join")),
      *FunctionBody, Ctx);
  return !Joins.empty() || !Direct.empty();
}

/// Follows the value a spawn expression produces to whoever keeps it.
Home home_of_value(const Expr *Spawn, const Stmt *FunctionBody, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*Spawn);
  const Expr *Current = Spawn;
  for (int Guard = 0; Guard < 16; ++Guard) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return {true, {}};
    DynTypedNode P = Parents[0];
    if (P.get<ImplicitCastExpr>() || P.get<MaterializeTemporaryExpr>() ||
        P.get<CXXBindTemporaryExpr>() || P.get<ExprWithCleanups>() || P.get<ParenExpr>() ||
        P.get<CXXFunctionalCastExpr>()) {
      Current = P.get<Expr>();
      Node = P;
      continue;
    }
    if (const auto *Construct = P.get<CXXConstructExpr>()) {
      // A move into a variable or a container element.
      Current = Construct;
      Node = P;
      continue;
    }
    if (const auto *V = P.get<VarDecl>()) {
      Home H = home_of_variable(V);
      if (!H.Escapes && released(V, FunctionBody, Ctx))
        return {true, {}};
      return H;
    }
    if (const auto *Member = P.get<MemberExpr>()) {
      // std::thread(f, x).detach() / .join(), std::async(...).get()
      if (const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl()))
        if (Method->getIdentifier() && Method->getName() == "detach")
          return {true, {}};
      return {false, Spawn->getBeginLoc()};
    }
    if (const auto *Op = P.get<CXXOperatorCallExpr>()) {
      if (Op->isAssignmentOp() && Op->getNumArgs() == 2 && Op->getArg(1) == Current)
        return home_of_variable(base_variable(Op->getArg(0)));
      return {true, {}};
    }
    if (const auto *Member = P.get<CXXMemberCallExpr>()) {
      // threads.push_back(std::thread(f, x)), futures.emplace_back(std::async(...))
      if (const auto *Method = Member->getMethodDecl();
          Method && Method->getIdentifier() &&
          llvm::is_contained({"push_back", "emplace_back", "emplace", "push_front", "emplace_front",
                              "insert", "push", "try_emplace", "insert_or_assign"},
                             Method->getName()))
        return home_of_variable(base_variable(Member->getImplicitObjectArgument()));
      return {true, {}};
    }
    if (const auto *B = P.get<BinaryOperator>()) {
      if (B->isAssignmentOp())
        return home_of_variable(base_variable(B->getLHS()));
      return {true, {}};
    }
    if (P.get<CallExpr>() || P.get<ReturnStmt>() || P.get<InitListExpr>() ||
        P.get<CXXNewExpr>() || P.get<LambdaExpr>())
      return {true, {}};
    // A discarded temporary: a std::async future waits in its destructor,
    // a std::thread would terminate. Either way it does not outlive the
    // statement.
    return {false, Spawn->getBeginLoc()};
  }
  return {true, {}};
}

class Bounds {
public:
  Bounds(ASTContext &Ctx, long long Max) : Ctx(Ctx), Max(Max) {}

  /// The expression is at most Max, or follows the core count.
  bool bounded(const Expr *E, int Depth = 0) const {
    if (!E || Depth > 8)
      return false;
    E = E->IgnoreParenImpCasts();
    if (E->isValueDependent() || E->isTypeDependent())
      return false;
    Expr::EvalResult R;
    if (E->EvaluateAsInt(R, Ctx)) {
      const llvm::APSInt &V = R.Val.getInt();
      if (V.isSigned() ? V.getSExtValue() <= Max : V.getZExtValue() <= static_cast<uint64_t>(Max))
        return true;
      return false;
    }
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
      return bounded(Cast->getSubExpr(), Depth + 1);
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E); Construct && Construct->getNumArgs() == 1)
      return bounded(Construct->getArg(0), Depth + 1);
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *F = Call->getDirectCallee();
      if (!F)
        return false;
      std::string Name = api_name(F);
      if (is_core_count(Name))
        return true;
      if (Name == "std::min" || Name == "std::ranges::min")
        return llvm::any_of(Call->arguments(), [&](const Expr *A) { return bounded(A, Depth + 1); });
      if (Name == "std::max" || Name == "std::ranges::max")
        return llvm::all_of(Call->arguments(), [&](const Expr *A) { return bounded(A, Depth + 1); });
      if (Name == "std::clamp" && Call->getNumArgs() == 3)
        return bounded(Call->getArg(2), Depth + 1);
      return false;
    }
    if (const auto *B = dyn_cast<BinaryOperator>(E)) {
      switch (B->getOpcode()) {
      case BO_Add:
      case BO_Mul:
        return bounded(B->getLHS(), Depth + 1) && bounded(B->getRHS(), Depth + 1);
      case BO_Sub:
      case BO_Div:
      case BO_Shr:
        return bounded(B->getLHS(), Depth + 1);
      case BO_Rem:
        return bounded(B->getRHS(), Depth + 1) || bounded(B->getLHS(), Depth + 1);
      default:
        return false;
      }
    }
    if (const auto *C = dyn_cast<ConditionalOperator>(E))
      return bounded(C->getTrueExpr(), Depth + 1) && bounded(C->getFalseExpr(), Depth + 1);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
        if (!isa<ParmVarDecl>(V) && V->getInit() &&
            (V->hasLocalStorage() || V->getType().isConstQualified()))
          return bounded(V->getInit(), Depth + 1);
    return false;
  }

  /// The loop repeats at most Max times, or as many times as there are cores.
  bool loop_bounded(const Stmt *Loop) const {
    if (isa<CallExpr>(Loop))
      return false; // std::for_each over a range of data
    if (const auto *For = dyn_cast<CXXForRangeStmt>(Loop)) {
      const Expr *Range = For->getRangeInit();
      QualType T = Range->getType().getNonReferenceType();
      if (const auto *Array = Ctx.getAsConstantArrayType(T))
        return Array->getSize().getZExtValue() <= static_cast<uint64_t>(Max);
      const Expr *Init = Range->IgnoreImplicit();
      if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(Init))
        Init = List->getSubExpr()->IgnoreImplicit();
      if (const auto *List = dyn_cast<InitListExpr>(Init))
        return List->getNumInits() <= static_cast<uint64_t>(Max);
      if (const auto *Spec =
              dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl())) {
        std::string Name = api_name(Spec);
        const TemplateArgumentList &Args = Spec->getTemplateArgs();
        if (Name == "std::array" && Args.size() == 2 && Args[1].getKind() == TemplateArgument::Integral)
          return Args[1].getAsIntegral().getZExtValue() <= static_cast<uint64_t>(Max);
        if (Name == "std::initializer_list")
          if (const auto *Ref = dyn_cast<DeclRefExpr>(Init))
            if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()); V && V->getInit())
              if (const auto *L = dyn_cast<InitListExpr>(V->getInit()->IgnoreImplicit()))
                return L->getNumInits() <= static_cast<uint64_t>(Max);
      }
      // std::views::iota(0, n)
      if (const auto *Call = dyn_cast<CallExpr>(Range->IgnoreImplicit()); Call && Call->getNumArgs() == 2)
        if (const FunctionDecl *F = Call->getDirectCallee(); F && api_name(F).find("iota") != std::string::npos)
          return bounded(Call->getArg(1));
      return false;
    }
    const Expr *Cond = nullptr;
    const Stmt *Init = nullptr, *Inc = nullptr;
    if (const auto *For = dyn_cast<ForStmt>(Loop)) {
      Cond = For->getCond();
      Init = For->getInit();
      Inc = For->getInc();
    } else if (const auto *W = dyn_cast<WhileStmt>(Loop)) {
      Cond = W->getCond();
    } else if (const auto *D = dyn_cast<DoStmt>(Loop)) {
      Cond = D->getCond();
    }
    if (!Cond)
      return false;
    bool Value = true;
    if (!Cond->isValueDependent() && Cond->EvaluateAsBooleanCondition(Value, Ctx) && !Value)
      return true; // runs once
    return condition_bounded(Cond->IgnoreParenImpCasts(), Init, Inc);
  }

private:
  bool condition_bounded(const Expr *Cond, const Stmt *Init, const Stmt *Inc) const {
    const auto *B = dyn_cast<BinaryOperator>(Cond);
    if (!B)
      return false;
    if (B->getOpcode() == BO_LAnd)
      return condition_bounded(B->getLHS()->IgnoreParenImpCasts(), Init, Inc) ||
             condition_bounded(B->getRHS()->IgnoreParenImpCasts(), Init, Inc);
    if (!B->isComparisonOp() || B->getOpcode() == BO_EQ)
      return false;
    const Expr *L = B->getLHS()->IgnoreParenImpCasts(), *R = B->getRHS()->IgnoreParenImpCasts();
    const VarDecl *Counter = nullptr;
    const Expr *Limit = nullptr;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(L); Ref && isa<VarDecl>(Ref->getDecl()) && !bounded_constant(L)) {
      Counter = cast<VarDecl>(Ref->getDecl());
      Limit = R;
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(R); Ref && isa<VarDecl>(Ref->getDecl())) {
      Counter = cast<VarDecl>(Ref->getDecl());
      Limit = L;
    }
    if (!Counter)
      return false;
    // Counting down from n: the start is the bound.
    if (Inc && decrements(Inc, Counter)) {
      if (const auto *D = dyn_cast_or_null<DeclStmt>(Init); D && D->isSingleDecl())
        if (const auto *V = dyn_cast<VarDecl>(D->getSingleDecl()); V == Counter && V->getInit())
          return bounded(V->getInit());
      return false;
    }
    return bounded(Limit);
  }

  bool bounded_constant(const Expr *E) const {
    Expr::EvalResult R;
    return !E->isValueDependent() && E->EvaluateAsInt(R, Ctx);
  }

  static bool decrements(const Stmt *Inc, const VarDecl *Counter) {
    const auto *E = dyn_cast<Expr>(Inc);
    if (!E)
      return false;
    E = E->IgnoreParenImpCasts();
    const Expr *Target = nullptr;
    if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->isDecrementOp())
      Target = U->getSubExpr();
    else if (const auto *C = dyn_cast<CompoundAssignOperator>(E); C && C->getOpcode() == BO_SubAssign)
      Target = C->getLHS();
    if (!Target)
      return false;
    const auto *Ref = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts());
    return Ref && Ref->getDecl() == Counter;
  }

  ASTContext &Ctx;
  long long Max;
};

const Stmt *function_body(const Stmt *S, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*S);
  for (int Guard = 0; Guard < 512; ++Guard) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return nullptr;
    if (const auto *F = Parents[0].get<FunctionDecl>())
      return F->getBody();
    if (const auto *L = Parents[0].get<LambdaExpr>())
      return L->getBody();
    Node = Parents[0];
  }
  return nullptr;
}

/// The classic shape, rewritten whole:
///   std::vector<std::thread> threads;
///   [threads.reserve(items.size());]
///   for (const auto &item : items) threads.emplace_back(f, item);
///   for (auto &t : threads) t.join();
struct ClassicShape {
  std::string Callable;
  std::string Range;
  const Stmt *First = nullptr;
  const Stmt *Last = nullptr;
};

const Expr *strip(const Expr *E) {
  for (int Guard = 0; E && Guard < 8; ++Guard) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *C = dyn_cast<CXXConstructExpr>(E); C && C->getNumArgs() == 1 &&
                                                       C->getConstructor()->isCopyOrMoveConstructor())
      E = C->getArg(0);
    else
      return E;
  }
  return E;
}

const Stmt *only_statement(const Stmt *Body) {
  if (const auto *C = dyn_cast_or_null<CompoundStmt>(Body))
    return C->size() == 1 ? C->body_front() : nullptr;
  return Body;
}

/// The callable and element of `threads.emplace_back(f, item)` or
/// `threads.push_back(std::thread(f, item))` in the range-for \p Loop.
bool callable_and_element(const CXXMemberCallExpr *Store, const CXXForRangeStmt *Loop,
                          const Expr *&Callable) {
  llvm::SmallVector<const Expr *, 2> Args(Store->arguments());
  if (Args.size() == 1)
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(strip(Args[0]))) {
      Args.assign(Construct->arg_begin(), Construct->arg_end());
    }
  if (Args.size() != 2)
    return false;
  const auto *Element = dyn_cast<DeclRefExpr>(strip(Args[1]));
  if (!Element || Element->getDecl() != Loop->getLoopVariable())
    return false;
  const Expr *F = strip(Args[0]);
  if (const auto *U = dyn_cast<UnaryOperator>(F); U && U->getOpcode() == UO_AddrOf)
    F = U->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Lambda = dyn_cast<LambdaExpr>(F)) {
    const CXXMethodDecl *Op = Lambda->getCallOperator();
    if (Op->getNumParams() != 1 || Op->getParamDecl(0)->getType()->isRValueReferenceType())
      return false;
    Callable = F;
    return true;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(F))
    if (const auto *Fn = dyn_cast<FunctionDecl>(Ref->getDecl()); Fn && !isa<CXXMethodDecl>(Fn) &&
                                                                 Fn->getNumParams() == 1)
      if (!Fn->getParamDecl(0)->getType()->isRValueReferenceType() &&
          !(Fn->getParamDecl(0)->getType()->isLValueReferenceType() &&
            !Fn->getParamDecl(0)->getType().getNonReferenceType().isConstQualified())) {
        Callable = F;
        return true;
      }
  return false;
}

std::optional<ClassicShape> classic_shape(const CXXMemberCallExpr *Store,
                                          const CXXForRangeStmt *Loop, ASTContext &Ctx) {
  const Expr *Callable = nullptr;
  if (!callable_and_element(Store, Loop, Callable))
    return std::nullopt;
  const Stmt *Only = only_statement(Loop->getBody());
  if (!Only)
    return std::nullopt;
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Only))
    Only = Cleanups->getSubExpr();
  if (Only != Store)
    return std::nullopt;
  const VarDecl *Threads = base_variable(Store->getImplicitObjectArgument());
  if (!Threads || !isa<DeclRefExpr>(Store->getImplicitObjectArgument()->IgnoreParenImpCasts()))
    return std::nullopt;
  const auto *Container = Threads->getType()->getAsCXXRecordDecl();
  if (!Container || api_name(Container) != "std::vector" || !is_thread_class(element_record(Container)))
    return std::nullopt;
  const Expr *Range = Loop->getRangeInit()->IgnoreParenImpCasts();
  if (!isa<DeclRefExpr>(Range) && !isa<MemberExpr>(Range))
    return std::nullopt;
  DynTypedNodeList Parents = Ctx.getParents(*Loop);
  const auto *Block = Parents.empty() ? nullptr : Parents[0].get<CompoundStmt>();
  if (!Block)
    return std::nullopt;
  llvm::SmallVector<const Stmt *, 16> Stmts(Block->body_begin(), Block->body_end());
  auto It = llvm::find(Stmts, Loop);
  if (It == Stmts.end() || It == Stmts.begin() || It + 1 == Stmts.end())
    return std::nullopt;
  size_t Index = It - Stmts.begin();
  size_t DeclIndex = Index - 1;
  unsigned ExpectedRefs = 2;
  // An optional reserve between the declaration and the loop.
  if (const auto *Reserve = dyn_cast<CXXMemberCallExpr>(Stmts[DeclIndex])) {
    const CXXMethodDecl *M = Reserve->getMethodDecl();
    if (!M || !M->getIdentifier() || M->getName() != "reserve" ||
        base_variable(Reserve->getImplicitObjectArgument()) != Threads || DeclIndex == 0)
      return std::nullopt;
    --DeclIndex;
    ++ExpectedRefs;
  }
  const auto *Decl = dyn_cast<DeclStmt>(Stmts[DeclIndex]);
  if (!Decl || !Decl->isSingleDecl() || Decl->getSingleDecl() != Threads)
    return std::nullopt;
  if (const auto *Init = dyn_cast_or_null<CXXConstructExpr>(Threads->getInit());
      Threads->getInit() && (!Init || Init->getNumArgs() != 0))
    return std::nullopt;
  const auto *Join = dyn_cast<CXXForRangeStmt>(Stmts[Index + 1]);
  if (!Join || base_variable(Join->getRangeInit()) != Threads ||
      !isa<DeclRefExpr>(Join->getRangeInit()->IgnoreParenImpCasts()))
    return std::nullopt;
  const auto *JoinCall = dyn_cast_or_null<CXXMemberCallExpr>(only_statement(Join->getBody()));
  if (!JoinCall || !JoinCall->getMethodDecl() || !JoinCall->getMethodDecl()->getIdentifier() ||
      JoinCall->getMethodDecl()->getName() != "join")
    return std::nullopt;
  const auto *Joined = dyn_cast<DeclRefExpr>(JoinCall->getImplicitObjectArgument()->IgnoreParenImpCasts());
  if (!Joined || Joined->getDecl() != Join->getLoopVariable())
    return std::nullopt;
  // Nothing else may use the vector.
  llvm::SmallPtrSet<const DeclRefExpr *, 4> Refs;
  for (const BoundNodes &N :
       match(findAll(declRefExpr(to(varDecl(equalsNode(Threads)))).bind("ref")), *Block, Ctx))
    Refs.insert(N.getNodeAs<DeclRefExpr>("ref"));
  if (Refs.size() != ExpectedRefs)
    return std::nullopt;
  ClassicShape Shape;
  Shape.Callable = source_text(Callable, Ctx);
  Shape.Range = source_text(Range, Ctx);
  Shape.First = Decl;
  Shape.Last = Join;
  if (Shape.Callable.empty() || Shape.Range.empty() || Decl->getBeginLoc().isMacroID() ||
      Join->getEndLoc().isMacroID())
    return std::nullopt;
  return Shape;
}

/// A name for the pool nothing in the function already uses.
std::string free_pool_name(const Stmt *FunctionBody, ASTContext &Ctx) {
  for (const char *Candidate : {"pool", "thread_pool", "worker_pool", "task_pool"}) {
    bool Used = !match(findAll(namedDecl(hasName(Candidate))), *FunctionBody, Ctx).empty() ||
                !match(findAll(declRefExpr(to(namedDecl(hasName(Candidate))))), *FunctionBody, Ctx)
                     .empty();
    if (!Used)
      return Candidate;
  }
  return "bounded_pool";
}

bool declares_thread_pool(ASTContext &Ctx) {
  auto Found = Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get("boundwise"));
  for (const NamedDecl *D : Found)
    if (const auto *NS = dyn_cast<NamespaceDecl>(D))
      if (!NS->lookup(&Ctx.Idents.get("ThreadPool")).empty())
        return true;
  return false;
}

/// Where `#include <boundwise/thread_pool.hpp>` goes: after the file's last
/// #include line.
SourceLocation include_location(FileID File, const SourceManager &SM) {
  llvm::StringRef Text = SM.getBufferData(File);
  size_t Offset = 0, After = 0;
  while (Offset < Text.size()) {
    size_t End = Text.find('\n', Offset);
    if (End == llvm::StringRef::npos)
      End = Text.size();
    llvm::StringRef Line = Text.slice(Offset, End).ltrim();
    if (Line.starts_with("#include") || Line.starts_with("# include"))
      After = std::min(End + 1, Text.size());
    Offset = End + 1;
  }
  return SM.getLocForStartOfFile(File).getLocWithOffset(After);
}

} // namespace

void ThreadPerTaskCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  const Expr *Spawn = nullptr;
  SpawnKind Kind = SpawnKind::Thread;
  const CXXMemberCallExpr *Emplace = nullptr;
  if (const auto *Construct = Result.Nodes.getNodeAs<CXXConstructExpr>("spawn")) {
    Spawn = Construct;
    Kind = api_name(Construct->getConstructor()->getParent()) == "std::jthread" ? SpawnKind::JThread
                                                                               : SpawnKind::Thread;
  } else if ((Emplace = Result.Nodes.getNodeAs<CXXMemberCallExpr>("emplace"))) {
    const CXXRecordDecl *Element = element_record(Emplace->getMethodDecl()->getParent());
    if (!is_thread_class(Element))
      return;
    // emplace_back(std::thread(...)) is the constructor's finding.
    if (Emplace->getNumArgs() == 1) {
      const CXXRecordDecl *ArgType = Emplace->getArg(0)->getType()->getAsCXXRecordDecl();
      if (is_thread_class(ArgType))
        return;
    }
    Spawn = Emplace;
    Kind = api_name(Element) == "std::jthread" ? SpawnKind::JThread : SpawnKind::Thread;
  } else if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call")) {
    std::string Name = api_name(Call->getDirectCallee());
    if (Name == "std::async") {
      const auto *Policy = dyn_cast<DeclRefExpr>(Call->getArg(0)->IgnoreParenImpCasts());
      const auto *Enumerator = Policy ? dyn_cast<EnumConstantDecl>(Policy->getDecl()) : nullptr;
      if (!Enumerator || Enumerator->getName() != "async")
        return;
      Kind = SpawnKind::Async;
    } else {
      Kind = SpawnKind::Pthread;
    }
    Spawn = Call;
  }
  if (!Spawn || Spawn->getBeginLoc().isInvalid())
    return;

  auto Loops = repetitions(Spawn, Ctx);
  if (Loops.empty())
    return;
  const Stmt *Body = function_body(Spawn, Ctx);
  Home H;
  if (Emplace) {
    H = home_of_variable(base_variable(Emplace->getImplicitObjectArgument()));
  } else if (Kind == SpawnKind::Pthread) {
    const VarDecl *Handle = base_variable(cast<CallExpr>(Spawn)->getArg(0));
    if (Handle && Handle->hasLocalStorage() && joined_with_pthread_join(Handle, Body, Ctx) &&
        !released(Handle, Body, Ctx))
      H = {false, Handle->getLocation()};
    else
      H = {true, {}};
  } else {
    H = home_of_value(Spawn, Body, Ctx);
  }

  // The loop the threads pile up in: one that runs over data and does not
  // own the threads' storage.
  Bounds B(Ctx, MaxThreads);
  const Repetition *Culprit = nullptr;
  for (const Repetition &R : Loops) {
    if (!H.Escapes && contains(R.Body, H.Owner, SM))
      continue;
    if (!B.loop_bounded(R.Loop)) {
      Culprit = &R;
      break;
    }
  }
  if (!Culprit)
    return;

  static const char *const What[] = {"a std::thread", "a std::jthread", "a thread (pthread_create)",
                                     "a std::async(std::launch::async) thread"};
  std::optional<ClassicShape> Shape;
  const auto *RangeLoop = dyn_cast<CXXForRangeStmt>(Culprit->Loop);
  const CXXMemberCallExpr *Store = Emplace;
  if (!Store && Kind == SpawnKind::Thread) {
    // push_back(std::thread(f, item))
    DynTypedNode Node = DynTypedNode::create(*Spawn);
    for (int Guard = 0; Guard < 6 && !Store; ++Guard) {
      DynTypedNodeList Parents = Ctx.getParents(Node);
      if (Parents.empty())
        break;
      Store = Parents[0].get<CXXMemberCallExpr>();
      Node = Parents[0];
    }
  }
  if (RangeLoop && Store && Kind == SpawnKind::Thread && RangeLoop == Loops.front().Loop)
    Shape = classic_shape(Store, RangeLoop, Ctx);

  {
    auto D = diag(Spawn->getBeginLoc(),
                  "%0 is started for every element of a loop over data: the number of threads "
                  "grows with the input; run the work on a boundwise::ThreadPool "
                  "(pool.map(f, items) or pool.submit) instead")
             << What[static_cast<int>(Kind)];
    if (Shape && Body) {
      std::string Indent;
      SourceLocation Begin = SM.getExpansionLoc(Shape->First->getBeginLoc());
      unsigned Column = SM.getSpellingColumnNumber(Begin);
      Indent.assign(Column > 0 ? Column - 1 : 0, ' ');
      std::string Pool = free_pool_name(Body, Ctx);
      D << FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(Shape->First->getBeginLoc(), Shape->Last->getEndLoc()),
          "boundwise::ThreadPool " + Pool + ";\n" + Indent + Pool + ".map(" + Shape->Callable +
              ", " + Shape->Range + ")" +
              // A join loop without braces leaves its `;` after the replaced range.
              (isa<CompoundStmt>(cast<CXXForRangeStmt>(Shape->Last)->getBody()) ? ";" : ""));
      FileID File = SM.getFileID(Begin);
      if (!declares_thread_pool(Ctx) && IncludedFiles.insert(File.getHashValue()).second)
        D << FixItHint::CreateInsertion(include_location(File, SM),
                                        "#include <boundwise/thread_pool.hpp>\n");
    }
  }
  std::string LoopWhat;
  if (const auto *For = dyn_cast<CXXForRangeStmt>(Culprit->Loop)) {
    std::string Range = source_text(For->getRangeInit(), Ctx);
    LoopWhat = Range.empty() || Range.size() > 60 ? "the loop runs once per element of its range"
                                                  : "the loop runs once per element of '" + Range + "'";
  } else if (isa<CallExpr>(Culprit->Loop)) {
    LoopWhat = "the algorithm calls the lambda once per element";
  } else {
    LoopWhat = "the loop's trip count is not a small constant (MaxThreads is " +
               std::to_string(MaxThreads) + ") nor derived from the core count";
  }
  diag(Culprit->Loop->getBeginLoc(), "%0", DiagnosticIDs::Note) << LoopWhat;
  if (!Shape && RangeLoop && Store) {
    const Expr *Callable = nullptr;
    if (callable_and_element(Store, RangeLoop, Callable)) {
      std::string F = source_text(Callable, Ctx), Range = source_text(RangeLoop->getRangeInit(), Ctx);
      if (!F.empty() && !Range.empty() && F.size() < 80 && Range.size() < 60)
        diag(RangeLoop->getBeginLoc(), "%0", DiagnosticIDs::Note)
            << "rewrite as 'boundwise::ThreadPool pool; pool.map(" + F + ", " + Range +
                   ");' and drop the threads and their joins";
    }
  }
}

} // namespace boundwise
