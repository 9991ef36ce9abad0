// The per-function half of race detection. The walk goes through the body
// in source order, numbering events, so that the detector can tell what the
// spawning thread does between a start and its join; lock sets follow the
// lock and unlock calls and RAII guards met on the way.
#include "access_collector.h"

#include "../summary_builder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/Basic/OpenMPKinds.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"

#include <optional>

namespace boundwise {
using namespace clang;

namespace {

const CXXRecordDecl *record_of(QualType T) { return T.getNonReferenceType()->getAsCXXRecordDecl(); }

/// The qualified name of a record type, without template arguments.
std::string type_name(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
    return api_name(RD);
  if (const auto *TD = T->getAs<TypedefType>())
    return TD->getDecl()->getName().str();
  return "";
}

/// The C spelling of typedef'd synchronization types, looked up before canonicalization.
std::string typedef_name(QualType T) {
  T = T.getNonReferenceType();
  while (const auto *TD = T->getAs<TypedefType>()) {
    llvm::StringRef Name = TD->getDecl()->getName();
    if (Name.starts_with("pthread_") || Name == "sem_t" || Name == "omp_lock_t" ||
        Name == "omp_nest_lock_t" || Name == "FILE")
      return Name.str();
    T = TD->desugar();
  }
  return "";
}

bool is_atomic_type(QualType T) {
  T = T.getNonReferenceType();
  if (T->isAtomicType())
    return true;
  std::string Name = type_name(T);
  return Name == "std::atomic" || Name == "std::atomic_ref" || Name == "std::atomic_flag" ||
         Name == "std::__atomic_base" || Name == "std::__atomic_ref";
}

/// Objects whose own operations synchronize (or that are not data): never a
/// data race on the object itself.
bool is_synchronization_type(QualType T) {
  if (!typedef_name(T).empty())
    return true;
  std::string Name = type_name(T);
  if (Name.empty())
    return false;
  static const char *const Known[] = {
      "std::mutex", "std::recursive_mutex", "std::timed_mutex", "std::recursive_timed_mutex",
      "std::shared_mutex", "std::shared_timed_mutex", "std::condition_variable",
      "std::condition_variable_any", "std::once_flag", "std::latch", "std::barrier",
      "std::counting_semaphore", "std::thread", "std::jthread", "std::future",
      "std::shared_future", "std::promise", "std::packaged_task", "std::basic_ostream",
      "std::basic_istream", "std::basic_iostream", "std::basic_ofstream",
      "std::basic_ifstream", "std::basic_fstream", "std::basic_ostringstream",
      "std::basic_stringstream", "std::basic_istringstream", "std::stop_source",
      "std::stop_token", "boundwise::ThreadPool", "boundwise::Future", "tbb::task_group"};
  return llvm::is_contained(Known, Name);
}

bool is_lock_guard_type(QualType T) {
  std::string Name = type_name(T);
  return Name == "std::lock_guard" || Name == "std::scoped_lock" || Name == "std::unique_lock" ||
         Name == "std::shared_lock";
}

bool is_pool_type(QualType T) {
  std::string Name = type_name(T);
  return Name == "boundwise::ThreadPool" || Name == "tbb::task_group" ||
         Name == "boost::asio::thread_pool" || Name == "tbb::task_arena";
}

const Expr *strip(const Expr *E) {
  for (int Guard = 0; E && Guard < 32; ++Guard) {
    const Expr *Next = E->IgnoreParens();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Next))
      Next = Cleanups->getSubExpr();
    else if (const auto *Mat = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = Mat->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = Bind->getSubExpr();
    else if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Next);
             Cast && Cast->getCastKind() != CK_LValueToRValue)
      Next = Cast->getSubExpr();
    else if (const auto *Func = dyn_cast<CXXFunctionalCastExpr>(Next))
      Next = Func->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

/// Finds the locals assigned after their declaration (or whose address is
/// taken): the others keep their initial value, which may then be used as a
/// constant index (`int len = 100; ... a[i + len]`).
class ModificationFinder : public RecursiveASTVisitor<ModificationFinder> {
public:
  explicit ModificationFinder(llvm::DenseSet<const VarDecl *> &Out) : Out(Out) {}
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isAssignmentOp())
      note(B->getLHS());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf)
      note(U->getSubExpr());
    return true;
  }
  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *F = C->getDirectCallee();
    for (unsigned I = 0; I < C->getNumArgs(); ++I)
      if (!F || I >= F->getNumParams() ||
          (F->getParamDecl(I)->getType()->isReferenceType() &&
           !F->getParamDecl(I)->getType().getNonReferenceType().isConstQualified()))
        note(C->getArg(I));
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    for (const LambdaCapture &C : L->captures())
      if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
        if (const auto *V = dyn_cast<VarDecl>(C.getCapturedVar()))
          Out.insert(V);
    return true;
  }

private:
  void note(const Expr *E) {
    if (const auto *R = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      if (const auto *V = dyn_cast<VarDecl>(R->getDecl()))
        Out.insert(V);
  }
  llvm::DenseSet<const VarDecl *> &Out;
};

/// Finds the locals whose address leaves the function: taken with &, bound
/// to a reference parameter, wrapped in std::ref or captured by reference.
class EscapeFinder : public RecursiveASTVisitor<EscapeFinder> {
public:
  explicit EscapeFinder(llvm::DenseSet<const VarDecl *> &Out) : Out(Out) {}
  bool shouldVisitLambdaBodies() const { return false; }

  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->getOpcode() == UO_AddrOf)
      note(U->getSubExpr());
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    for (const LambdaCapture &C : L->captures())
      if (C.capturesVariable())
        if (const auto *V = dyn_cast<VarDecl>(C.getCapturedVar()))
          Out.insert(V);
    return true;
  }
  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *F = C->getDirectCallee();
    unsigned Shift = isa<CXXOperatorCallExpr>(C) && F && isa<CXXMethodDecl>(F) ? 1 : 0;
    for (unsigned I = 0; I < C->getNumArgs(); ++I) {
      const Expr *Arg = C->getArg(I);
      if (Arg->getType()->isArrayType() || Arg->IgnoreParenImpCasts()->getType()->isArrayType())
        note(Arg);
      if (F && I >= Shift && I - Shift < F->getNumParams() &&
          F->getParamDecl(I - Shift)->getType()->isReferenceType())
        note(Arg);
      if (!F || F->isVariadic())
        note(Arg);
    }
    if (F && F->getIdentifier() && (F->getName() == "ref" || F->getName() == "cref"))
      for (const Expr *Arg : C->arguments())
        note(Arg);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *C) {
    // std::thread(f, std::ref(x)) and guards bind references too.
    if (const CXXConstructorDecl *Ctor = C->getConstructor())
      for (unsigned I = 0; I < C->getNumArgs() && I < Ctor->getNumParams(); ++I)
        if (Ctor->getParamDecl(I)->getType()->isReferenceType())
          note(C->getArg(I));
    return true;
  }
  bool VisitOMPExecutableDirective(OMPExecutableDirective *D) {
    // Everything an OpenMP region names from outside is shared by the team.
    if (!D->hasAssociatedStmt())
      return true;
    struct Refs : RecursiveASTVisitor<Refs> {
      llvm::DenseSet<const VarDecl *> &Out;
      explicit Refs(llvm::DenseSet<const VarDecl *> &Out) : Out(Out) {}
      bool VisitDeclRefExpr(DeclRefExpr *R) {
        if (const auto *V = dyn_cast<VarDecl>(R->getDecl()))
          if (V->hasLocalStorage())
            Out.insert(V);
        return true;
      }
    } R(Out);
    R.TraverseStmt(const_cast<Stmt *>(D->getAssociatedStmt()));
    return true;
  }

private:
  void note(const Expr *E) {
    for (int Guard = 0; E && Guard < 16; ++Guard) {
      E = E->IgnoreParenImpCasts();
      if (const auto *R = dyn_cast<DeclRefExpr>(E)) {
        if (const auto *V = dyn_cast<VarDecl>(R->getDecl()))
          Out.insert(V);
        return;
      }
      if (const auto *M = dyn_cast<MemberExpr>(E)) {
        if (M->isArrow())
          return;
        E = M->getBase();
      } else if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
        E = A->getBase();
      } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
                 Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() > 0) {
        E = Op->getArg(0);
      } else if (const auto *C = dyn_cast<CallExpr>(E);
                 C && C->getDirectCallee() && C->getDirectCallee()->getIdentifier() &&
                 (C->getDirectCallee()->getName() == "ref" ||
                  C->getDirectCallee()->getName() == "cref") &&
                 C->getNumArgs() > 0) {
        E = C->getArg(0);
      } else {
        return;
      }
    }
  }
  llvm::DenseSet<const VarDecl *> &Out;
};

struct LoopFrame {
  const Stmt *Loop = nullptr;
  const VarDecl *Induction = nullptr;
  bool WaitsOnAtomic = false;
};

struct ScopeFrame {
  std::vector<const VarDecl *> Guards;
  std::vector<const CXXDestructorDecl *> Destructors;
  /// Handles whose destructor joins: jthreads, futures of std::async, pools.
  std::vector<std::string> JoinAtExit;
};

struct StartBookkeeping {
  std::vector<std::string> Handles;
  /// Loops around the start (outermost first) within its context.
  std::vector<const Stmt *> Loops;
  bool ExecutorMany = false;
};

class Collector {
public:
  Collector(const FunctionDecl *F, ASTContext &Ctx, const KnowledgeBase &KB,
            const std::function<std::string(llvm::StringRef)> &FileName, SharedAccessSummary &Out)
      : F(F), Ctx(Ctx), SM(Ctx.getSourceManager()), KB(KB), FileName(FileName), Out(Out) {}

  void run() {
    EscapeFinder(Escaping).TraverseStmt(const_cast<Stmt *>(F->getBody()));
    ModificationFinder(Modified).TraverseStmt(const_cast<Stmt *>(F->getBody()));
    if (const auto *Method = dyn_cast<CXXMethodDecl>(F))
      if (Method->getParent()->isLambda())
        Closure = Method->getParent();
    // REQUIRES(mu): the caller holds the lock for the whole body.
    for (const auto *Requires : F->specific_attrs<RequiresCapabilityAttr>())
      for (const Expr *Arg : Requires->args())
        if (MemoryLocation L = attribute_lock(Arg, nullptr, {}); L.valid())
          Ctx_.Locks.push_back({L, Requires->isShared()});
    Scopes.emplace_back();
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(F))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->isWritten() && Init->getInit())
          expr(Init->getInit());
    stmt(F->getBody());
    pop_scope();
    finish();
  }

