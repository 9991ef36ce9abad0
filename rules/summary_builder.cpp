// Walks the function bodies of one translation unit and records, per
// function, what it blocks on, how much it computes, whom it calls and what it
// hands to other threads. Loop trip counts become multipliers so that a call
// made a million times weighs a million times more than one made once.
#include "summary_builder.h"

#include "race/access_collector.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/Basic/OpenMPKinds.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <cmath>

namespace boundwise {
using namespace clang;

namespace {

/// Iterations assumed for a for loop whose bound is not a compile-time
/// constant: such loops mostly walk data (a container, a buffer, a range
/// passed in), and code that runs long enough to matter walks thousands of
/// elements.
constexpr double UnknownTripCount = 1000;
/// Iterations assumed for a while or do loop with an unknown condition:
/// convergence, retry and event loops, which run fewer, longer rounds.
constexpr double UnknownWhileTripCount = 100;
/// Iterations assumed for an unknown-bound for loop nested in another one:
/// the two together walk the data once (rows x columns), not a million times.
constexpr double UnknownInnerTripCount = 100;
/// Cost of one arithmetic or memory operation, in microseconds: measured,
/// optimized loops retire about two simple operations per nanosecond
/// (sieve: ~0.4 ns per operation; matrix product: less, vectorized).
constexpr double OperationMicros = 0.0005;
/// Iterations assumed for a loop that runs until its input is exhausted
/// (`while (in >> word)`, `while ((n = recv(...)) > 0)`).
constexpr double InputDrivenTripCount = 1000;
/// Iterations of a loop that drains one reply with a raw receive
/// (`while ((n = recv(fd, buf, 4096, 0)) > 0)`): a reply is a few chunks.
constexpr double StreamChunkTripCount = 10;
/// CPU time of one formatted stream operation (parsing or formatting).
constexpr double StreamOperationMicros = 0.1;
/// CPU time of a call of inline library code the knowledge base does not price.
constexpr double DefaultLibraryCallMicros = 0.01;
/// Calls a standard algorithm makes to a callable argument.
constexpr double AlgorithmCallbackCalls = 1000;

const CXXRecordDecl *record_of(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  return T->getAsCXXRecordDecl();
}

/// The class template a specialization came from, so lookups use one name.
const CXXRecordDecl *pattern_of(const CXXRecordDecl *RD) {
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    return Spec->getSpecializedTemplate()->getTemplatedDecl();
  return RD;
}

std::optional<double> evaluate_number(const Expr *E, const ASTContext &Ctx) {
  if (!E || E->isValueDependent())
    return std::nullopt;
  Expr::EvalResult R;
  if (E->EvaluateAsInt(R, Ctx))
    return static_cast<double>(R.Val.getInt().getExtValue());
  llvm::APFloat F(0.0);
  if (E->EvaluateAsFloat(F, Ctx))
    return F.convertToDouble();
  return std::nullopt;
}

} // namespace

std::string api_name(const NamedDecl *D) {
  llvm::SmallVector<std::string, 4> Parts;
  const NamedDecl *Leaf = D;
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
      Leaf = Pattern;
  if (isa<CXXConstructorDecl>(Leaf) || isa<CXXDestructorDecl>(Leaf)) {
    const auto *RD = cast<CXXMethodDecl>(Leaf)->getParent();
    Parts.push_back((isa<CXXDestructorDecl>(Leaf) ? "~" : "") + RD->getNameAsString());
  } else if (const IdentifierInfo *II = Leaf->getIdentifier()) {
    Parts.push_back(II->getName().str());
  } else {
    Parts.push_back(Leaf->getNameAsString());
  }
  for (const DeclContext *C = Leaf->getDeclContext(); C; C = C->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(C)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName().str());
    } else if (const auto *RD = dyn_cast<RecordDecl>(C)) {
      Parts.push_back(RD->getIdentifier() ? RD->getName().str() : "(anonymous)");
    } else if (isa<FunctionDecl>(C)) {
      break; // local classes keep their own name only
    }
  }
  std::string Out;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Out.empty())
      Out += "::";
    Out += *It;
  }
  return Out;
}

std::string usr_of(const Decl *D) {
  llvm::SmallString<128> Buf;
  if (index::generateUSRForDecl(D, Buf))
    return {};
  return std::string(Buf);
}

static std::string location_string(const SourceManager &SM, SourceLocation Loc) {
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (P.isInvalid())
    return "<unknown>";
  return (llvm::sys::path::filename(P.getFilename()) + ":" + llvm::Twine(P.getLine())).str();
}

std::string display_name(const FunctionDecl *F) {
  const ASTContext &Ctx = F->getASTContext();
  if (const auto *M = dyn_cast<CXXMethodDecl>(F))
    if (M->getParent()->isLambda()) {
      std::string Owner;
      if (const auto *Outer = dyn_cast_or_null<FunctionDecl>(
              M->getParent()->getDeclContext()->getNonClosureAncestor()))
        Owner = display_name(Outer) + "::";
      return Owner + "(lambda at " + location_string(Ctx.getSourceManager(), M->getBeginLoc()) +
             ")";
    }
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  Policy.FullyQualifiedName = true;
  F->printQualifiedName(OS, Policy);
  if (const TemplateArgumentList *Args = F->getTemplateSpecializationArgs()) {
    OS << "<";
    for (unsigned I = 0; I < Args->size(); ++I) {
      if (I)
        OS << ", ";
      Args->get(I).print(Policy, OS, /*IncludeType=*/false);
    }
    OS << ">";
  }
  return Name;
}

/// "R (A, B)" with canonical types: the key that matches a call through a
/// function pointer or std::function to the functions that could be behind it.
static std::string signature_of(const FunctionProtoType *T) {
  std::string S = T->getReturnType().getCanonicalType().getAsString() + " (";
  for (unsigned I = 0; I < T->getNumParams(); ++I) {
    if (I)
      S += ", ";
    S += T->getParamType(I).getCanonicalType().getUnqualifiedType().getAsString();
  }
  return S + ")";
}