private:
  // ---- context and bookkeeping ----------------------------------------
  int next_order() { return ++OrderCounter; }

  EventContext context() {
    EventContext C = Ctx_;
    C.Order = next_order();
    return C;
  }

  std::string file_of(SourceLocation Loc) const {
    PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
    return P.isValid() ? FileName(P.getFilename()) : std::string();
  }

  template <typename T> void place(T &Item, SourceLocation Loc) const {
    PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
    if (!P.isValid())
      return;
    Item.File = FileName(P.getFilename());
    Item.Line = static_cast<int>(P.getLine());
    Item.Column = static_cast<int>(P.getColumn());
  }

  /// A local of this function: private to each call, unless the function
  /// starts threads that share it (the detector decides).
  std::string own_id(const VarDecl *V) const { return "o:" + local_id(V).substr(2); }

  std::string local_id(const VarDecl *V) const {
    PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(V->getLocation()));
    std::string Id = "l:";
    if (P.isValid())
      Id += std::string(P.getFilename()) + ":" + std::to_string(P.getLine()) + ":" +
            std::to_string(P.getColumn()) + ":";
    return Id + V->getName().str();
  }

  std::string spelling(const Expr *E) const {
    CharSourceRange Range = CharSourceRange::getTokenRange(E->getSourceRange());
    llvm::StringRef Text = Lexer::getSourceText(SM.getExpansionRange(Range), SM, Ctx.getLangOpts());
    std::string S = Text.str();
    if (S.size() > 60)
      S = S.substr(0, 57) + "...";
    return S;
  }

  bool in_team() const {
    for (int S = Ctx_.Start; S >= 0; S = Out.Starts[S].Context.Start)
      if (Out.Starts[S].K == ThreadStart::Team)
        return true;
    return false;
  }

  // ---- values used as indices ---------------------------------------------
  IndexTerm index(const Expr *E) {
    E = E ? E->IgnoreParenCasts() : nullptr;
    if (!E)
      return IndexTerm::unknown();
    if (E->isValueDependent() || E->isTypeDependent())
      return IndexTerm::unknown();
    if (std::optional<llvm::APSInt> Value = E->getIntegerConstantExpr(Ctx))
      return IndexTerm::constant(Value->getExtValue());
    if (const auto *R = dyn_cast<DeclRefExpr>(E)) {
      const auto *V = dyn_cast<VarDecl>(R->getDecl());
      if (!V)
        return IndexTerm::unknown();
      if (auto It = IterationVars.find(V); It != IterationVars.end())
        return with_range(IndexTerm::affine(It->second), V);
      if (auto It = ValueSymbols.find(V); It != ValueSymbols.end())
        return It->second;
      if (const auto *P = dyn_cast<ParmVarDecl>(V); P && !V->getType()->isReferenceType() &&
                                                    P->getDeclContext() == F)
        return IndexTerm::affine("p:" + std::to_string(P->getFunctionScopeIndex()));
      if (V->hasLocalStorage())
        return with_range(IndexTerm::affine(local_id(V)), V);
      return IndexTerm::unknown();
    }
    if (const auto *B = dyn_cast<BinaryOperator>(E)) {
      IndexTerm L = index(B->getLHS()), R = index(B->getRHS());
      switch (B->getOpcode()) {
      case BO_Add:
      case BO_Sub: {
        long Sign = B->getOpcode() == BO_Add ? 1 : -1;
        if (L.K == IndexTerm::Constant && R.K == IndexTerm::Constant)
          return IndexTerm::constant(L.Offset + Sign * R.Offset);
        if (L.K == IndexTerm::Affine && R.K == IndexTerm::Constant) {
          L.Offset += Sign * R.Offset;
          L.Low += Sign * R.Offset;
          L.High += Sign * R.Offset;
          return L;
        }
        if (Sign == 1 && R.K == IndexTerm::Affine && L.K == IndexTerm::Constant) {
          R.Offset += L.Offset;
          R.Low += L.Offset;
          R.High += L.Offset;
          return R;
        }
        return IndexTerm::unknown();
      }
      case BO_Mul: {
        if (L.K == IndexTerm::Constant && R.K == IndexTerm::Affine)
          std::swap(L, R);
        if (L.K == IndexTerm::Affine && R.K == IndexTerm::Constant && R.Offset != 0) {
          L.Scale *= R.Offset;
          L.Offset *= R.Offset;
          L.Low *= R.Offset;
          L.High *= R.Offset;
          if (L.Low > L.High)
            std::swap(L.Low, L.High);
          return L;
        }
        return IndexTerm::unknown();
      }
      case BO_Div:
      case BO_Rem:
        // Constant folding only (len / 2 with len a constant local).
        if (L.K == IndexTerm::Constant && R.K == IndexTerm::Constant && R.Offset != 0)
          return IndexTerm::constant(B->getOpcode() == BO_Div ? L.Offset / R.Offset : L.Offset % R.Offset);
        return IndexTerm::unknown();
      default:
        return IndexTerm::unknown();
      }
    }
    if (const auto *C = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *Callee = C->getDirectCallee())
        if (Callee->getIdentifier() && Callee->getName() == "omp_get_thread_num")
          return IndexTerm::affine("tid");
    // A value read through a parameter: `*(int *)arg`, `args->id`.
    if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_Deref)
      return loaded_through_parameter(pointer_target(U->getSubExpr()));
    if (const auto *M = dyn_cast<MemberExpr>(E))
      return loaded_through_parameter(location(M, true));
    if (const auto *A = dyn_cast<ArraySubscriptExpr>(E))
      return loaded_through_parameter(location(A, true));
    return IndexTerm::unknown();
  }

  IndexTerm with_range(IndexTerm T, const VarDecl *V) const {
    if (auto It = LoopRanges.find(V); It != LoopRanges.end()) {
      T.Bounded = true;
      T.Low = It->second.first;
      T.High = It->second.second;
    }
    return T;
  }

  static IndexTerm loaded_through_parameter(const MemoryLocation &L) {
    if (llvm::StringRef(L.Root).starts_with("p:"))
      return IndexTerm::affine("load:" + L.Root);
    return IndexTerm::unknown();
  }

  // ---- locations ---------------------------------------------------------
  /// Whether a local of this function is shared at this point.
  bool local_is_shared(const VarDecl *V) const {
    for (const auto &Private : PrivateStack)
      if (Private.contains(V))
        return false;
    auto Declared = DeclaredIn.find(V);
    int Where = Declared == DeclaredIn.end() ? -1 : Declared->second;
    if (Ctx_.Start >= 0) {
      if (llvm::is_contained(DefaultPrivate, Ctx_.Start))
        return false;
      if (SharedOverride.contains(V))
        return true;
      return Where == -1;
    }
    return Escaping.contains(V);
  }

  MemoryLocation variable_location(const DeclRefExpr *R, bool AnyLocal) {
    const auto *V = dyn_cast<VarDecl>(R->getDecl());
    if (!V)
      return {};
    if (V->getTLSKind() != VarDecl::TLS_None || V->hasAttr<OMPThreadPrivateDeclAttr>())
      return {};
    if (V->hasGlobalStorage() && !V->isStaticLocal()) {
      if (V->getType().isConstQualified() && !AnyLocal)
        return {};
      return {"g:" + usr_of(V), {}, V->getName().str()};
    }
    if (V->isStaticLocal())
      return {"g:" + usr_of(V), {}, V->getName().str()};
    // A local reference: where it was bound.
    if (V->getType()->isReferenceType() && !isa<ParmVarDecl>(V)) {
      if (auto It = RangeRoots.find(V); It != RangeRoots.end()) {
        MemoryLocation L = It->second;
        L.Steps.push_back({AccessStep::Element, "", IndexTerm::unknown()});
        return L;
      }
      if (V->getInit() && V->getDeclContext() == F && Depth < 8) {
        ++Depth;
        MemoryLocation L = location(V->getInit(), AnyLocal);
        --Depth;
        return L;
      }
    }
    if (const auto *P = dyn_cast<ParmVarDecl>(V); P && P->getDeclContext() == F) {
      if (V->getType()->isReferenceType())
        return {"p:" + std::to_string(P->getFunctionScopeIndex()), {}, V->getName().str()};
      return AnyLocal ? MemoryLocation{own_id(V), {}, V->getName().str()} : MemoryLocation{};
    }
    // Captured by a lambda: by reference it is the enclosing variable.
    if (Closure && V->getDeclContext() != F) {
      for (const LambdaCapture &C : Closure->captures())
        if (C.capturesVariable() && C.getCapturedVar() == V) {
          if (C.getCaptureKind() == LCK_ByRef)
            return {local_id(V), {}, V->getName().str()};
          return AnyLocal ? MemoryLocation{local_id(V), {}, V->getName().str()} : MemoryLocation{};
        }
      // Captured by [&] in an enclosing lambda: shared.
      return {local_id(V), {}, V->getName().str()};
    }
    if (AnyLocal || local_is_shared(V))
      return {own_id(V), {}, V->getName().str()};
    return {};
  }

  /// The object \p E designates, when other threads might reach it.
  MemoryLocation location(const Expr *E, bool AnyLocal = false) {
    if (!E || Depth > 16)
      return {};
    ++Depth;
    MemoryLocation L = location_impl(E, AnyLocal);
    --Depth;
    if (L.valid() && L.Spelling.empty())
      L.Spelling = spelling(E);
    return L;
  }

  MemoryLocation location_impl(const Expr *E, bool AnyLocal) {
    E = strip(E);
    if (const auto *Cast = dyn_cast<CastExpr>(E))
      if (Cast->getCastKind() == CK_NoOp || Cast->getCastKind() == CK_UncheckedDerivedToBase ||
          Cast->getCastKind() == CK_DerivedToBase)
        return location(Cast->getSubExpr(), AnyLocal);
    if (const auto *R = dyn_cast<DeclRefExpr>(E)) {
      MemoryLocation L = variable_location(R, AnyLocal);
      if (L.valid())
        L.Spelling = spelling(E);
      return L;
    }
    if (const auto *M = dyn_cast<MemberExpr>(E)) {
      if (const auto *Static = dyn_cast<VarDecl>(M->getMemberDecl())) {
        if (Static->getTLSKind() != VarDecl::TLS_None)
          return {};
        return {"g:" + usr_of(Static), {}, spelling(E)};
      }
      const auto *Field = dyn_cast<FieldDecl>(M->getMemberDecl());
      if (!Field)
        return {};
      MemoryLocation Base;
      const Expr *BaseExpr = M->getBase()->IgnoreParenImpCasts();
      if (isa<CXXThisExpr>(BaseExpr))
        Base = this_location();
      else if (M->isArrow())
        Base = pointer_target(M->getBase(), AnyLocal);
      else
        Base = location(M->getBase(), AnyLocal);
      if (!Base.valid())
        return {};
      Base.Steps.push_back({AccessStep::Field, Field->getName().str(), {}});
      Base.Spelling = spelling(E);
      return Base;
    }
    if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
      const Expr *BaseExpr = A->getBase();
      MemoryLocation Base;
      const Expr *Stripped = BaseExpr->IgnoreParenImpCasts();
      if (Stripped->getType()->isArrayType())
        Base = location(Stripped, AnyLocal);
      else
        Base = pointer_target(BaseExpr, AnyLocal);
      if (!Base.valid())
        return {};
      Base.Steps.push_back({AccessStep::Element, "", index(A->getIdx())});
      Base.Spelling = spelling(E);
      return Base;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_Deref)
      return pointer_target(U->getSubExpr(), AnyLocal);
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      // Containers: v[i] is element i of v.
      if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2) {
        MemoryLocation Base = location(Op->getArg(0), AnyLocal);
        if (!Base.valid())
          return {};
        Base.Steps.push_back({AccessStep::Element, "", index(Op->getArg(1))});
        Base.Spelling = spelling(E);
        return Base;
      }
      if (Op->getOperator() == OO_Star && Op->getNumArgs() == 1) {
        if (is_smart_pointer(Op->getArg(0)->getType()))
          return smart_pointee(Op->getArg(0), AnyLocal);
        return {};
      }
    }
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
      if (const CXXMethodDecl *M = Call->getMethodDecl(); M && M->getIdentifier()) {
        llvm::StringRef Name = M->getName();
        if ((Name == "at" && Call->getNumArgs() == 1) || Name == "front" || Name == "back") {
          MemoryLocation Base = location(Call->getImplicitObjectArgument(), AnyLocal);
          if (!Base.valid())
            return {};
          Base.Steps.push_back({AccessStep::Element, "",
                                Name == "at" ? index(Call->getArg(0)) : IndexTerm::unknown()});
          return Base;
        }
      }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
      if (Construct->getNumArgs() == 1 && type_name(Construct->getType()) == "std::atomic_ref")
        return location(Construct->getArg(0), AnyLocal);
    // instance() { static T t; return t; }: the call is the static.
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *Callee = Call->getDirectCallee();
          Callee && Callee->getReturnType()->isReferenceType() && Callee->hasBody())
        if (const auto *Body = dyn_cast<CompoundStmt>(Callee->getBody()); Body && !Body->body_empty())
          if (const auto *Return = dyn_cast<ReturnStmt>(Body->body_back()); Return && Return->getRetValue())
            if (const auto *R = dyn_cast<DeclRefExpr>(Return->getRetValue()->IgnoreParenImpCasts()))
              if (const auto *V = dyn_cast<VarDecl>(R->getDecl()); V && V->hasGlobalStorage() &&
                                                                  V->getTLSKind() == VarDecl::TLS_None)
                return {"g:" + usr_of(V), {}, V->getName().str()};
    return {};
  }

  MemoryLocation this_location() const { return {"this", {}, "this"}; }

  static bool is_smart_pointer(QualType T) {
    std::string Name = type_name(T);
    // libstdc++ defines operator-> and operator* in bases of shared_ptr.
    return Name == "std::shared_ptr" || Name == "std::unique_ptr" || Name == "std::weak_ptr" ||
           Name == "std::__shared_ptr" || Name == "std::__shared_ptr_access";
  }

  /// What a smart pointer object points to, followed like a raw pointer variable.
  MemoryLocation smart_pointee(const Expr *Pointer, bool AnyLocal) {
    const Expr *E = strip(Pointer);
    if (const auto *Copy = dyn_cast<CXXConstructExpr>(E); Copy && Copy->getNumArgs() == 1)
      E = strip(Copy->getArg(0));
    return pointer_value(E, AnyLocal);
  }

  /// The object a pointer-valued expression points to.
  MemoryLocation pointer_target(const Expr *E, bool AnyLocal = false) {
    if (!E || Depth > 16)
      return {};
    ++Depth;
    MemoryLocation L = pointer_target_impl(E, AnyLocal);
    --Depth;
    return L;
  }

  MemoryLocation pointer_target_impl(const Expr *E, bool AnyLocal) {
    E = E->IgnoreParens();
    if (const auto *Cast = dyn_cast<CastExpr>(E)) {
      if (Cast->getCastKind() == CK_ArrayToPointerDecay)
        return location(Cast->getSubExpr(), AnyLocal);
      if (Cast->getCastKind() == CK_LValueToRValue)
        return pointer_value(Cast->getSubExpr(), AnyLocal);
      return pointer_target(Cast->getSubExpr(), AnyLocal);
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_AddrOf)
      return location(U->getSubExpr(), true);
    if (isa<CXXThisExpr>(E))
      return this_location();
    // shared_ptr / unique_ptr: p-> and p.get() reach what p points to.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == OO_Arrow && Op->getNumArgs() == 1 && is_smart_pointer(Op->getArg(0)->getType()))
      return smart_pointee(Op->getArg(0), AnyLocal);
    if (const auto *B = dyn_cast<BinaryOperator>(E); B && B->isAdditiveOp()) {
      const Expr *Ptr = B->getLHS()->getType()->isPointerType() ? B->getLHS() : B->getRHS();
      const Expr *Offset = Ptr == B->getLHS() ? B->getRHS() : B->getLHS();
      MemoryLocation Base = pointer_target(Ptr, AnyLocal);
      if (!Base.valid())
        return {};
      IndexTerm Term = index(Offset);
      if (B->getOpcode() == BO_Sub) {
        if (Term.K != IndexTerm::Constant)
          Term = IndexTerm::unknown();
        Term.Offset = -Term.Offset;
      }
      Base.Steps.push_back({AccessStep::Element, "", Term});
      return Base;
    }
    if (const auto *R = dyn_cast<DeclRefExpr>(E))
      return pointer_value(R, AnyLocal);
    if (const auto *M = dyn_cast<MemberExpr>(E))
      return pointer_value(M, AnyLocal);
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
      if (const CXXMethodDecl *M = Call->getMethodDecl(); M && M->getIdentifier() &&
                                                          (M->getName() == "data" || M->getName() == "get"))
        if (MemoryLocation Base = location(Call->getImplicitObjectArgument(), AnyLocal); Base.valid()) {
          if (M->getName() == "get")
            Base.Steps.push_back({AccessStep::Field, "*", {}});
          return Base;
        }
    return {};
  }

  /// The target of a pointer stored in the lvalue \p E.
  MemoryLocation pointer_value(const Expr *E, bool AnyLocal) {
    E = E->IgnoreParenImpCasts();
    if (const auto *R = dyn_cast<DeclRefExpr>(E)) {
      const auto *V = dyn_cast<VarDecl>(R->getDecl());
      if (!V)
        return {};
      if (const auto *P = dyn_cast<ParmVarDecl>(V); P && P->getDeclContext() == F)
        return {"p:" + std::to_string(P->getFunctionScopeIndex()), {}, V->getName().str()};
      if (auto It = PointerTargets.find(V); It != PointerTargets.end())
        return It->second;
      if (V->hasGlobalStorage())
        return {"gp:" + usr_of(V), {}, "*" + V->getName().str()};
      // A pointer captured from the enclosing function: where it was set to point.
      if (V->getDeclContext() != F && V->getInit() && Depth < 8) {
        MemoryLocation L = pointer_target(V->getInit(), true);
        if (L.valid())
          return L;
      }
      return {(V->getDeclContext() == F ? "oh:" : "h:") + local_id(V).substr(2), {},
              "*" + V->getName().str()};
    }
    // A pointer member: what it points to is reached through the member.
    MemoryLocation Holder = location(E, AnyLocal);
    if (!Holder.valid())
      return {};
    Holder.Steps.push_back({AccessStep::Field, "*", {}});
    return Holder;
  }

  // ---- accesses ------------------------------------------------------------
  void record(const Expr *LV, bool Write, bool ReadModifyWrite, bool ForceAtomic = false) {
    MemoryLocation L = location(LV);
    if (!L.valid())
      return;
    QualType T = LV->getType();
    if (is_synchronization_type(T))
      return;
    SharedAccess A;
    A.Location = std::move(L);
    A.Location.Spelling = spelling(LV);
    A.Write = Write;
    A.Atomic = ForceAtomic || AtomicRegion || is_atomic_type(T);
    A.AtomicReplaceable = !A.Atomic && (T->isIntegerType() || T->isPointerType() || T->isFloatingType()) &&
                          A.Location.Root.rfind("g:", 0) == 0 && A.Location.Steps.empty() &&
                          (Write || !ReadModifyWrite);
    A.Context = context();
    place(A, LV->getExprLoc());
    if (A.Atomic && InLoopCondition && !Write)
      for (LoopFrame &Loop : llvm::reverse(Loops)) {
        Loop.WaitsOnAtomic = true;
        break;
      }
    Out.Accesses.push_back(std::move(A));
  }

  void read_lvalue(const Expr *LV) {
    record(LV, false, false);
    inner_reads(LV);
  }

  void write_lvalue(const Expr *LV, bool ReadModifyWrite) {
    record(LV, true, ReadModifyWrite);
    inner_reads(LV);
  }

  /// The reads an lvalue performs on the way to its object: indices and pointers.
  void inner_reads(const Expr *LV) {
    LV = LV->IgnoreParens();
    if (const auto *A = dyn_cast<ArraySubscriptExpr>(LV)) {
      expr(A->getIdx());
      const Expr *Base = A->getBase()->IgnoreParenImpCasts();
      if (Base->getType()->isArrayType())
        inner_reads(Base);
      else
        expr(A->getBase());
      return;
    }
    if (const auto *M = dyn_cast<MemberExpr>(LV)) {
      if (M->isArrow())
        expr(M->getBase());
      else
        inner_reads(M->getBase());
      return;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(LV); U && U->getOpcode() == UO_Deref) {
      expr(U->getSubExpr());
      return;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(LV); Op && Op->getOperator() == OO_Subscript) {
      // map[key] inserts a missing key: it writes the map itself.
      if (is_map_like(Op->getArg(0)->getType()))
        record(Op->getArg(0), true, false);
      inner_reads(Op->getArg(0));
      for (unsigned I = 1; I < Op->getNumArgs(); ++I)
        expr(Op->getArg(I));
      return;
    }
    if (isa<DeclRefExpr>(LV))
      return;
    if (isa<CallExpr>(LV) || isa<CXXConstructExpr>(LV) || isa<CastExpr>(LV))
      expr(LV);
  }

  bool scalar(const Expr *E) const { return E->getType()->isScalarType(); }

  // ---- expressions ------------------------------------------------------
  void expr(const Expr *E) {
    if (!E)
      return;
    E = E->IgnoreParens();
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E)) {
      if (Cast->getCastKind() == CK_LValueToRValue)
        return read_lvalue(Cast->getSubExpr());
      return expr(Cast->getSubExpr());
    }
    if (const auto *B = dyn_cast<BinaryOperator>(E)) {
      if (B->isAssignmentOp()) {
        expr(B->getRHS());
        write_lvalue(B->getLHS(), B->isCompoundAssignmentOp());
        // `#pragma omp atomic capture` v = x++: v is unique per thread.
        if (AtomicRegion && !B->isCompoundAssignmentOp())
          if (const auto *Target = dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParenImpCasts()))
            if (const auto *V = dyn_cast<VarDecl>(Target->getDecl()); V && V->hasLocalStorage()) {
              const Expr *Value = B->getRHS()->IgnoreParenImpCasts();
              if (isa<UnaryOperator>(Value) || isa<CompoundAssignOperator>(Value))
                ValueSymbols[V] = IndexTerm::affine("inst.rmw");
            }
        return;
      }
      expr(B->getLHS());
      expr(B->getRHS());
      return;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->isIncrementDecrementOp())
        return write_lvalue(U->getSubExpr(), true);
      if (U->getOpcode() == UO_AddrOf)
        return inner_reads(U->getSubExpr());
      return expr(U->getSubExpr());
    }
    if (isa<LambdaExpr>(E))
      return;
    if (const auto *Call = dyn_cast<CallExpr>(E))
      return call(Call);
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
      return construct(Construct);
    for (const Stmt *Child : E->children())
      if (const auto *ChildExpr = dyn_cast_or_null<Expr>(Child))
        expr(ChildExpr);
  }

  /// The argument list of a call with the object of a member operator split off.
  static std::pair<const Expr *, llvm::ArrayRef<const Expr *>> split_call(const CallExpr *C) {
    llvm::ArrayRef<const Expr *> Args(C->getArgs(), C->getNumArgs());
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(C))
      return {Member->getImplicitObjectArgument(), Args};
    if (isa<CXXOperatorCallExpr>(C) && C->getDirectCallee() &&
        isa<CXXMethodDecl>(C->getDirectCallee()) && !Args.empty())
      return {Args.front(), Args.drop_front()};
    return {nullptr, Args};
  }

  void construct(const CXXConstructExpr *C) {
    const CXXConstructorDecl *Ctor = C->getConstructor();
    llvm::ArrayRef<const Expr *> Args(C->getArgs(), C->getNumArgs());
    if (Ctor && start_thread(C, Ctor, nullptr, Args))
      return;
    // A copy of a shared object reads it.
    if (Ctor && Ctor->isCopyOrMoveConstructor() && !Args.empty() &&
        (Ctor->isTrivial() || SM.isInSystemHeader(SM.getExpansionLoc(Ctor->getLocation())))) {
      read_lvalue(Args[0]);
      return;
    }
    if (Ctor && !Ctor->isTrivial() && !SM.isInSystemHeader(SM.getExpansionLoc(Ctor->getLocation()))) {
      // A program constructor runs its body on a fresh object.
      AccessCall Site;
      Site.Callees.push_back(usr_of(Ctor));
      for (unsigned I = 0; I < Args.size(); ++I) {
        const ParmVarDecl *Param = I < Ctor->getNumParams() ? Ctor->getParamDecl(I) : nullptr;
        Site.Arguments.push_back(bind(Args[I], Param));
        expr(Args[I]);
      }
      Site.Context = context();
      Out.Calls.push_back(std::move(Site));
      return;
    }
    for (const Expr *Arg : Args)
      expr(Arg);
  }

  /// Locals whose class has a destructor written in the program: it runs at scope exit.
  void note_destructor(const VarDecl *V) {
    const CXXRecordDecl *RD = record_of(V->getType());
    if (!RD || V->getType()->isReferenceType() || !RD->hasDefinition())
      return;
    const CXXDestructorDecl *Dtor = RD->getDestructor();
    if (!Dtor || Dtor->isTrivial() || SM.isInSystemHeader(SM.getExpansionLoc(Dtor->getLocation())))
      return;
    Scopes.back().Destructors.push_back(Dtor);
  }

  void call(const CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    auto [Object, Args] = split_call(C);
    if (!Callee) {
      expr(C->getCallee());
      for (const Expr *Arg : Args)
        expr(Arg);
      return;
    }
    std::string Name = api_name(Callee);
    if (start_thread(C, Callee, Object, Args))
      return;
    if (lock_operation(Callee, Name, Object, Args))
      return;
    if (atomic_operation(C, Callee, Name, Object, Args))
      return;
    if (sync_operation(Callee, Name, Object, Args))
      return;
    const bool System = SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation()));
    // Functions defined in another translation unit are linked by USR later.
    if (System) {
      library_call(Callee, Name, Object, Args, System);
      return;
    }
    program_call(C, Callee, Object, Args);
  }

  void program_call(const CallExpr *C, const FunctionDecl *Callee, const Expr *Object,
                    llvm::ArrayRef<const Expr *> Args) {
    AccessCall Site;
    Site.Callees.push_back(usr_of(Callee));
    if (Object) {
      if (Object->getType()->isPointerType())
        Site.Object = pointer_target(Object);
      else
        Site.Object = location(Object, true);
      if (isa<CXXThisExpr>(Object->IgnoreParenImpCasts()))
        Site.Object = this_location();
      inner_reads(Object);
    }
    for (unsigned I = 0; I < Args.size(); ++I) {
      const ParmVarDecl *Param = I < Callee->getNumParams() ? Callee->getParamDecl(I) : nullptr;
      Site.Arguments.push_back(bind(Args[I], Param));
      if (Param && Param->getType()->isReferenceType())
        inner_reads(Args[I]);
      else
        expr(Args[I]);
    }
    // Lambdas handed to the callee run as part of it.
    for (const Expr *Arg : Args)
      if (isa<LambdaExpr>(strip(Arg)))
        callback(Arg);
    Site.Context = context();
    (void)C;
    Out.Calls.push_back(std::move(Site));
  }

  void callback(const Expr *Arg) {
    std::vector<const FunctionDecl *> Targets;
    collect_callable_decls(Arg, Targets);
    for (const FunctionDecl *Target : Targets) {
      AccessCall Site;
      Site.Callees.push_back(usr_of(Target));
      Site.Object = this_location(); // what a lambda captured as `this`
      Site.Context = context();
      Out.Calls.push_back(std::move(Site));
    }
  }

  ArgumentBinding bind(const Expr *Arg, const ParmVarDecl *Param) {
    ArgumentBinding B;
    // Forwarded arguments (std::thread's Args&&...) arrive as materialized temporaries.
    const Expr *Stripped = strip(Arg);
    if (isa<MaterializeTemporaryExpr>(Arg->IgnoreParens()) || isa<ExprWithCleanups>(Arg->IgnoreParens()))
      Arg = Stripped;
    // std::ref(x) hands x itself.
    if (const auto *Call = dyn_cast<CallExpr>(Stripped))
      if (const FunctionDecl *Callee = Call->getDirectCallee(); Callee && Callee->getIdentifier() &&
          (Callee->getName() == "ref" || Callee->getName() == "cref") && Call->getNumArgs() == 1) {
        B.Points = location(Call->getArg(0), true);
        return B;
      }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Stripped))
      if (type_name(Construct->getType()) == "std::reference_wrapper" && Construct->getNumArgs() == 1) {
        B.Points = location(Construct->getArg(0), true);
        return B;
      }
    if (is_smart_pointer(Arg->getType()) && !(Param && Param->getType()->isReferenceType()))
      B.Points = smart_pointee(Arg, true);
    else if ((Param && Param->getType()->isReferenceType()))
      B.Points = location(Arg, true);
    else if (Arg->getType()->isPointerType() || Arg->IgnoreParenImpCasts()->getType()->isArrayType())
      B.Points = pointer_target(Arg);
    if (Arg->getType()->isIntegralOrEnumerationType() || Arg->getType()->isPointerType())
      B.Value = index(Arg);
    return B;
  }

  void library_call(const FunctionDecl *Callee, const std::string &Name, const Expr *Object,
                    llvm::ArrayRef<const Expr *> Args, bool System) {
    // Container members: non-const ones modify the container.
    if (Object && System) {
      const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
      QualType ObjectType = Object->getType();
      if (ObjectType->isPointerType())
        ObjectType = ObjectType->getPointeeType();
      bool Accessor = Method && Method->getIdentifier() &&
                      llvm::is_contained({"at", "front", "back", "data", "begin", "end", "cbegin",
                                          "cend", "rbegin", "rend", "size", "empty", "find",
                                          "count", "contains", "get", "operator->"},
                                         Method->getName());
      if (const auto *Op = dyn_cast<CXXMethodDecl>(Callee);
          Op && (Op->getOverloadedOperator() == OO_Subscript || Op->getOverloadedOperator() == OO_Star ||
                 Op->getOverloadedOperator() == OO_Arrow))
        Accessor = !is_map_like(ObjectType);
      if (Method && !is_synchronization_type(ObjectType) && !Method->isStatic()) {
        MemoryLocation L = Object->getType()->isPointerType() ? pointer_target(Object)
                                                              : location(Object);
        if (L.valid()) {
          // An accessor reads the container's own header (size, buffer), not
          // its elements: it conflicts with push_back, not with v[i] = x.
          if (Accessor || Method->isConst())
            L.Steps.push_back({AccessStep::Field, "#header", {}});
          SharedAccess A;
          A.Location = std::move(L);
          A.Write = !Method->isConst() && !Accessor;
          A.Context = context();
          place(A, Object->getExprLoc());
          Out.Accesses.push_back(std::move(A));
        }
      }
      inner_reads(Object);
      for (const Expr *Arg : Args)
        expr(Arg);
      return;
    }
    // C library functions that write through a pointer argument.
    static const std::pair<const char *, unsigned> Writers[] = {
        {"memset", 0}, {"memcpy", 0}, {"memmove", 0}, {"strcpy", 0}, {"strncpy", 0},
        {"strcat", 0}, {"strncat", 0}, {"sprintf", 0}, {"snprintf", 0}, {"fgets", 0},
        {"fread", 0}, {"read", 1}, {"recv", 1}, {"std::memset", 0}, {"std::memcpy", 0},
        {"std::fill", 0}, {"std::copy", 2}};
    for (const auto &[Writer, Index] : Writers)
      if (Name == Writer && Index < Args.size()) {
        MemoryLocation L = pointer_target(Args[Index]);
        if (L.valid()) {
          L.Steps.push_back({AccessStep::Element, "", IndexTerm::unknown()});
          SharedAccess A;
          A.Location = std::move(L);
          A.Write = true;
          A.Context = context();
          place(A, Args[Index]->getExprLoc());
          Out.Accesses.push_back(std::move(A));
        }
      }
    // Objects passed by reference are read (const) or may be written.
    for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I) {
      QualType Param = Callee->getParamDecl(I)->getType();
      if (!Param->isReferenceType() || !Args[I]->isGLValue())
        continue;
      bool Const = Param.getNonReferenceType().isConstQualified();
      if (!Const && Param->isRValueReferenceType())
        continue;
      record(Args[I], !Const, false);
    }
    for (const Expr *Arg : Args)
      expr(Arg);
    // Callbacks of sequential algorithms run here.
    for (const Expr *Arg : Args)
      if (isa<LambdaExpr>(strip(Arg)))
        callback(Arg);
    (void)Callee;
  }

  static bool is_map_like(QualType T) {
    std::string Name = type_name(T);
    return Name == "std::map" || Name == "std::unordered_map" || Name == "std::multimap";
  }

  // ---- locks ----------------------------------------------------------------
  MemoryLocation lock_location(const Expr *E) {
    if (!E)
      return {};
    if (E->getType()->isPointerType())
      return pointer_target(E, true);
    return location(E, true);
  }

  /// The lock an annotation argument names, seen from the call site.
  MemoryLocation attribute_lock(const Expr *Arg, const Expr *Object,
                                llvm::ArrayRef<const Expr *> CallArgs) {
    if (!Arg)
      return {};
    Arg = Arg->IgnoreParenImpCasts();
    if (const auto *R = dyn_cast<DeclRefExpr>(Arg)) {
      if (const auto *P = dyn_cast<ParmVarDecl>(R->getDecl())) {
        unsigned I = P->getFunctionScopeIndex();
        if (I < CallArgs.size())
          return lock_location(CallArgs[I]);
        if (P->getDeclContext() == F)
          return lock_location(Arg);
        return {};
      }
      return location(Arg, true);
    }
    if (const auto *M = dyn_cast<MemberExpr>(Arg)) {
      MemoryLocation Base;
      if (isa<CXXThisExpr>(M->getBase()->IgnoreParenImpCasts()))
        Base = Object ? (Object->getType()->isPointerType() ? pointer_target(Object)
                                                            : location(Object, true))
                      : this_location();
      else
        Base = location(M->getBase(), true);
      if (!Base.valid())
        return {};
      Base.Steps.push_back({AccessStep::Field, M->getMemberDecl()->getName().str(), {}});
      return Base;
    }
    return location(Arg, true);
  }

  void acquire(MemoryLocation L, bool Shared) {
    if (L.valid())
      Ctx_.Locks.push_back({std::move(L), Shared});
  }

  bool same(const MemoryLocation &A, const MemoryLocation &B) const {
    if (A.Root != B.Root || A.Steps.size() != B.Steps.size())
      return false;
    for (size_t I = 0; I < A.Steps.size(); ++I)
      if (A.Steps[I].K != B.Steps[I].K || A.Steps[I].Name != B.Steps[I].Name ||
          !(A.Steps[I].Index == B.Steps[I].Index))
        return false;
    return true;
  }

  void release(const MemoryLocation &L) {
    for (auto It = Ctx_.Locks.rbegin(); It != Ctx_.Locks.rend(); ++It)
      if (same(It->Lock, L)) {
        Ctx_.Locks.erase(std::next(It).base());
        return;
      }
    // Released without being taken here: an unlock wrapper.
    if (L.valid())
      ReleasedWithoutAcquire.push_back(L);
  }

  bool lock_operation(const FunctionDecl *Callee, const std::string &Name, const Expr *Object,
                      llvm::ArrayRef<const Expr *> Args) {
    // Clang's thread-safety annotations say what a function does to a lock.
    bool Annotated = false;
    for (const auto *Acquire : Callee->specific_attrs<AcquireCapabilityAttr>()) {
      Annotated = true;
      if (Acquire->args_size() == 0)
        acquire(lock_location(Object), Acquire->isShared());
      for (const Expr *Arg : Acquire->args())
        acquire(attribute_lock(Arg, Object, Args), Acquire->isShared());
    }
    for (const auto *Release : Callee->specific_attrs<ReleaseCapabilityAttr>()) {
      Annotated = true;
      if (Release->args_size() == 0) {
        if (const Expr *Guard = Object; Guard && guard_of(Guard))
          release_guard(guard_of(Guard));
        else
          release(lock_location(Object));
      }
      for (const Expr *Arg : Release->args())
        release(attribute_lock(Arg, Object, Args));
    }
    if (Annotated)
      return true;

    static const char *const MutexClasses[] = {
        "std::mutex", "std::recursive_mutex", "std::timed_mutex", "std::recursive_timed_mutex",
        "std::shared_mutex", "std::shared_timed_mutex"};
    llvm::StringRef N(Name);
    for (const char *Class : MutexClasses) {
      llvm::StringRef Prefix(Class);
      if (!N.starts_with(Prefix) || !N.drop_front(Prefix.size()).starts_with("::"))
        continue;
      llvm::StringRef Method = N.drop_front(Prefix.size() + 2);
      MemoryLocation L = lock_location(Object);
      if (Method == "lock" || Method == "try_lock" || Method == "try_lock_for" ||
          Method == "try_lock_until")
        acquire(L, false);
      else if (Method == "lock_shared" || Method == "try_lock_shared")
        acquire(L, true);
      else if (Method == "unlock" || Method == "unlock_shared")
        release(L);
      else
        return false;
      return true;
    }
    if (N == "std::unique_lock::unlock" || N == "std::shared_lock::unlock") {
      if (const VarDecl *Guard = guard_of(Object))
        release_guard(Guard);
      return true;
    }
    if (N == "std::unique_lock::lock" || N == "std::shared_lock::lock" ||
        N == "std::unique_lock::try_lock") {
      if (const VarDecl *Guard = guard_of(Object))
        for (const HeldLock &L : GuardLocks[Guard])
          Ctx_.Locks.push_back(L);
      return true;
    }
    if (N == "std::lock" || N == "std::try_lock") {
      // std::lock(a, b) on deferred unique_locks takes the guards' mutexes.
      for (const Expr *Arg : Args) {
        if (const VarDecl *Guard = guard_of(Arg))
          for (const HeldLock &L : GuardLocks[Guard])
            Ctx_.Locks.push_back(L);
        else
          acquire(lock_location(Arg), false);
      }
      return true;
    }
    static const std::pair<const char *, int> CLocks[] = {
        {"pthread_mutex_lock", 0},     {"pthread_mutex_trylock", 0}, {"pthread_mutex_timedlock", 0},
        {"pthread_spin_lock", 0},      {"pthread_spin_trylock", 0},  {"pthread_rwlock_wrlock", 0},
        {"pthread_rwlock_trywrlock", 0}, {"pthread_rwlock_rdlock", 1}, {"pthread_rwlock_tryrdlock", 1},
        {"omp_set_lock", 0},           {"omp_test_lock", 0},         {"omp_set_nest_lock", 0},
        {"mtx_lock", 0},               {"mtx_trylock", 0}};
    for (const auto &[Api, Shared] : CLocks)
      if (N == Api && !Args.empty()) {
        acquire(lock_location(Args[0]), Shared != 0);
        return true;
      }
    static const char *const CUnlocks[] = {"pthread_mutex_unlock", "pthread_spin_unlock",
                                           "pthread_rwlock_unlock", "omp_unset_lock",
                                           "omp_unset_nest_lock", "mtx_unlock"};
    for (const char *Api : CUnlocks)
      if (N == Api && !Args.empty()) {
        release(lock_location(Args[0]));
        return true;
      }
    return false;
  }

  const VarDecl *guard_of(const Expr *Object) const {
    if (!Object)
      return nullptr;
    if (const auto *R = dyn_cast<DeclRefExpr>(Object->IgnoreParenImpCasts()))
      if (const auto *V = dyn_cast<VarDecl>(R->getDecl()); V && GuardLocks.count(V))
        return V;
    return nullptr;
  }

  void release_guard(const VarDecl *Guard) {
    for (const HeldLock &L : GuardLocks[Guard])
      for (auto It = Ctx_.Locks.rbegin(); It != Ctx_.Locks.rend(); ++It)
        if (same(It->Lock, L.Lock)) {
          Ctx_.Locks.erase(std::next(It).base());
          break;
        }
  }

  /// A guard variable: std::lock_guard and friends, or a class whose
  /// constructor is annotated to acquire.
  bool declare_guard(const VarDecl *V) {
    const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(strip(V->getInit()));
    if (!Construct)
      return false;
    std::vector<HeldLock> Locks;
    if (is_lock_guard_type(V->getType())) {
      bool Shared = type_name(V->getType()) == "std::shared_lock";
      for (const Expr *Arg : Construct->arguments()) {
        std::string ArgType = type_name(Arg->getType());
        if (ArgType == "std::defer_lock_t")
          return GuardLocks[V] = {}, deferred_guard(V, Construct, Shared), true;
        if (ArgType == "std::adopt_lock_t" || ArgType == "std::try_to_lock_t")
          continue;
        if (MemoryLocation L = lock_location(Arg); L.valid())
          Locks.push_back({L, Shared});
      }
    } else if (const CXXConstructorDecl *Ctor = Construct->getConstructor()) {
      llvm::ArrayRef<const Expr *> Args(Construct->getArgs(), Construct->getNumArgs());
      for (const auto *Acquire : Ctor->specific_attrs<AcquireCapabilityAttr>())
        for (const Expr *Arg : Acquire->args())
          if (MemoryLocation L = attribute_lock(Arg, nullptr, Args); L.valid())
            Locks.push_back({L, Acquire->isShared()});
      if (Locks.empty())
        return false;
    } else {
      return false;
    }
    for (const HeldLock &L : Locks) {
      // An adopted lock is already in the set.
      bool Held = llvm::any_of(Ctx_.Locks, [&](const HeldLock &H) { return same(H.Lock, L.Lock); });
      if (!Held)
        Ctx_.Locks.push_back(L);
    }
    GuardLocks[V] = std::move(Locks);
    Scopes.back().Guards.push_back(V);
    return true;
  }

  void deferred_guard(const VarDecl *V, const CXXConstructExpr *Construct, bool Shared) {
    if (Construct->getNumArgs() > 0)
      if (MemoryLocation L = lock_location(Construct->getArg(0)); L.valid())
        GuardLocks[V].push_back({L, Shared});
    Scopes.back().Guards.push_back(V);
  }

  // ---- synchronization other than locks ---------------------------------
  void wait_point() { Ctx_.AfterWait = true; }
  void signal_point() { Signals.push_back({Ctx_.Start, OrderCounter + 1}); }

  bool atomic_operation(const CallExpr *C, const FunctionDecl *Callee, const std::string &Name,
                        const Expr *Object, llvm::ArrayRef<const Expr *> Args) {
    llvm::StringRef N(Name);
    // Members of std::atomic / std::atomic_ref / std::atomic_flag.
    if (Object && is_atomic_type(Object->getType()->isPointerType()
                                     ? Object->getType()->getPointeeType()
                                     : Object->getType())) {
      llvm::StringRef Method = N.rsplit("::").second;
      bool Load = Method == "load" || Method.starts_with("operator ") || Method == "test" ||
                  Method == "wait";
      bool Relaxed = llvm::any_of(Args, [&](const Expr *Arg) {
        std::string S = spelling(Arg);
        return llvm::StringRef(S).contains("relaxed");
      });
      if (Object->getType()->isPointerType()) {
        MemoryLocation L = pointer_target(Object);
        add_atomic(L, !Load, Object->getExprLoc());
      } else {
        record(Object, !Load, false, true);
        inner_reads(Object);
      }
      for (const Expr *Arg : Args)
        expr(Arg);
      if (!Load && !Relaxed)
        signal_point();
      if (Method == "wait")
        wait_point();
      return true;
    }
    // __atomic_*, __sync_*, C11 atomic_* and the Interlocked style.
    if ((N.starts_with("__atomic_") || N.starts_with("__sync_") || N.starts_with("atomic_") ||
         N.starts_with("std::atomic_")) &&
        !Args.empty()) {
      bool Load = N.contains("load");
      MemoryLocation L = pointer_target(Args[0]);
      add_atomic(L, !Load, C->getExprLoc());
      for (const Expr *Arg : Args.drop_front())
        expr(Arg);
      if (!Load)
        signal_point();
      return true;
    }
    (void)Callee;
    return false;
  }

  void add_atomic(MemoryLocation L, bool Write, SourceLocation Loc) {
    if (!L.valid())
      return;
    SharedAccess A;
    A.Location = std::move(L);
    A.Write = Write;
    A.Atomic = true;
    A.Context = context();
    place(A, Loc);
    if (!Write && InLoopCondition && !Loops.empty())
      Loops.back().WaitsOnAtomic = true;
    Out.Accesses.push_back(std::move(A));
  }

  bool sync_operation(const FunctionDecl *Callee, const std::string &Name, const Expr *Object,
                      llvm::ArrayRef<const Expr *> Args) {
    llvm::StringRef N(Name);
    llvm::StringRef Method = N.rsplit("::").second;
    std::string Class = N.rsplit("::").first.str();
    // Joins: the end of a start's interval.
    bool Join = (Class == "std::thread" || Class == "std::jthread") && Method == "join";
    bool FutureWait = (Class == "std::future" || Class == "std::shared_future" ||
                       Class == "std::__basic_future" || Class == "boundwise::Future") &&
                      (Method == "get" || Method == "wait" || Method == "wait_for");
    bool PoolWait = (Class == "boundwise::ThreadPool" && (Method == "shutdown" || Method == "wait")) ||
                    (Class == "tbb::task_group" && Method == "wait") ||
                    (Class == "boost::asio::thread_pool" && (Method == "join" || Method == "wait"));
    if (Join || FutureWait || PoolWait) {
      for (const Expr *Arg : Args)
        expr(Arg);
      foreign_join(handle_of(Object));
      return true;
    }
    if (N == "pthread_join" || N == "thrd_join") {
      std::string Handle;
      if (!Args.empty())
        Handle = location(Args[0]->IgnoreParenImpCasts(), true).Root;
      foreign_join(Handle);
      return true;
    }
    if (N == "std::call_once" || N == "pthread_once" || N == "call_once") {
      wait_point();
      return true;
    }
    if (N == "pthread_detach" || Method == "detach") {
      // std::thread(f).detach(): the start is in the object expression.
      if (Object)
        expr(Object);
      return true;
    }
    static const char *const Waits[] = {
        "std::condition_variable::wait", "std::condition_variable::wait_for",
        "std::condition_variable::wait_until", "std::condition_variable_any::wait",
        "std::condition_variable_any::wait_for", "std::condition_variable_any::wait_until",
        "pthread_cond_wait", "pthread_cond_timedwait", "sem_wait", "sem_timedwait",
        "std::counting_semaphore::acquire", "std::counting_semaphore::try_acquire_for",
        "std::latch::wait", "cnd_wait", "cnd_timedwait", "std::this_thread::yield"};
    static const char *const Signals_[] = {
        "std::condition_variable::notify_one", "std::condition_variable::notify_all",
        "std::condition_variable_any::notify_one", "std::condition_variable_any::notify_all",
        "pthread_cond_signal", "pthread_cond_broadcast", "sem_post",
        "std::counting_semaphore::release", "std::promise::set_value",
        "std::promise::set_exception", "std::latch::count_down", "cnd_signal", "cnd_broadcast"};
    static const char *const Barriers[] = {"pthread_barrier_wait", "std::barrier::arrive_and_wait",
                                           "std::latch::arrive_and_wait", "std::barrier::wait",
                                           "std::barrier::arrive_and_drop"};
    bool Matched = false;
    if (llvm::is_contained(Barriers, N)) {
      for (const Expr *Arg : Args)
        expr(Arg);
      signal_point();
      ++Ctx_.Phase;
      Out.UsesBarrier = true;
      return true;
    }
    if (llvm::is_contained(Waits, N)) {
      for (const Expr *Arg : Args)
        expr(Arg);
      // cv.wait(lock, predicate): the predicate reads shared state first.
      for (const Expr *Arg : Args)
        if (isa<LambdaExpr>(strip(Arg)))
          callback(Arg);
      wait_point();
      Matched = true;
    } else if (llvm::is_contained(Signals_, N)) {
      for (const Expr *Arg : Args)
        expr(Arg);
      signal_point();
      Matched = true;
    }
    (void)Callee;
    return Matched;
  }

  // ---- threads ------------------------------------------------------------
  std::string handle_of(const Expr *Object) {
    if (!Object)
      return "";
    if (Object->getType()->isPointerType())
      return pointer_target(Object, true).Root;
    MemoryLocation L = location(Object, true);
    return L.Root;
  }

  /// A join of a thread started elsewhere orders what it did before what follows.
  void foreign_join(const std::string &Handle) {
    if (join(Handle))
      return;
    wait_point();
    if (!Handle.empty())
      Ctx_.Joined.push_back(Handle);
  }

  bool join(const std::string &Handle) {
    if (Handle.empty())
      return false;
    bool Any = false;
    for (size_t I = 0; I < Out.Starts.size(); ++I) {
      ThreadStart &S = Out.Starts[I];
      StartBookkeeping &B = Books[I];
      if (S.JoinOrder != INT_MAX || !llvm::is_contained(B.Handles, Handle))
        continue;
      S.JoinOrder = next_order();
      // Started and joined in the same iteration: one at a time.
      if (!B.Loops.empty() && llvm::any_of(Loops, [&](const LoopFrame &L) { return L.Loop == B.Loops.back(); }))
        S.Many = B.ExecutorMany;
      Any = true;
    }
    return Any;
  }

  bool start_thread(const Expr *Call, const FunctionDecl *Callee, const Expr *Object,
                    llvm::ArrayRef<const Expr *> Args) {
    std::string Name = api_name(Callee);
    const ExecutorApi *Executor = KB.executor(Name);
    std::string Handle;
    // workers.emplace_back(task, args...) constructs the thread in place.
    if (!Executor && Object)
      if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee); Method && Method->getIdentifier() &&
          llvm::is_contained({"emplace_back", "emplace", "emplace_front"}, Method->getName()))
        if (const auto *Container = dyn_cast<ClassTemplateSpecializationDecl>(Method->getParent()))
          if (Container->getTemplateArgs().size() > 0 &&
              Container->getTemplateArgs()[0].getKind() == TemplateArgument::Type) {
            std::string Element = type_name(Container->getTemplateArgs()[0].getAsType());
            if (Element == "std::thread" || Element == "std::jthread") {
              Executor = KB.executor(Element + "::" + llvm::StringRef(Element).rsplit("::").second.str());
              Name = Element;
            }
          }
    bool Parallel = false;
    if (!Executor && !Args.empty() && llvm::StringRef(Name).starts_with("std::"))
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Args.front()->IgnoreParenImpCasts()))
        Parallel = KB.is_parallel_policy(api_name(Ref->getDecl()));
    if (!Executor && !Parallel)
      return false;
    if (Executor && Executor->Kind == ExecutorKind::ProcessPool) {
      for (const Expr *Arg : Args)
        expr(Arg);
      return true;
    }
    // push_back(std::thread(...)): the construct expression is the start.
    ThreadStart S;
    S.K = ThreadStart::Thread;
    S.Api = Name;
    StartBookkeeping B;
    // A pool's submit or post runs its task once; map and parallel loops run it many times.
    llvm::StringRef Method = llvm::StringRef(Name).rsplit("::").second;
    bool OneTask = Method == "submit" || Method == "post" || Method == "run" || Method == "to_thread" ||
                   Name == "boundwise::to_thread" || Name == "boost::asio::post";
    B.ExecutorMany = Parallel || (Executor && Executor->ManyInstances && !OneTask);
    S.Many = B.ExecutorMany;
    size_t TaskIndex = 0;
    bool Found = false;
    for (size_t I = 0; I < Args.size(); ++I) {
      std::vector<const FunctionDecl *> Targets;
      if (Executor && Executor->TaskArgument >= 0 && I != static_cast<size_t>(Executor->TaskArgument))
        continue;
      if (Parallel && I == 0)
        continue;
      collect_callable_decls(Args[I], Targets);
      if (Targets.empty())
        continue;
      for (const FunctionDecl *Target : Targets)
        S.Entries.push_back(usr_of(Target));
      if (!Found) {
        TaskIndex = I;
        Found = true;
      }
      if (!Parallel)
        break;
    }
    if (!Found)
      return false;
    // Arguments that follow the task bind to its parameters.
    std::vector<const FunctionDecl *> Targets;
    collect_callable_decls(Args[TaskIndex], Targets);
    const FunctionDecl *Entry = Targets.empty() ? nullptr : Targets.front();
    if (Parallel) {
      // for_each(par, v.begin(), v.end(), f): f's parameter is one element.
      ArgumentBinding Element;
      if (Args.size() > 1)
        if (const auto *Begin = dyn_cast<CXXMemberCallExpr>(strip(Args[1])))
          Element.Points = location(Begin->getImplicitObjectArgument(), true);
      if (Element.Points.valid())
        Element.Points.Steps.push_back({AccessStep::Element, "", IndexTerm::affine("inst")});
      S.Arguments.push_back(Element);
    } else if (Name == "pthread_create" || Name == "thrd_create") {
      if (Args.size() > 3)
        S.Arguments.push_back(bind(Args[3], nullptr));
      if (!Args.empty())
        Handle = pointer_target(Args[0], true).Root;
    } else {
      size_t First = TaskIndex + 1;
      bool MemberEntry = Entry && isa<CXXMethodDecl>(Entry) &&
                         !cast<CXXMethodDecl>(Entry)->getParent()->isLambda() &&
                         !cast<CXXMethodDecl>(Entry)->isStatic() &&
                         cast<CXXMethodDecl>(Entry)->getOverloadedOperator() != OO_Call;
      if (MemberEntry && First < Args.size()) {
        ArgumentBinding This = bind(Args[First], nullptr);
        if (!This.Points.valid())
          This.Points = location(Args[First], true);
        S.ThisObject = This.Points;
        ++First;
      }
      for (size_t I = First; I < Args.size(); ++I) {
        const ParmVarDecl *Param =
            Entry && I - First < Entry->getNumParams() ? Entry->getParamDecl(I - First) : nullptr;
        ArgumentBinding Arg = bind(Args[I], Param && Param->getType()->isReferenceType() &&
                                                    !Param->getType().getNonReferenceType().isConstQualified()
                                                ? nullptr
                                                : Param);
        S.Arguments.push_back(Arg);
      }
      if (Entry && isa<CXXMethodDecl>(Entry) && cast<CXXMethodDecl>(Entry)->getParent()->isLambda())
        S.ThisObject = this_location(); // what the lambda captured as `this`
      if (Object)
        Handle = handle_of(Object);
    }
    for (const Expr *Arg : Args)
      if (!isa<LambdaExpr>(strip(Arg)))
        inner_reads(Arg);
    S.Context = context();
    for (const LoopFrame &L : llvm::make_range(Loops.begin() + LoopBase, Loops.end())) {
      B.Loops.push_back(L.Loop);
      if (L.Induction)
        S.InstanceSymbols.push_back(local_id(L.Induction));
    }
    if (!B.Loops.empty())
      S.Many = true;
    place(S, Call->getBeginLoc());
    if (!Handle.empty())
      B.Handles.push_back(Handle);
    Out.Starts.push_back(std::move(S));
    Books.push_back(std::move(B));
    return true;
  }

  // ---- statements -------------------------------------------------------
  void pop_scope() {
    ScopeFrame Frame = std::move(Scopes.back());
    Scopes.pop_back();
    for (const CXXDestructorDecl *Dtor : llvm::reverse(Frame.Destructors)) {
      AccessCall Site;
      Site.Callees.push_back(usr_of(Dtor));
      Site.Context = context();
      Out.Calls.push_back(std::move(Site));
    }
    for (const VarDecl *Guard : llvm::reverse(Frame.Guards))
      release_guard(Guard);
    for (const std::string &Handle : Frame.JoinAtExit)
      join(Handle);
  }

  void declare(const VarDecl *V) {
    DeclaredIn[V] = Ctx_.Start;
    if (declare_guard(V))
      return;
    size_t StartsBefore = Out.Starts.size();
    if (const Expr *Init = V->getInit())
      expr(Init);
    note_destructor(V);
    std::string Handle = own_id(V);
    for (size_t I = StartsBefore; I < Out.Starts.size(); ++I)
      Books[I].Handles.push_back(Handle);
    std::string Type = type_name(V->getType());
    if (Type == "std::jthread" || is_pool_type(V->getType()) ||
        (Type == "std::future" && Out.Starts.size() > StartsBefore))
      Scopes.back().JoinAtExit.push_back(Handle);
    if (const CXXRecordDecl *RD = record_of(V->getType()))
      if (api_name(RD) == "std::vector" && V->getType().getAsString().find("jthread") != std::string::npos)
        Scopes.back().JoinAtExit.push_back(Handle);
    if (const Expr *Init = V->getInit()) {
      if (V->getType()->isIntegralOrEnumerationType() && !Modified.contains(V) &&
          !V->getType()->isReferenceType() && index(Init).K == IndexTerm::Constant) {
        // Never assigned again: its initial value is a constant.
        ValueSymbols[V] = index(Init);
      } else if (V->getType()->isIntegralOrEnumerationType() && claims_unique_value(Init)) {
        ValueSymbols[V] = IndexTerm::affine("inst.rmw");
      } else if (V->getType()->isIntegralOrEnumerationType()) {
        // Only symbolic values: a constant initializer says nothing about
        // the variable once it is assigned again (loop counters).
        IndexTerm T = index(Init);
        if (T.K == IndexTerm::Affine) {
          ValueSymbols[V] = T;
        } else if (std::string Symbol = mentioned_symbol(Init); !Symbol.empty()) {
          // Some function of a per-thread value (lo = tid * chunk): only
          // loops that start from it inherit its identity.
          IndexTerm Derived = IndexTerm::affine(Symbol);
          Derived.Scale = 0;
          ValueSymbols[V] = Derived;
        }
      } else if (V->getType()->isPointerType()) {
        MemoryLocation Target = pointer_target(Init);
        if (Target.valid())
          PointerTargets[V] = Target;
      }
    }
  }

  /// A per-thread symbol (parameter, thread number, value read through a
  /// parameter) that \p E is computed from, if any.
  std::string mentioned_symbol(const Expr *E) {
    if (!E)
      return "";
    if (isa<DeclRefExpr>(E->IgnoreParenCasts()) || isa<CallExpr>(E->IgnoreParenCasts()) ||
        isa<UnaryOperator>(E->IgnoreParenCasts()) || isa<MemberExpr>(E->IgnoreParenCasts())) {
      IndexTerm T = index(E);
      if (T.K == IndexTerm::Affine && !llvm::StringRef(T.Symbol).starts_with("l:"))
        return T.Symbol;
    }
    for (const Stmt *Child : E->children())
      if (const auto *ChildExpr = dyn_cast_or_null<Expr>(Child))
        if (std::string Symbol = mentioned_symbol(ChildExpr); !Symbol.empty())
          return Symbol;
    return "";
  }

  /// counter.fetch_add(1), __atomic_fetch_add, atomic_fetch_add: each caller
  /// gets a different value, so it can index a per-thread slot.
  bool claims_unique_value(const Expr *E) const {
    const auto *Call = dyn_cast_or_null<CallExpr>(strip(E));
    if (!Call || !Call->getDirectCallee())
      return false;
    std::string Name = api_name(Call->getDirectCallee());
    llvm::StringRef N(Name);
    return N.ends_with("fetch_add") || N.ends_with("fetch_sub") || N.ends_with("fetch_and_add") ||
           N.ends_with("add_fetch") || N.ends_with("add_and_fetch") ||
           (N.starts_with("std::atomic") && (N.ends_with("operator++") || N.ends_with("operator--")));
  }

  void loop_variable_symbol(const VarDecl *V, const Expr *Init) {
    if (!V || !Init || IterationVars.contains(V))
      return;
    IndexTerm T = index(Init);
    // A loop over a range that depends on the thread's identity partitions the work.
    if (T.K == IndexTerm::Affine && !llvm::StringRef(T.Symbol).starts_with("l:"))
      ValueSymbols[V] = IndexTerm::affine(T.Symbol);
  }

  void stmt(const Stmt *S) {
    if (!S)
      return;
    if (const auto *E = dyn_cast<Expr>(S)) {
      size_t StartsBefore = Out.Starts.size();
      expr(E);
      // The future of a discarded std::async joins at the end of the statement.
      if (Out.Starts.size() > StartsBefore && Out.Starts.back().Api == "std::async" &&
          Books.back().Handles.empty()) {
        Books.back().Handles.push_back("discarded");
        join("discarded");
        Books.back().Handles.clear();
      }
      return;
    }
    if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
      Scopes.emplace_back();
      for (const Stmt *Child : Block->body())
        stmt(Child);
      pop_scope();
      return;
    }
    if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : Decls->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          declare(V);
      return;
    }
    if (const auto *For = dyn_cast<ForStmt>(S)) {
      Scopes.emplace_back();
      LoopFrame Frame{For, nullptr, false};
      stmt(For->getInit());
      if (const auto *Init = dyn_cast_or_null<DeclStmt>(For->getInit()); Init && Init->isSingleDecl()) {
        Frame.Induction = dyn_cast<VarDecl>(Init->getSingleDecl());
        if (Frame.Induction)
          loop_variable_symbol(Frame.Induction, Frame.Induction->getInit());
      } else if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(For->getInit());
                 Assign && Assign->getOpcode() == BO_Assign) {
        if (const auto *R = dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts())) {
          Frame.Induction = dyn_cast<VarDecl>(R->getDecl());
          loop_variable_symbol(Frame.Induction, Assign->getRHS());
        }
      }
      if (Frame.Induction)
        loop_range(For, Frame.Induction);
      Loops.push_back(Frame);
      condition(For->getCond());
      stmt(For->getBody());
      expr(For->getInc());
      end_loop();
      pop_scope();
      return;
    }
    if (const auto *While = dyn_cast<WhileStmt>(S)) {
      Loops.push_back({While, nullptr, false});
      condition(While->getCond());
      stmt(While->getBody());
      end_loop();
      return;
    }
    if (const auto *Do = dyn_cast<DoStmt>(S)) {
      Loops.push_back({Do, nullptr, false});
      stmt(Do->getBody());
      condition(Do->getCond());
      end_loop();
      return;
    }
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(S)) {
      Scopes.emplace_back();
      expr(Range->getRangeInit());
      const VarDecl *Var = Range->getLoopVariable();
      if (Var) {
        MemoryLocation Container = location(Range->getRangeInit(), true);
        if (Container.valid())
          RangeRoots[Var] = Container;
        DeclaredIn[Var] = Ctx_.Start;
      }
      Loops.push_back({Range, Var, false});
      stmt(Range->getBody());
      end_loop();
      pop_scope();
      return;
    }
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      stmt(If->getInit());
      if (const VarDecl *V = If->getConditionVariable())
        declare(V);
      expr(If->getCond());
      int SavedUnit = Ctx_.Unit;
      if (in_team() && Ctx_.Unit == -1 && tests_thread_number(If->getCond()))
        Ctx_.Unit = ++UnitCounter;
      stmt(If->getThen());
      Ctx_.Unit = SavedUnit;
      stmt(If->getElse());
      return;
    }
    if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
      expr(Return->getRetValue());
      return;
    }
    if (const auto *Directive = dyn_cast<OMPExecutableDirective>(S)) {
      openmp(Directive);
      return;
    }
    if (isa<CapturedStmt>(S)) {
      stmt(cast<CapturedStmt>(S)->getCapturedStmt());
      return;
    }
    for (const Stmt *Child : S->children())
      stmt(Child);
  }

  void condition(const Expr *Cond) {
    bool Saved = InLoopCondition;
    InLoopCondition = true;
    expr(Cond);
    InLoopCondition = Saved;
  }

  void end_loop() {
    bool Waited = Loops.back().WaitsOnAtomic;
    Loops.pop_back();
    if (Waited)
      wait_point();
  }

  bool tests_thread_number(const Expr *Cond) {
    const auto *B = dyn_cast<BinaryOperator>(Cond->IgnoreParenImpCasts());
    if (!B || B->getOpcode() != BO_EQ)
      return false;
    IndexTerm L = index(B->getLHS()), R = index(B->getRHS());
    auto IsTid = [](const IndexTerm &T) { return T.K == IndexTerm::Affine && T.Symbol == "tid"; };
    return (IsTid(L) && R.K == IndexTerm::Constant) || (IsTid(R) && L.K == IndexTerm::Constant);
  }

  // ---- OpenMP ---------------------------------------------------------------
  static const Stmt *associated(const OMPExecutableDirective *D) {
    if (!D->hasAssociatedStmt())
      return nullptr;
    const Stmt *S = D->getAssociatedStmt();
    while (const auto *Captured = dyn_cast_or_null<CapturedStmt>(S))
      S = Captured->getCapturedStmt();
    return S;
  }

  template <typename ClauseT>
  void clause_variables(const OMPExecutableDirective *D, llvm::DenseSet<const VarDecl *> &Out_) {
    for (const auto *C : D->getClausesOfKind<ClauseT>())
      for (const Expr *Ref : C->varlists()) {
        // reduction(+: hist[:n]) names hist.
        const Expr *E = Ref;
        for (int Guard = 0; E && Guard < 8; ++Guard) {
          E = E->IgnoreParenImpCasts();
          if (const auto *Section = dyn_cast<ArraySectionExpr>(E))
            E = Section->getBase();
          else if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
            E = Subscript->getBase();
          else
            break;
        }
        if (const auto *R = dyn_cast_or_null<DeclRefExpr>(E))
          if (const auto *V = dyn_cast<VarDecl>(R->getDecl()))
            Out_.insert(V);
      }
  }

  /// The loop variables of the loops a worksharing directive distributes.
  void mark_iteration_variables(const OMPExecutableDirective *D, llvm::DenseSet<const VarDecl *> &Private) {
    std::vector<const VarDecl *> Found;
    unsigned Depth_ = 1;
    if (const auto *Collapse = D->getSingleClause<OMPCollapseClause>())
      if (auto N = Collapse->getNumForLoops()->getIntegerConstantExpr(Ctx))
        Depth_ = static_cast<unsigned>(N->getExtValue());
    // ordered(n) (doacross) makes n loops the worksharing loops too.
    if (const auto *Ordered = D->getSingleClause<OMPOrderedClause>(); Ordered && Ordered->getNumForLoops())
      if (auto N = Ordered->getNumForLoops()->getIntegerConstantExpr(Ctx))
        Depth_ = std::max(Depth_, static_cast<unsigned>(N->getExtValue()));
    const Stmt *S = associated(D);
    for (unsigned I = 0; I < Depth_ && S; ++I) {
      while (const auto *Inner = dyn_cast_or_null<OMPExecutableDirective>(S))
        S = associated(Inner);
      const auto *For = dyn_cast_or_null<ForStmt>(S);
      if (!For)
        break;
      const VarDecl *V = nullptr;
      if (const auto *Init = dyn_cast_or_null<DeclStmt>(For->getInit()); Init && Init->isSingleDecl())
        V = dyn_cast<VarDecl>(Init->getSingleDecl());
      else if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(For->getInit()))
        if (const auto *R = dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts()))
          V = dyn_cast<VarDecl>(R->getDecl());
      if (V) {
        Found.push_back(V);
        Private.insert(V);
        loop_range(For, V);
      }
      S = For->getBody();
      if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S); Block && Block->size() == 1)
        S = Block->body_front();
    }
    // Collapsed loops: one iteration is the tuple of all their variables.
    for (size_t I = 0; I < Found.size(); ++I)
      IterationVars[Found[I]] =
          "iter" + std::to_string(directive_id(D)) + ":" + std::to_string(I) + "/" + std::to_string(Found.size());
  }

  int directive_id(const OMPExecutableDirective *D) { return DirectiveIds.try_emplace(D, DirectiveIds.size()).first->second; }

  /// [low, high] of a counted loop `for (v = c0; v < c1; ++v)` with constant bounds.
  void loop_range(const ForStmt *For, const VarDecl *V) {
    const Expr *Init = nullptr;
    if (const auto *D = dyn_cast_or_null<DeclStmt>(For->getInit()); D && D->isSingleDecl())
      Init = V->getInit();
    else if (const auto *A = dyn_cast_or_null<BinaryOperator>(For->getInit()))
      Init = A->getRHS();
    const auto *Cond = dyn_cast_or_null<BinaryOperator>(For->getCond() ? For->getCond()->IgnoreParenImpCasts() : nullptr);
    const auto *Inc = For->getInc() ? For->getInc()->IgnoreParenImpCasts() : nullptr;
    if (!Init || !Cond || !Inc)
      return;
    bool Up = false;
    if (const auto *U = dyn_cast<UnaryOperator>(Inc))
      Up = U->isIncrementOp();
    else if (const auto *B = dyn_cast<CompoundAssignOperator>(Inc))
      Up = B->getOpcode() == BO_AddAssign && B->getRHS()->getIntegerConstantExpr(Ctx) &&
           *B->getRHS()->getIntegerConstantExpr(Ctx) > 0;
    if (!Up)
      return;
    // Bounds may be constants or locals that keep a constant value.
    IndexTerm Low = index(Init), Bound = index(Cond->getRHS());
    const auto *Var = dyn_cast<DeclRefExpr>(Cond->getLHS()->IgnoreParenImpCasts());
    if (Low.K != IndexTerm::Constant || !Var || Var->getDecl() != V || Bound.K != IndexTerm::Constant)
      return;
    long High = Bound.Offset;
    if (Cond->getOpcode() == BO_LT || Cond->getOpcode() == BO_NE)
      --High;
    else if (Cond->getOpcode() != BO_LE)
      return;
    if (High >= Low.Offset)
      LoopRanges[V] = {Low.Offset, High};
  }

  void private_clauses(const OMPExecutableDirective *D, llvm::DenseSet<const VarDecl *> &Private) {
    clause_variables<OMPPrivateClause>(D, Private);
    clause_variables<OMPFirstprivateClause>(D, Private);
    clause_variables<OMPLastprivateClause>(D, Private);
    clause_variables<OMPReductionClause>(D, Private);
    clause_variables<OMPLinearClause>(D, Private);
    clause_variables<OMPTaskReductionClause>(D, Private);
    clause_variables<OMPInReductionClause>(D, Private);
  }

  bool has_nowait(const OMPExecutableDirective *D) const {
    return D->getSingleClause<OMPNowaitClause>() != nullptr;
  }

  void barrier() {
    // Tasks of this team finish at a barrier.
    close_tasks(Ctx_.Start, true);
    ++Ctx_.Phase;
  }

  void close_tasks(int Creator, bool Nested) {
    for (size_t I = 0; I < Out.Starts.size(); ++I) {
      ThreadStart &S = Out.Starts[I];
      if (S.K != ThreadStart::Task || S.JoinOrder != INT_MAX)
        continue;
      bool Inside = S.Context.Start == Creator;
      if (Nested)
        for (int P = S.Context.Start; P >= 0 && !Inside; P = Out.Starts[P].Context.Start)
          Inside = P == Creator;
      if (Inside)
        S.JoinOrder = next_order();
    }
  }

  void openmp(const OMPExecutableDirective *D) {
    OpenMPDirectiveKind Kind = D->getDirectiveKind();
    const Stmt *Body = associated(D);
    const bool Team = isOpenMPParallelDirective(Kind) || isOpenMPTeamsDirective(Kind) ||
                      Kind == llvm::omp::OMPD_simd || isOpenMPTaskLoopDirective(Kind);
    const bool Task = Kind == llvm::omp::OMPD_task;
    if (Team || Task) {
      ThreadStart S;
      S.K = Task ? ThreadStart::Task : ThreadStart::Team;
      S.Api = ("omp " + getOpenMPDirectiveName(Kind)).str();
      if (Task) {
        S.Many = (in_team() && Ctx_.Unit == -1) || Loops.size() > LoopBase;
        for (const auto *Depend : D->getClausesOfKind<OMPDependClause>()) {
          bool In = Depend->getDependencyKind() == OMPC_DEPEND_in;
          for (const Expr *Ref : Depend->varlists())
            if (MemoryLocation L = location(Ref, true); L.valid())
              S.Depends.push_back(std::string(In ? "in:" : "out:") + L.Root);
        }
      } else {
        S.Many = true;
        if (const auto *Threads = D->getSingleClause<OMPNumThreadsClause>())
          if (auto N = Threads->getNumThreads()->getIntegerConstantExpr(Ctx); N && *N == 1)
            S.Many = false;
        if (const auto *If = D->getSingleClause<OMPIfClause>())
          if (auto N = If->getCondition()->getIntegerConstantExpr(Ctx); N && *N == 0)
            S.Many = false;
        if (const auto *SafeLen = D->getSingleClause<OMPSafelenClause>())
          if (auto N = SafeLen->getSafelen()->getIntegerConstantExpr(Ctx))
            S.SafeLength = static_cast<int>(N->getExtValue());
      }
      S.Context = context();
      place(S, D->getBeginLoc());
      int Index = static_cast<int>(Out.Starts.size());
      Out.Starts.push_back(std::move(S));
      Books.emplace_back();

      EventContext Saved = Ctx_;
      size_t SavedLoopBase = LoopBase;
      bool SavedAtomic = AtomicRegion;
      llvm::DenseSet<const VarDecl *> SavedShared = SharedOverride;
      Ctx_ = EventContext{};
      Ctx_.Start = Index;
      Ctx_.Phase = Task ? Saved.Phase : 0;
      LoopBase = Loops.size();
      PrivateStack.emplace_back();
      private_clauses(D, PrivateStack.back());
      if (const auto *Default = D->getSingleClause<OMPDefaultClause>())
        if (Default->getDefaultKind() == llvm::omp::OMP_DEFAULT_private ||
            Default->getDefaultKind() == llvm::omp::OMP_DEFAULT_firstprivate)
          DefaultPrivate.push_back(Index);
      std::vector<std::pair<const VarDecl *, std::optional<IndexTerm>>> SavedSymbols;
      if (Task) {
        clause_variables<OMPSharedClause>(D, SharedOverride);
        for (size_t L = SavedLoopBase; L < Loops.size(); ++L)
          if (const VarDecl *V = Loops[L].Induction) {
            auto It = ValueSymbols.find(V);
            SavedSymbols.push_back({V, It == ValueSymbols.end() ? std::nullopt : std::optional(It->second)});
            ValueSymbols[V] = IndexTerm::affine("inst:task" + std::to_string(Index));
            PrivateStack.back().insert(V);
          }
      }
      if (isOpenMPLoopDirective(Kind))
        mark_iteration_variables(D, PrivateStack.back());
      stmt(Body);
      close_tasks(Index, true);
      for (auto &[V, Old] : SavedSymbols) {
        if (Old)
          ValueSymbols[V] = *Old;
        else
          ValueSymbols.erase(V);
      }
      PrivateStack.pop_back();
      SharedOverride = std::move(SavedShared);
      LoopBase = SavedLoopBase;
      AtomicRegion = SavedAtomic;
      Ctx_ = Saved;
      Out.Starts[Index].JoinOrder = Team ? next_order() : INT_MAX;
      if (Team)
        Out.Starts[Index].JoinOrder = OrderCounter;
      // task if(0): undeferred, it runs to completion before the creator goes on.
      if (Task)
        if (const auto *If = D->getSingleClause<OMPIfClause>())
          if (auto N = If->getCondition()->getIntegerConstantExpr(Ctx); N && *N == 0) {
            Out.Starts[Index].JoinOrder = next_order();
            Out.Starts[Index].Many = false;
          }
      return;
    }
    if (isOpenMPLoopDirective(Kind) || Kind == llvm::omp::OMPD_sections) {
      PrivateStack.emplace_back();
      private_clauses(D, PrivateStack.back());
      if (isOpenMPLoopDirective(Kind))
        mark_iteration_variables(D, PrivateStack.back());
      stmt(Body);
      PrivateStack.pop_back();
      // reduction(op: x) combines each thread's copy into the shared x at the
      // end: synchronized among the team, not with other code touching x.
      for (const auto *C : D->getClausesOfKind<OMPReductionClause>())
        for (const Expr *Ref : C->varlists())
          if (isa<DeclRefExpr>(Ref->IgnoreParenImpCasts()))
            record(Ref, true, true, /*ForceAtomic=*/true);
      if (isOpenMPWorksharingDirective(Kind) && !has_nowait(D))
        barrier();
      return;
    }
    switch (Kind) {
    case llvm::omp::OMPD_section:
    case llvm::omp::OMPD_single:
    case llvm::omp::OMPD_master:
    case llvm::omp::OMPD_masked: {
      int SavedUnit = Ctx_.Unit;
      Ctx_.Unit = ++UnitCounter;
      PrivateStack.emplace_back();
      private_clauses(D, PrivateStack.back());
      stmt(Body);
      PrivateStack.pop_back();
      Ctx_.Unit = SavedUnit;
      if (Kind == llvm::omp::OMPD_single && !has_nowait(D))
        barrier();
      return;
    }
    case llvm::omp::OMPD_critical:
    case llvm::omp::OMPD_ordered: {
      std::string Name = "omp-ordered";
      if (Kind == llvm::omp::OMPD_critical)
        Name = "omp-critical:" + cast<OMPCriticalDirective>(D)->getDirectiveName().getAsString();
      size_t Held = Ctx_.Locks.size();
      Ctx_.Locks.push_back({{Name, {}, Kind == llvm::omp::OMPD_critical ? "critical" : "ordered"}, false});
      stmt(Body);
      Ctx_.Locks.resize(Held);
      return;
    }
    case llvm::omp::OMPD_atomic: {
      bool Saved = AtomicRegion;
      AtomicRegion = true;
      stmt(Body);
      AtomicRegion = Saved;
      return;
    }
    case llvm::omp::OMPD_barrier:
      barrier();
      return;
    case llvm::omp::OMPD_taskwait:
      close_tasks(Ctx_.Start, false);
      return;
    case llvm::omp::OMPD_taskgroup: {
      stmt(Body);
      close_tasks(Ctx_.Start, true);
      return;
    }
    default:
      stmt(Body);
      return;
    }
  }

  void finish() {
    for (size_t I = 0; I < Out.Starts.size(); ++I)
      Out.Starts[I].Handles = Books[I].Handles;
    // Anything started here and never joined runs on past the end.
    for (size_t I = 0; I < Out.Starts.size(); ++I)
      if (Out.Starts[I].K == ThreadStart::Task && Out.Starts[I].JoinOrder == INT_MAX)
        Out.Starts[I].JoinOrder = OrderCounter + 1;
    auto Mark = [&](EventContext &C) {
      for (const auto &[Start, Order] : Signals)
        if (Start == C.Start && Order > C.Order) {
          C.BeforeSignal = true;
          return;
        }
    };
    for (SharedAccess &A : Out.Accesses)
      Mark(A.Context);
    for (AccessCall &C : Out.Calls)
      Mark(C.Context);
    // Locks left held at return belong to the caller: a lock wrapper.
    for (const HeldLock &L : Ctx_.Locks)
      Out.LockEffects.push_back({L.Lock, true});
    for (const MemoryLocation &L : ReleasedWithoutAcquire)
      Out.LockEffects.push_back({L, false});
    Out.Waits = llvm::any_of(Out.Accesses, [](const SharedAccess &A) { return A.Context.AfterWait; }) ||
                Ctx_.AfterWait;
    Out.Signals = !Signals.empty();
  }

  const FunctionDecl *F;
  ASTContext &Ctx;
  const SourceManager &SM;
  const KnowledgeBase &KB;
  const std::function<std::string(llvm::StringRef)> &FileName;
  SharedAccessSummary &Out;

  const CXXRecordDecl *Closure = nullptr;
  EventContext Ctx_;
  int OrderCounter = 0;
  int UnitCounter = 0;
  int Depth = 0;
  bool InLoopCondition = false;
  bool AtomicRegion = false;
  size_t LoopBase = 0;
  std::vector<LoopFrame> Loops;
  std::vector<ScopeFrame> Scopes;
  std::vector<StartBookkeeping> Books;
  std::vector<std::pair<int, int>> Signals;
  std::vector<MemoryLocation> ReleasedWithoutAcquire;
  std::vector<llvm::DenseSet<const VarDecl *>> PrivateStack;
  std::vector<int> DefaultPrivate;
  llvm::DenseSet<const VarDecl *> SharedOverride;
  llvm::DenseMap<const OMPExecutableDirective *, int> DirectiveIds;
  llvm::DenseSet<const VarDecl *> Escaping;
  llvm::DenseSet<const VarDecl *> Modified;
  llvm::DenseMap<const VarDecl *, std::string> IterationVars;
  llvm::DenseMap<const VarDecl *, std::pair<long, long>> LoopRanges;
  llvm::DenseMap<const VarDecl *, int> DeclaredIn;
  llvm::DenseMap<const VarDecl *, IndexTerm> ValueSymbols;
  llvm::DenseMap<const VarDecl *, MemoryLocation> PointerTargets;
  llvm::DenseMap<const VarDecl *, MemoryLocation> RangeRoots;
  llvm::DenseMap<const VarDecl *, std::vector<HeldLock>> GuardLocks;
};

} // namespace

void collect_shared_accesses(const FunctionDecl *F, ASTContext &Context,
                             const KnowledgeBase &Knowledge,
                             const std::function<std::string(llvm::StringRef)> &FileName,
                             SharedAccessSummary &Out) {
  if (!F || !F->getBody())
    return;
  Collector(F, Context, Knowledge, FileName, Out).run();
}

} // namespace boundwise