static std::string signature_of(const FunctionDecl *F) {
  if (const auto *T = F->getType()->getAs<FunctionProtoType>())
    return signature_of(T);
  return {};
}

namespace {

struct WalkContext {
  double Multiplier = 1;
  /// The multiplier outside the innermost enclosing loop: what a branch that
  /// breaks out of that loop runs at.
  double LoopEntryMultiplier = 1;
  unsigned LoopDepth = 0;
  bool OnErrorPath = false;
  /// Inside a loop whose trip count is unknown.
  bool InUnknownLoop = false;
  /// In a while/do loop with an unknown condition: how often the loop is
  /// entered, or negative. A receive in such a loop drains one stream: the
  /// first call waits for the data, the later ones find it already there.
  double DrainMultiplier = -1;
  /// The OpenMP spawn site whose region encloses the walk, if any.
  int OpenMPSpawn = -1;
};

class TranslationUnitSummarizer;

/// Summarizes one function body.
class BodyWalker {
public:
  BodyWalker(TranslationUnitSummarizer &Owner, ASTContext &Ctx, const KnowledgeBase &KB,
             FunctionSummary &Out)
      : Owner(Owner), Ctx(Ctx), SM(Ctx.getSourceManager()), KB(KB), Out(Out) {}

  void walk(const Stmt *S, WalkContext C);

private:
  SourcePoint point(SourceLocation Loc) const;
  void note_loop(const WalkContext &Inner);
  double trip_count(const ForStmt *For) const;
  double trip_count(const CXXForRangeStmt *For) const;
  bool exits_with_error(const Stmt *Branch) const;
  /// How far control leaves when \p Branch completes: 0 not at all, 1 out of
  /// the innermost loop (break), 2 out of the function (return, throw, exit).
  int leaves(const Stmt *Branch) const;
  double trip(double Count, WalkContext &Inner) const;
  WalkContext branch_context(const Stmt *Branch, const WalkContext &C) const;
  bool reads_input(const Stmt *Condition) const;
  bool receives_stream(const Stmt *Condition) const;
  void walk_call(const Expr *Call, const FunctionDecl *Callee, const Expr *CalleeExpr,
                 llvm::ArrayRef<const Expr *> Args, const Expr *Object, WalkContext C);
  bool handle_spawn(const Expr *Call, const FunctionDecl *Callee,
                    llvm::ArrayRef<const Expr *> Args, const WalkContext &C);
  std::optional<ApiEffect> stream_effect(const Expr *Object) const;
  std::optional<double> sleep_micros(const FunctionDecl *Callee,
                                     llvm::ArrayRef<const Expr *> Args) const;
  void add_callbacks(const FunctionDecl *Callee, llvm::ArrayRef<const Expr *> Args,
                     const WalkContext &C);
  void add_call_site(const FunctionDecl *Callee, const Expr *CalleeExpr, const Expr *Call,
                     const WalkContext &C, double ExtraMultiplier);

  TranslationUnitSummarizer &Owner;
  ASTContext &Ctx;
  const SourceManager &SM;
  const KnowledgeBase &KB;
  FunctionSummary &Out;
};

class TranslationUnitSummarizer : public RecursiveASTVisitor<TranslationUnitSummarizer> {
public:
  TranslationUnitSummarizer(ASTContext &Ctx, const KnowledgeBase &KB) : Ctx(Ctx), KB(KB) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }

  /// System headers hold no user code: skipping them (and the standard
  /// library's template instantiations) keeps the walk proportional to the
  /// user's code rather than to what it includes.
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D)) {
      const SourceManager &SM = Ctx.getSourceManager();
      if (SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
        return true;
    }
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitFunctionDecl(FunctionDecl *F) {
    summarize(F);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    summarize(L->getCallOperator());
    // A lambda may be stored in a std::function or converted to a pointer
    // and called through it.
    if (!L->isGenericLambda() && !L->getCallOperator()->isDependentContext())
      note_address_taken(L->getCallOperator());
    return true;
  }
  bool VisitCallExpr(CallExpr *C) {
    DirectCalleeRefs.insert(C->getCallee()->IgnoreParenImpCasts());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *R) {
    if (DirectCalleeRefs.contains(R))
      return true;
    if (const auto *F = dyn_cast<FunctionDecl>(R->getDecl()))
      note_address_taken(F);
    return true;
  }

  /// Functions and lambdas that may be called through a pointer or std::function.
  void note_address_taken(const FunctionDecl *F) {
    std::string Usr = usr_of(F);
    if (!Usr.empty() && AddressTakenSeen.insert(Usr).second)
      Result.AddressTaken.push_back({std::move(Usr), signature_of(F)});
  }

  std::string summarize(FunctionDecl *F);

  TranslationUnitSummary take() {
    Result.MainFile = main_file();
    return std::move(Result);
  }

  std::string absolute_path(llvm::StringRef File) {
    auto [It, Inserted] = AbsolutePaths.try_emplace(File);
    if (Inserted) {
      llvm::SmallString<256> Path(File);
      llvm::sys::fs::make_absolute(Path);
      llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
      It->second = std::string(Path);
    }
    return It->second;
  }

private:
  std::string main_file() {
    if (auto Entry = Ctx.getSourceManager().getFileEntryRefForID(
            Ctx.getSourceManager().getMainFileID()))
      return absolute_path(Entry->getName());
    return {};
  }

  ASTContext &Ctx;
  const KnowledgeBase &KB;
  TranslationUnitSummary Result;
  llvm::DenseSet<const FunctionDecl *> Done;
  llvm::DenseSet<const Expr *> DirectCalleeRefs;
  llvm::StringSet<> AddressTakenSeen;
  llvm::StringMap<std::string> AbsolutePaths;
};

std::string TranslationUnitSummarizer::summarize(FunctionDecl *F) {
  std::string Usr = usr_of(F);
  if (!F->doesThisDeclarationHaveABody() || F->isDependentContext() || F->isInvalidDecl() ||
      !Done.insert(F).second)
    return Usr;
  const SourceManager &SM = Ctx.getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(F->getLocation())))
    return Usr;
  if (Usr.empty())
    return Usr;

  FunctionSummary S;
  S.Usr = Usr;
  S.Name = display_name(F);
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(F->getLocation()));
  if (P.isValid())
    S.Where = {absolute_path(P.getFilename()), static_cast<int>(P.getLine()),
               static_cast<int>(P.getColumn())};
  S.Signature = signature_of(F);
  S.IsCoroutine = isa<CoroutineBodyStmt>(F->getBody());
  if (const auto *M = dyn_cast<CXXMethodDecl>(F))
    for (const CXXMethodDecl *Base : M->overridden_methods())
      S.Overrides.push_back(usr_of(Base));
  // Constructors run their member initializers as part of the body.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(F))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten())
        BodyWalker(*this, Ctx, KB, S).walk(Init->getInit(), WalkContext{});
  BodyWalker(*this, Ctx, KB, S).walk(F->getBody(), WalkContext{});
  collect_shared_accesses(F, Ctx, KB, [this](llvm::StringRef File) { return absolute_path(File); },
                          S.Shared);
  Result.Functions.push_back(std::move(S));
  return Usr;
}

SourcePoint BodyWalker::point(SourceLocation Loc) const {
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (P.isInvalid())
    return {};
  return {Owner.absolute_path(P.getFilename()), static_cast<int>(P.getLine()),
          static_cast<int>(P.getColumn())};
}

void BodyWalker::note_loop(const WalkContext &Inner) {
  if (static_cast<int>(Inner.LoopDepth) > Out.LoopDepth)
    Out.LoopDepth = static_cast<int>(Inner.LoopDepth);
  Out.LoopIterations = std::max(Out.LoopIterations, Inner.Multiplier);
}

double BodyWalker::trip_count(const ForStmt *For) const {
  const auto *Cond = dyn_cast_or_null<BinaryOperator>(For->getCond() ? For->getCond()->IgnoreParenImpCasts() : nullptr);
  if (!Cond || !Cond->isComparisonOp())
    return -1; // unknown
  const Expr *Lhs = Cond->getLHS()->IgnoreParenImpCasts();
  const Expr *Rhs = Cond->getRHS()->IgnoreParenImpCasts();
  const auto *Var = dyn_cast<DeclRefExpr>(Lhs);
  std::optional<double> Bound = evaluate_number(Rhs, Ctx);
  if (!Var) {
    Var = dyn_cast<DeclRefExpr>(Rhs);
    Bound = evaluate_number(Lhs, Ctx);
  }
  if (!Var || !Bound)
    return -1; // unknown
  std::optional<double> Start = 0;
  if (const auto *Init = dyn_cast_or_null<DeclStmt>(For->getInit())) {
    if (Init->isSingleDecl())
      if (const auto *VD = dyn_cast<VarDecl>(Init->getSingleDecl()))
        Start = evaluate_number(VD->getInit(), Ctx);
  } else if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(For->getInit())) {
    Start = evaluate_number(Assign->getRHS(), Ctx);
  }
  double Step = 1;
  bool Geometric = false;
  if (const auto *Inc = dyn_cast_or_null<BinaryOperator>(For->getInc())) {
    if (auto V = evaluate_number(Inc->getRHS(), Ctx)) {
      if (Inc->getOpcode() == BO_MulAssign || Inc->getOpcode() == BO_ShlAssign ||
          Inc->getOpcode() == BO_DivAssign || Inc->getOpcode() == BO_ShrAssign)
        Geometric = true;
      else
        Step = std::max(1.0, std::fabs(*V));
    }
  }
  if (!Start)
    return -1; // unknown
  double Span = std::fabs(*Bound - *Start);
  if (Geometric)
    return std::max(1.0, std::log2(Span + 1));
  return std::max(1.0, Span / Step);
}

double BodyWalker::trip_count(const CXXForRangeStmt *For) const {
  QualType T = For->getRangeInit()->getType().getNonReferenceType();
  if (const auto *Array = Ctx.getAsConstantArrayType(T))
    return std::max<double>(1, Array->getSize().getZExtValue());
  if (const auto *Init = dyn_cast<InitListExpr>(For->getRangeInit()->IgnoreImplicit()))
    return std::max<double>(1, Init->getNumInits());
  return -1; // unknown
}

static bool is_stream_receive(llvm::StringRef Name);

/// A loop condition that calls a raw receive (recv, read): the loop drains
/// one reply or file in chunks.
bool BodyWalker::receives_stream(const Stmt *Condition) const {
  if (!Condition)
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(Condition))
    if (const FunctionDecl *F = Call->getDirectCallee())
      if (is_stream_receive(api_name(F)))
        return true;
  for (const Stmt *Child : Condition->children())
    if (receives_stream(Child))
      return true;
  return false;
}

/// A loop condition that reads the next item of some input: the loop runs
/// as long as the input lasts.
bool BodyWalker::reads_input(const Stmt *Condition) const {
  if (!Condition)
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(Condition))
    if (const FunctionDecl *F = Call->getDirectCallee()) {
      if (F->getOverloadedOperator() == OO_GreaterGreater)
        return stream_effect(Call->getArg(0)).has_value();
      std::string Name = api_name(F);
      if (Name == "std::getline" || Name == "getline")
        return true;
      if (const ApiEffect *E = KB.effect(Name); E && is_blocking(E->Category))
        return true;
    }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Condition))
    if (stream_effect(Member->getImplicitObjectArgument()))
      return true;
  for (const Stmt *Child : Condition->children())
    if (reads_input(Child))
      return true;
  return false;
}

/// A branch that throws, exits or returns an error code is an error path: an
/// I/O call there (logging, cleanup) says nothing about the normal workload.
bool BodyWalker::exits_with_error(const Stmt *Branch) const {
  if (!Branch)
    return false;
  auto IsExit = [&](const Stmt *S) {
    if (const auto *E = dyn_cast<Expr>(S))
      S = E->IgnoreImplicit();
    if (const auto *E = dyn_cast<Expr>(S))
      if (isa<CXXThrowExpr>(E->IgnoreParenImpCasts()))
        return true;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *F = Call->getDirectCallee()) {
        std::string Name = api_name(F);
        return Name == "exit" || Name == "abort" || Name == "_exit" || Name == "std::exit" ||
               Name == "std::abort" || Name == "std::terminate" || Name == "std::quick_exit";
      }
    if (const auto *Ret = dyn_cast<ReturnStmt>(S))
      if (const Expr *V = Ret->getRetValue()) {
        if (auto N = evaluate_number(V, Ctx); N && *N < 0)
          return true;
        if (isa<CXXNullPtrLiteralExpr>(V->IgnoreParenImpCasts()))
          return true;
      }
    return false;
  };
  if (const auto *Block = dyn_cast<CompoundStmt>(Branch))
    return llvm::any_of(Block->body(), IsExit);
  return IsExit(Branch);
}

int BodyWalker::leaves(const Stmt *Branch) const {
  if (!Branch)
    return 0;
  if (const auto *Block = dyn_cast<CompoundStmt>(Branch)) {
    if (Block->body_empty())
      return 0;
    return leaves(Block->body_back());
  }
  if (isa<ReturnStmt>(Branch))
    return 2;
  if (isa<BreakStmt>(Branch))
    return 1;
  if (const auto *E = dyn_cast<Expr>(Branch)) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
      E = Cleanups->getSubExpr()->IgnoreParenImpCasts();
    if (isa<CXXThrowExpr>(E))
      return 2;
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *F = Call->getDirectCallee())
        if (F->isNoReturn() || F->hasAttr<NoReturnAttr>() || F->hasAttr<CXX11NoReturnAttr>())
          return 2;
  }
  return 0;
}

/// A branch that leaves the function runs at most once per call, and one
/// that breaks out of a loop at most once per entry into it, whatever the
/// trip count of the loops around it.
WalkContext BodyWalker::branch_context(const Stmt *Branch, const WalkContext &C) const {
  WalkContext Out = C;
  Out.OnErrorPath |= exits_with_error(Branch);
  switch (leaves(Branch)) {
  case 2:
    Out.Multiplier = std::min(Out.Multiplier, 1.0);
    break;
  case 1:
    Out.Multiplier = std::min(Out.Multiplier, C.LoopEntryMultiplier);
    break;
  default:
    break;
  }
  return Out;
}

/// A loop's trip count in context (\p Count is negative when the bound is
/// unknown): an unknown bound inside another unknown loop counts as an inner
/// dimension of the same data.
double BodyWalker::trip(double Count, WalkContext &Inner) const {
  if (Count >= 0)
    return Count;
  if (Inner.InUnknownLoop)
    return UnknownInnerTripCount;
  Inner.InUnknownLoop = true;
  return UnknownTripCount;
}

void BodyWalker::walk(const Stmt *S, WalkContext C) {
  if (!S)
    return;
  if (const auto *For = dyn_cast<ForStmt>(S)) {
    walk(For->getInit(), C);
    WalkContext Inner = C;
    Inner.LoopEntryMultiplier = C.Multiplier;
    Inner.DrainMultiplier = -1;
    Inner.Multiplier *= trip(trip_count(For), Inner);
    ++Inner.LoopDepth;
    note_loop(Inner);
    walk(For->getCond(), Inner);
    walk(For->getInc(), Inner);
    walk(For->getBody(), Inner);
    return;
  }
  if (const auto *For = dyn_cast<CXXForRangeStmt>(S)) {
    walk(For->getRangeInit(), C);
    WalkContext Inner = C;
    Inner.LoopEntryMultiplier = C.Multiplier;
    Inner.DrainMultiplier = -1;
    Inner.Multiplier *= trip(trip_count(For), Inner);
    ++Inner.LoopDepth;
    note_loop(Inner);
    walk(For->getLoopVarStmt(), Inner);
    walk(For->getBody(), Inner);
    return;
  }
  if (isa<WhileStmt>(S) || isa<DoStmt>(S)) {
    const Expr *Cond = isa<WhileStmt>(S) ? cast<WhileStmt>(S)->getCond() : cast<DoStmt>(S)->getCond();
    WalkContext Inner = C;
    Inner.LoopEntryMultiplier = C.Multiplier;
    Inner.DrainMultiplier = C.Multiplier;
    Inner.Multiplier *= receives_stream(Cond) ? StreamChunkTripCount
                        : reads_input(Cond)   ? InputDrivenTripCount
                                              : UnknownWhileTripCount;
    ++Inner.LoopDepth;
    note_loop(Inner);
    for (const Stmt *Child : S->children())
      walk(Child, Inner);
    return;
  }
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    walk(If->getInit(), C);
    walk(If->getConditionVariableDeclStmt(), C);
    walk(If->getCond(), C);
    WalkContext Then = branch_context(If->getThen(), C);
    WalkContext Else = branch_context(If->getElse(), C);
    walk(If->getThen(), Then);
    walk(If->getElse(), Else);
    return;
  }
  if (const auto *Catch = dyn_cast<CXXCatchStmt>(S)) {
    WalkContext Handler = C;
    Handler.OnErrorPath = true;
    walk(Catch->getHandlerBlock(), Handler);
    return;
  }
  if (const auto *Omp = dyn_cast<OMPExecutableDirective>(S)) {
    WalkContext Region = C;
    if (isOpenMPParallelDirective(Omp->getDirectiveKind()) ||
        isOpenMPTaskingDirective(Omp->getDirectiveKind())) {
      SpawnSite Spawn;
      Spawn.Kind = ExecutorKind::OpenMP;
      Spawn.Api = ("omp " + getOpenMPDirectiveName(Omp->getDirectiveKind())).str();
      Spawn.Where = point(Omp->getBeginLoc());
      Spawn.InLoop = C.LoopDepth > 0;
      Spawn.ManyInstances = true;
      Out.Spawns.push_back(std::move(Spawn));
      Region.OpenMPSpawn = static_cast<int>(Out.Spawns.size()) - 1;
    }
    if (Omp->hasAssociatedStmt()) {
      const Stmt *Body = Omp->getRawStmt();
      if (isa<CapturedStmt>(Body))
        Body = Omp->getInnermostCapturedStmt()->getCapturedStmt();
      walk(Body, Region);
    }
    return;
  }
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    // The body is its own function (the call operator); here only its
    // initialized captures run.
    for (const Expr *Init : Lambda->capture_inits())
      walk(Init, C);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const Expr *Object = nullptr;
    llvm::SmallVector<const Expr *, 4> Args(Call->arguments());
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      Object = Member->getImplicitObjectArgument();
      walk(Object, C);
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
      if (isa_and_nonnull<CXXMethodDecl>(Callee) && !Args.empty()) {
        Object = Args.front();
        Args.erase(Args.begin());
        walk(Object, C);
      }
      (void)Op;
    } else if (!Callee) {
      walk(Call->getCallee(), C);
    }
    for (const Expr *Arg : Args)
      walk(Arg, C);
    walk_call(Call, Callee, Call->getCallee(), Args, Object, C);
    return;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    llvm::SmallVector<const Expr *, 4> Args(Construct->arguments());
    for (const Expr *Arg : Args)
      walk(Arg, C);
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (Ctor && !Ctor->isCopyOrMoveConstructor() && !Ctor->isDefaultConstructor())
      walk_call(Construct, Ctor, nullptr, Args, nullptr, C);
    else if (Ctor && Ctor->isDefaultConstructor() && Ctor->isUserProvided())
      walk_call(Construct, Ctor, nullptr, Args, nullptr, C);
    return;
  }
  if (const auto *New = dyn_cast<CXXNewExpr>(S)) {
    Out.ComputeMicros += 0.05 * C.Multiplier; // an allocation
    for (const Stmt *Child : New->children())
      walk(Child, C);
    return;
  }
  if (isa<BinaryOperator>(S) || isa<UnaryOperator>(S) || isa<ArraySubscriptExpr>(S) ||
      isa<CompoundAssignOperator>(S))
    Out.ComputeMicros += OperationMicros * C.Multiplier;
  for (const Stmt *Child : S->children())
    walk(Child, C);
}

/// The stream an expression like `out << a << b` ultimately writes to.
std::optional<ApiEffect> BodyWalker::stream_effect(const Expr *Object) const {
  for (int Guard = 0; Object && Guard < 64; ++Guard) {
    Object = Object->IgnoreParenImpCasts();
    if (const CXXRecordDecl *RD = record_of(Object->getType())) {
      RD = pattern_of(RD);
      if (const ApiEffect *E = KB.stream_type(api_name(RD)))
        return *E;
      // A user class deriving from a file stream is a file stream.
      if (RD->hasDefinition())
        for (const CXXBaseSpecifier &Base : RD->bases())
          if (const CXXRecordDecl *B = record_of(Base.getType()))
            if (const ApiEffect *E = KB.stream_type(api_name(pattern_of(B))))
              return *E;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Object)) {
      if (const ApiEffect *E = KB.stream_global(api_name(Ref->getDecl())))
        return *E;
      return std::nullopt;
    }
    // Chained insertion: look through the call to the stream it returns.
    if (const auto *Call = dyn_cast<CallExpr>(Object)) {
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
        Object = Member->getImplicitObjectArgument();
        continue;
      }
      if (Call->getNumArgs() > 0) {
        Object = Call->getArg(0);
        continue;
      }
    }
    if (const auto *Member = dyn_cast<MemberExpr>(Object)) {
      // A stream stored in a member: its declared type decided above.
      (void)Member;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

/// Microseconds a sleep call asks for, when its argument is a constant.
std::optional<double> BodyWalker::sleep_micros(const FunctionDecl *Callee,
                                               llvm::ArrayRef<const Expr *> Args) const {
  if (Args.empty())
    return std::nullopt;
  std::string Name = api_name(Callee);
  const Expr *Arg = Args[0]->IgnoreParenImpCasts();
  if (Name == "sleep")
    if (auto V = evaluate_number(Arg, Ctx))
      return *V * 1e6;
  if (Name == "usleep")
    return evaluate_number(Arg, Ctx);
  if (Name != "std::this_thread::sleep_for")
    return std::nullopt;
  // duration<Rep, ratio<Num, Den>>: the count times the period.
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(record_of(Arg->getType()));
  if (!Spec || Spec->getTemplateArgs().size() < 2)
    return std::nullopt;
  const auto *Ratio = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      record_of(Spec->getTemplateArgs()[1].getAsType()));
  if (!Ratio || Ratio->getTemplateArgs().size() < 2)
    return std::nullopt;
  double Num = Ratio->getTemplateArgs()[0].getAsIntegral().getSExtValue();
  double Den = Ratio->getTemplateArgs()[1].getAsIntegral().getSExtValue();
  const Expr *Count = Arg->IgnoreImplicit();
  for (int Guard = 0; Guard < 8; ++Guard) {
    Count = Count->IgnoreParenImpCasts();
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Count))
      Count = Cast->getSubExpr();
    else if (const auto *Ctor = dyn_cast<CXXConstructExpr>(Count); Ctor && Ctor->getNumArgs() == 1)
      Count = Ctor->getArg(0);
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Count))
      Count = Bind->getSubExpr();
    else if (const auto *Mat = dyn_cast<MaterializeTemporaryExpr>(Count))
      Count = Mat->getSubExpr();
    else
      break;
  }
  if (const auto *Literal = dyn_cast<UserDefinedLiteral>(Count)) {
    // 100ms calls a literal operator template: there is no cooked argument.
    if (Literal->getLiteralOperatorKind() == UserDefinedLiteral::LOK_Template ||
        Literal->getLiteralOperatorKind() == UserDefinedLiteral::LOK_Raw)
      return std::nullopt;
    Count = Literal->getCookedLiteral();
  }
  if (Count->getType()->isRecordType())
    return std::nullopt;
  if (auto V = evaluate_number(Count, Ctx))
    return *V * Num / Den * 1e6;
  return std::nullopt;
}

/// Receives whose repetition in a loop drains one message or stream rather
/// than waiting again each time.
static bool is_stream_receive(llvm::StringRef Name) {
  return llvm::is_contained({"recv", "recvfrom", "recvmsg", "read", "SSL_read",
                             "boost::asio::basic_stream_socket::read_some",
                             "boost::asio::basic_stream_socket::receive"},
                            Name);
}

} // namespace

void collect_callable_decls(const Expr *E, std::vector<const FunctionDecl *> &Out, int Depth) {
  if (!E || Depth > 8)
    return;
  E = E->IgnoreParenImpCasts();
  if (const auto *Mat = dyn_cast<MaterializeTemporaryExpr>(E))
    return collect_callable_decls(Mat->getSubExpr(), Out, Depth + 1);
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    return collect_callable_decls(Bind->getSubExpr(), Out, Depth + 1);
  if (const auto *Cast = dyn_cast<CastExpr>(E))
    return collect_callable_decls(Cast->getSubExpr(), Out, Depth + 1);
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E)) {
    // A generic lambda runs as the instantiations of its call operator.
    if (const FunctionTemplateDecl *Generic = Lambda->getDependentCallOperator()) {
      for (FunctionDecl *Spec : Generic->specializations())
        Out.push_back(Spec);
      return;
    }
    Out.push_back(Lambda->getCallOperator());
    return;
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(E); Unary && Unary->getOpcode() == UO_AddrOf)
    return collect_callable_decls(Unary->getSubExpr(), Out, Depth + 1);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *F = dyn_cast<FunctionDecl>(Ref->getDecl())) {
      Out.push_back(F);
      return;
    }
    if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
      if (V->getInit() && !V->getType()->isReferenceType())
        if (record_of(V->getType()) && record_of(V->getType())->isLambda())
          return collect_callable_decls(V->getInit(), Out, Depth + 1);
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    // std::function<...>(lambda), or a copy of a closure.
    if (Construct->getNumArgs() >= 1 && Construct->getConstructor() &&
        (Construct->getConstructor()->isCopyOrMoveConstructor() ||
         api_name(Construct->getConstructor()) == "std::function::function"))
      return collect_callable_decls(Construct->getArg(0), Out, Depth + 1);
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *F = Call->getDirectCallee()) {
      std::string Name = api_name(F);
      if ((Name == "std::bind" || Name == "std::bind_front" || Name == "std::ref" ||
           Name == "std::cref" || Name == "std::move") &&
          Call->getNumArgs() > 0)
        return collect_callable_decls(Call->getArg(0), Out, Depth + 1);
    }
  // A function object: its call operator is the task.
  if (const CXXRecordDecl *RD = record_of(E->getType()))
    if (RD->hasDefinition())
      for (const CXXMethodDecl *M : RD->methods())
        if (M->getOverloadedOperator() == OO_Call && !M->isDependentContext()) {
          Out.push_back(M);
          return;
        }
}

namespace {

/// Collects the functions a callable argument stands for, summarizing them.
static void collect_callables(const Expr *E, TranslationUnitSummarizer &Owner,
                              std::vector<std::string> &Out) {
  std::vector<const FunctionDecl *> Decls;
  collect_callable_decls(E, Decls);
  for (const FunctionDecl *F : Decls) {
    std::string Usr = Owner.summarize(const_cast<FunctionDecl *>(F));
    if (!Usr.empty())
      Out.push_back(Usr);
  }
}

bool BodyWalker::handle_spawn(const Expr *Call, const FunctionDecl *Callee,
                              llvm::ArrayRef<const Expr *> Args, const WalkContext &C) {
  std::string Name = api_name(Callee);
  const ExecutorApi *Executor = KB.executor(Name);
  // workers.emplace_back(task, args...) constructs a std::thread in place.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
      !Executor && Method && Method->getIdentifier() &&
      llvm::is_contained({"emplace_back", "emplace", "emplace_front"}, Method->getName()))
    if (const auto *Container = dyn_cast<ClassTemplateSpecializationDecl>(Method->getParent()))
      if (Container->getTemplateArgs().size() > 0 &&
          Container->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
        if (const CXXRecordDecl *Element = record_of(Container->getTemplateArgs()[0].getAsType()))
          if (Element->getIdentifier()) {
            std::string Constructor = api_name(pattern_of(Element)) + "::" + Element->getName().str();
            if ((Executor = KB.executor(Constructor)))
              Name = Constructor;
          }
  bool ParallelAlgorithm = false;
  if (!Executor && !Args.empty() && Name.rfind("std::", 0) == 0) {
    // std::for_each(std::execution::par, ...) and friends.
    const Expr *Policy = Args.front()->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Policy))
      ParallelAlgorithm = KB.is_parallel_policy(api_name(Ref->getDecl()));
  }
  if (!Executor && !ParallelAlgorithm)
    return false;
  SpawnSite Spawn;
  Spawn.Api = Name;
  Spawn.Where = point(Call->getBeginLoc());
  Spawn.InLoop = C.LoopDepth > 0;
  if (Executor) {
    Spawn.Kind = Executor->Kind;
    Spawn.ManyInstances = Executor->ManyInstances;
    if (Executor->TaskArgument >= 0 && static_cast<size_t>(Executor->TaskArgument) < Args.size())
      collect_callables(Args[Executor->TaskArgument], Owner, Spawn.Tasks);
    else if (Executor->TaskArgument < 0)
      for (const Expr *Arg : Args)
        collect_callables(Arg, Owner, Spawn.Tasks);
  } else {
    Spawn.Kind = ExecutorKind::ParallelAlgorithm;
    Spawn.ManyInstances = true;
    for (const Expr *Arg : Args.drop_front())
      collect_callables(Arg, Owner, Spawn.Tasks);
  }
  // The spawned work still happens on behalf of this function: keep its cost.
  for (const std::string &Task : Spawn.Tasks) {
    CallSite Site;
    Site.Kind = CallKind::Direct;
    Site.Callee = Task;
    Site.CalleeName = "(task)";
    Site.Multiplier = C.Multiplier * (Spawn.ManyInstances ? AlgorithmCallbackCalls / 10 : 1);
    Site.Where = Spawn.Where;
    Out.Calls.push_back(std::move(Site));
  }
  Out.Spawns.push_back(std::move(Spawn));
  return true;
}

void BodyWalker::add_call_site(const FunctionDecl *Callee, const Expr *CalleeExpr,
                               const Expr *Call, const WalkContext &C, double ExtraMultiplier) {
  CallSite Site;
  Site.Multiplier = C.Multiplier * ExtraMultiplier;
  Site.OnErrorPath = C.OnErrorPath;
  Site.Where = point(Call->getBeginLoc());
  if (Callee) {
    const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
    bool Qualified = false;
    if (const auto *Member = dyn_cast_or_null<MemberExpr>(CalleeExpr ? CalleeExpr->IgnoreParenImpCasts() : nullptr))
      Qualified = Member->hasQualifier();
    Site.Kind = Method && Method->isVirtual() && !Qualified && !Method->hasAttr<FinalAttr>() &&
                        !Method->getParent()->hasAttr<FinalAttr>()
                    ? CallKind::Virtual
                    : CallKind::Direct;
    Site.Callee = usr_of(Callee);
    Site.CalleeName = display_name(Callee);
    const FunctionDecl *Definition = nullptr;
    bool HasBody = Callee->hasBody(Definition);
    // Trivial, implicit and defaulted special members (a struct's copy
    // assignment) are memberwise copies the summary walk never visits.
    bool CompilerProvided =
        Method && (Method->isTrivial() || Method->isDefaulted() || Method->isImplicit());
    if (CompilerProvided) {
      Site.Origin = CalleeOrigin::StandardLibrary;
    } else if (HasBody || Site.Kind == CallKind::Virtual) {
      Site.Origin = CalleeOrigin::Program;
    } else {
      SourceLocation Loc = SM.getExpansionLoc(Callee->getLocation());
      // In a system header, a C++ API (a method, or in a namespace) of a
      // library the knowledge base does not list is computation: the I/O
      // APIs of installed libraries are C functions or listed classes.
      bool SystemCxxApi = SM.isInSystemHeader(Loc) &&
                          (Method || !Callee->getDeclContext()->getRedeclContext()->isTranslationUnit());
      if (Callee->isInStdNamespace() || Callee->getBuiltinID() != 0 || SystemCxxApi)
        Site.Origin = CalleeOrigin::StandardLibrary;
      else if (SM.isInSystemHeader(Loc))
        Site.Origin = KB.is_pure(api_name(Callee)) ? CalleeOrigin::StandardLibrary
                                                   : CalleeOrigin::SystemLibrary;
      else
        Site.Origin = CalleeOrigin::UserLibrary;
    }
    // Inline code from system headers (std::vector::push_back) is cheap
    // compute; recording it would only grow the summary.
    if (HasBody && Definition && SM.isInSystemHeader(SM.getExpansionLoc(Definition->getLocation())))
      Site.Origin = CalleeOrigin::StandardLibrary;
    if (Site.Origin == CalleeOrigin::StandardLibrary) {
      std::string ClassName;
      if (Method)
        ClassName = api_name(pattern_of(Method->getParent()));
      const ApiEffect *Known = KB.library_call(api_name(Callee), ClassName);
      Out.ComputeMicros += (Known ? Known->CostMicros : DefaultLibraryCallMicros) * Site.Multiplier;
      return;
    }
  } else {
    QualType T = CalleeExpr ? CalleeExpr->IgnoreParenImpCasts()->getType() : QualType();
    if (!T.isNull() && T->isPointerType())
      T = T->getPointeeType();
    if (T.isNull() || !T->getAs<FunctionProtoType>())
      return;
    Site.Kind = CallKind::Indirect;
    Site.Callee = signature_of(T->getAs<FunctionProtoType>());
    Site.CalleeName = "call through pointer of type " + Site.Callee;
  }
  Out.Calls.push_back(std::move(Site));
}

void BodyWalker::walk_call(const Expr *Call, const FunctionDecl *Callee, const Expr *CalleeExpr,
                           llvm::ArrayRef<const Expr *> Args, const Expr *Object,
                           WalkContext C) {
  if (!Callee) {
    add_call_site(nullptr, CalleeExpr, Call, C, 1);
    return;
  }
  if (handle_spawn(Call, Callee, Args, C))
    return;
  std::string Name = api_name(Callee);
  if (const MtUnsafeApi *Unsafe = KB.mt_unsafe(Name)) {
    (void)Unsafe;
    Out.MtUnsafe.push_back({Name, point(Call->getBeginLoc())});
  }
  // std::function::operator(): whatever was stored, resolved like a pointer.
  if (Name == "std::function::operator()") {
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(
            cast<CXXMethodDecl>(Callee)->getParent()))
      if (Spec->getTemplateArgs().size() == 1)
        if (const auto *Proto = Spec->getTemplateArgs()[0].getAsType()->getAs<FunctionProtoType>()) {
          CallSite Site;
          Site.Kind = CallKind::Indirect;
          Site.Callee = signature_of(Proto);
          Site.CalleeName = "std::function<" + Site.Callee + ">";
          Site.Multiplier = C.Multiplier;
          Site.OnErrorPath = C.OnErrorPath;
          Site.Where = point(Call->getBeginLoc());
          Out.Calls.push_back(std::move(Site));
          return;
        }
  }
  std::optional<ApiEffect> Effect;
  if (const ApiEffect *Known = KB.effect(Name))
    Effect = *Known;
  else if (Callee->isInStdNamespace() || isa<CXXMethodDecl>(Callee))
    Effect = stream_effect(Object ? Object : (Args.empty() ? nullptr : Args.front()));
  if (Effect) {
    if (Effect->Category == EffectCategory::None)
      return;
    if (Effect->Category == EffectCategory::Compute) {
      Out.ComputeMicros += Effect->CostMicros * C.Multiplier;
      if (Effect->CostMicros >= 1)
        Out.HeavyCalls.push_back({Name, Effect->CostMicros, C.Multiplier, point(Call->getBeginLoc())});
      // std::transform(..., f), std::sort(..., cmp): the callable runs per element.
      add_callbacks(Callee, Args, C);
      return;
    }
    if (!KB.effect(Name)) // a buffered stream operation: mostly parsing or formatting
      Out.ComputeMicros += StreamOperationMicros * C.Multiplier;
    // The call's own CPU time (formatting, copying, the system call).
    Out.ComputeMicros += Effect->CpuMicros * C.Multiplier * (C.OnErrorPath ? 0.001 : 1);
    BlockingOperation Op;
    Op.Api = Name;
    Op.Category = Effect->Category;
    Op.CostMicros = Effect->CostMicros;
    if (Effect->Category == EffectCategory::Sleep)
      if (auto Micros = sleep_micros(Callee, Args))
        Op.CostMicros = *Micros;
    Op.Multiplier = C.Multiplier;
    if (C.DrainMultiplier >= 0 && is_stream_receive(Name))
      Op.Multiplier = std::min(C.Multiplier, C.DrainMultiplier);
    Op.OnErrorPath = C.OnErrorPath;
    Op.Where = point(Call->getBeginLoc());
    Out.Blocking.push_back(std::move(Op));
    return;
  }
  add_callbacks(Callee, Args, C);
  add_call_site(Callee, CalleeExpr, Call, C, 1);
}

/// A callable handed to code whose body is not summarized (a standard
/// algorithm, a library function) is assumed to be called by it: once per
/// element for algorithms, once for std::invoke and friends. Callees the
/// program defines need no guess (their body's call is recorded), and
/// constructors (std::function, a class storing a callback) only store it.
void BodyWalker::add_callbacks(const FunctionDecl *Callee, llvm::ArrayRef<const Expr *> Args,
                               const WalkContext &C) {
  if (isa<CXXConstructorDecl>(Callee))
    return;
  const FunctionDecl *Definition = nullptr;
  if (Callee->hasBody(Definition) && Definition &&
      !SM.isInSystemHeader(SM.getExpansionLoc(Definition->getLocation())))
    return;
  std::string Name = api_name(Callee);
  bool Once = llvm::is_contained({"std::invoke", "std::apply", "std::call_once", "std::visit",
                                  "std::invoke_r"},
                                 Name);
  bool IsAlgorithm = !Once && Callee->isInStdNamespace() && !isa<CXXMethodDecl>(Callee);
  for (const Expr *Arg : Args) {
    const Expr *Stripped = Arg->IgnoreParenImpCasts();
    if (isa<LambdaExpr>(Stripped) ||
        (isa<DeclRefExpr>(Stripped) && isa<FunctionDecl>(cast<DeclRefExpr>(Stripped)->getDecl()))) {
      std::vector<std::string> Targets;
      collect_callables(Stripped, Owner, Targets);
      for (const std::string &Usr : Targets) {
        CallSite Site;
        Site.Callee = Usr;
        Site.CalleeName = "(callback)";
        Site.Multiplier = C.Multiplier * (IsAlgorithm ? AlgorithmCallbackCalls : 1);
        Site.OnErrorPath = C.OnErrorPath;
        Site.Where = point(Arg->getBeginLoc());
        Out.Calls.push_back(std::move(Site));
      }
    }
  }
}

} // namespace

TranslationUnitSummary summarize_translation_unit(ASTContext &Context,
                                                  const KnowledgeBase &Knowledge) {
  TranslationUnitSummarizer Summarizer(Context, Knowledge);
  Summarizer.TraverseAST(Context);
  TranslationUnitSummary Result = Summarizer.take();
  // Deterministic output whatever the traversal order.
  llvm::sort(Result.Functions,
             [](const FunctionSummary &A, const FunctionSummary &B) { return A.Usr < B.Usr; });
  llvm::sort(Result.AddressTaken, [](const AddressTakenFunction &A,
                                     const AddressTakenFunction &B) { return A.Usr < B.Usr; });
  return Result;
}

} // namespace boundwise
