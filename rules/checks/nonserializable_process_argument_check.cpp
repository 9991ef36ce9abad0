// Finds what is handed to boundwise::ProcessPool::submit/map and
// boundwise::run_in_process that cannot or should not cross a process
// boundary: callables with state (capturing lambdas, std::function, function
// objects, member pointers), pointers and references whose writes the parent
// never sees, handles that only mean something in the parent (file
// descriptors, FILE*, streams, mutexes, threads, smart pointers), types the
// runtime's codec (codec.hpp) cannot serialize, and tasks that write globals
// or statics. The type rules mirror detail::kind_of in codec_traits.hpp.
#include "nonserializable_process_argument_check.h"

#include "call_effects.h"

#include "../program_facts.h"
#include "../summary_builder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/TypeLoc.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace boundwise {

NonserializableProcessArgumentCheck::NonserializableProcessArgumentCheck(
    llvm::StringRef Name, tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      // Read as text: the integral get<>/store<> specializations of Debian's
      // clang-tidy library do not link with GCC.
      DescriptorFunctionsText(Options.get(
          "DescriptorFunctions", "open;openat;creat;socket;accept;accept4;dup;dup2;fileno;"
                                 "epoll_create;epoll_create1;eventfd;memfd_create;"
                                 "timerfd_create;inotify_init;inotify_init1;signalfd")),
      CalleeDepthText(Options.get("CalleeDepth", "2")) {
  llvm::SmallVector<llvm::StringRef, 16> Parts;
  llvm::StringRef(DescriptorFunctionsText).split(Parts, ';', -1, false);
  for (llvm::StringRef Part : Parts)
    if (!Part.trim().empty())
      DescriptorFunctions.push_back(Part.trim().str());
  if (llvm::StringRef(CalleeDepthText).trim().getAsInteger(10, CalleeDepth) || CalleeDepth < 0) {
    configurationDiag("invalid CalleeDepth '%0': expected a small non-negative number; using 2")
        << CalleeDepthText;
    CalleeDepth = 2;
  }
}

void NonserializableProcessArgumentCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "DescriptorFunctions", DescriptorFunctionsText);
  Options.store(Opts, "CalleeDepth", CalleeDepthText);
}

void NonserializableProcessArgumentCheck::registerMatchers(MatchFinder *Finder) {
  // Names first; check() confirms the executor by its qualified name.
  Finder->addMatcher(
      callExpr(unless(isExpansionInSystemHeader()),
               callee(functionDecl(hasAnyName("submit", "map", "run_in_process",
                                              "run_in_process_on"))))
          .bind("call"),
      this);
}

namespace {

const Expr *strip(const Expr *E) {
  for (int Guard = 0; E && Guard < 16; ++Guard) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      E = C->getSubExpr();
    else if (const auto *Conv = dyn_cast<CXXMemberCallExpr>(E);
             Conv && isa_and_nonnull<CXXConversionDecl>(Conv->getMethodDecl()))
      E = Conv->getImplicitObjectArgument(); // a lambda converted to a function pointer
    else if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_Plus)
      E = U->getSubExpr(); // +[] { ... }: the lambda's function pointer
    else if (const auto *K = dyn_cast<CXXConstructExpr>(E);
             K && K->getNumArgs() == 1 && K->getConstructor()->isCopyOrMoveConstructor())
      E = K->getArg(0);
    else if (const auto *Call = dyn_cast<CallExpr>(E);
             Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
             api_name(Call->getDirectCallee()) == "std::move")
      E = Call->getArg(0);
    else
      break;
  }
  return E;
}

bool is_std(const NamedDecl *D) {
  return D && (D->isInStdNamespace() || llvm::StringRef(api_name(D)).starts_with("std::"));
}

std::string record_name(const CXXRecordDecl *RD) { return api_name(record_pattern(RD)); }

const Type *template_arg_type(const CXXRecordDecl *RD, unsigned I, QualType &Out) {
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || Spec->getTemplateArgs().size() <= I ||
      Spec->getTemplateArgs()[I].getKind() != TemplateArgument::Type)
    return nullptr;
  Out = Spec->getTemplateArgs()[I].getAsType();
  return Out.getTypePtr();
}

/// A free `serialize(Archive&, T&)` next to the type, found as ADL would.
bool has_free_serialize(const CXXRecordDecl *RD, ASTContext &Ctx) {
  const DeclContext *DC = RD->getDeclContext()->getRedeclContext();
  for (const Decl *Member : DC->decls()) {
    const auto *D = dyn_cast<NamedDecl>(Member);
    if (!D || !D->getIdentifier() || D->getName() != "serialize")
      continue;
    const FunctionDecl *F = D->getAsFunction();
    if (!F || F->getNumParams() < 2)
      continue;
    QualType Last = F->getParamDecl(F->getNumParams() - 1)->getType().getNonReferenceType();
    if (const CXXRecordDecl *P = Last->getAsCXXRecordDecl();
        P && record_pattern(P)->getCanonicalDecl() == record_pattern(RD)->getCanonicalDecl())
      return true;
  }
  return false;
}

bool has_member(const CXXRecordDecl *RD, llvm::StringRef Name) {
  if (!RD->hasDefinition())
    return false;
  for (const Decl *D : RD->decls())
    if (const auto *N = dyn_cast<NamedDecl>(D))
      if (N->getIdentifier() && N->getName() == Name &&
          (isa<CXXMethodDecl>(N) || isa<FunctionTemplateDecl>(N)))
        return true;
  return false;
}

bool is_stream(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return false;
  if (record_name(RD) == "std::ios_base")
    return true;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (is_stream(Base.getType()->getAsCXXRecordDecl()))
      return true;
  for (const CXXBaseSpecifier &Base : RD->vbases())
    if (is_stream(Base.getType()->getAsCXXRecordDecl()))
      return true;
  return false;
}

/// What happens to a value of type \p T sent to a worker process, or "" if
/// the codec sends it faithfully. Mirrors detail::kind_of / is_serializable.
std::string why_not_serializable(QualType T, ASTContext &Ctx, int Depth = 0) {
  if (T.isNull() || T->isDependentType() || Depth > 8)
    return {};
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (T->isArithmeticType() || T->isEnumeralType() || T->isNullPtrType())
    return {};
  if (T->isMemberPointerType())
    return "is a member pointer: it needs an object, which lives in this process";
  if (const auto *PT = T->getAs<PointerType>()) {
    QualType Pointee = PT->getPointeeType();
    if (Pointee->isFunctionType())
      return "is a function pointer: code addresses are not sent; pass the function as the task "
             "and its data as arguments";
    if (const CXXRecordDecl *RD = Pointee->getAsCXXRecordDecl();
        RD && RD->getIdentifier() && (RD->getName() == "_IO_FILE" || RD->getName() == "FILE"))
      return "is a FILE* handle of this process's stdio: the worker has no such stream; send the "
             "path (or the contents) and open it in the task";
    return "is a raw pointer: the address means nothing in the worker process, and what the "
           "worker writes through it is lost; send the value (or a std::vector/std::optional) "
           "and return the result";
  }
  if (T->isArrayType())
    return "is a C array, which the codec does not send; use std::array or std::vector";
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return {};
  if (RD->isLambda())
    return "is a lambda: its captures live in this process";
  if (RD->isUnion())
    return "is a union, whose active member the codec cannot know; use std::variant";
  if (has_member(RD, "serialize") || has_free_serialize(RD, Ctx))
    return {};
  std::string Name = record_name(RD);
  auto Elements = [&](std::initializer_list<unsigned> Indexes) -> std::string {
    for (unsigned I : Indexes) {
      QualType Arg;
      if (!template_arg_type(RD, I, Arg))
        continue;
      std::string Inner = why_not_serializable(Arg, Ctx, Depth + 1);
      if (!Inner.empty())
        return "holds '" + Arg.getAsString(Ctx.getPrintingPolicy()) + "', which " + Inner;
    }
    return {};
  };
  if (is_std(RD)) {
    if (Name == "std::basic_string" || Name == "std::monostate" ||
        Name == "std::chrono::duration" || Name == "std::chrono::time_point")
      return {};
    if (Name == "std::vector" || Name == "std::deque" || Name == "std::list" ||
        Name == "std::set" || Name == "std::multiset" || Name == "std::unordered_set" ||
        Name == "std::unordered_multiset" || Name == "std::optional" || Name == "std::array")
      return Elements({0});
    if (Name == "std::map" || Name == "std::multimap" || Name == "std::unordered_map" ||
        Name == "std::unordered_multimap" || Name == "std::pair")
      return Elements({0, 1});
    if (Name == "std::tuple" || Name == "std::variant") {
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
        for (const TemplateArgument &Pack : Spec->getTemplateArgs().asArray())
          if (Pack.getKind() == TemplateArgument::Pack)
            for (const TemplateArgument &A : Pack.pack_elements())
              if (A.getKind() == TemplateArgument::Type) {
                std::string Inner = why_not_serializable(A.getAsType(), Ctx, Depth + 1);
                if (!Inner.empty())
                  return "holds '" + A.getAsType().getAsString(Ctx.getPrintingPolicy()) +
                         "', which " + Inner;
              }
      return {};
    }
    if (Name == "std::shared_ptr" || Name == "std::unique_ptr" || Name == "std::weak_ptr")
      return "is a smart pointer: the worker gets its own copy of the object, so sharing (and "
             "every write to it) does not survive the trip; send the value and return the result";
    if (Name == "std::function" || Name == "std::move_only_function")
      return "is a std::function: it holds code and captured state that cannot be copied to "
             "another process";
    if (Name == "std::basic_string_view" || Name == "std::span")
      return "is a view that does not own its bytes; send std::string or std::vector";
    if (Name == "std::reference_wrapper")
      return "is a reference (std::ref): the worker gets a copy, so its writes are lost; pass the "
             "value and return what changed";
    if (is_stream(RD))
      return "is a stream: it owns an OS handle and buffers of this process; send the path or the "
             "contents (std::string) instead";
    if (Name == "std::mutex" || Name == "std::recursive_mutex" || Name == "std::timed_mutex" ||
        Name == "std::shared_mutex" || Name == "std::condition_variable" ||
        Name == "std::thread" || Name == "std::jthread" || Name == "std::atomic" ||
        Name == "std::atomic_flag" || Name == "std::future" || Name == "std::promise" ||
        Name == "std::shared_future" || Name == "std::counting_semaphore" ||
        Name == "std::latch" || Name == "std::barrier")
      return "is a " + Name + ", which only means something in this process (the worker would "
             "synchronise with nobody); keep it in the parent and send plain data";
    return "is " + Name + ", which the process codec cannot serialize";
  }
  if (is_stream(RD))
    return "is a stream: it owns an OS handle and buffers of this process; send the path or the "
           "contents (std::string) instead";
  if (RD->isAggregate()) {
    if (RD->getNumBases() > 0)
      return "is an aggregate with base classes, which the codec does not serialize; give it "
             "serialize(Archive&)";
    for (const FieldDecl *Field : RD->fields()) {
      std::string Inner = why_not_serializable(Field->getType(), Ctx, Depth + 1);
      if (!Inner.empty())
        return "has field '" + Field->getName().str() + "', which " + Inner;
    }
    return {};
  }
  for (const CXXMethodDecl *M : RD->methods())
    if (M->getOverloadedOperator() == OO_Call)
      return "is a function object: its state and code stay in this process";
  return "is a class with constructors or private state and no serialize(): the codec cannot "
         "send it; make it an aggregate of serializable fields or give it `template <class "
         "Archive> void serialize(Archive& ar)`";
}

} // namespace

struct NonserializableProcessArgumentCheck::Analysis {
  NonserializableProcessArgumentCheck &Check;
  ASTContext &Ctx;
  const CallExpr *Call;
  std::string Api;
  const FunctionDecl *Enclosing = nullptr;

  bool report_once(SourceLocation Loc) { return Check.Reported.insert(Loc.getRawEncoding()).second; }

  /// The call that produced the value of integer variable \p V, if it is a
  /// descriptor function (int fd = open(...); or fd = socket(...);).
  std::string descriptor_source(const Expr *Arg) {
    Arg = strip(Arg);
    auto FromCall = [&](const Expr *E) -> std::string {
      if (!E)
        return {};
      if (const auto *C = dyn_cast<CallExpr>(strip(E)))
        if (const FunctionDecl *F = C->getDirectCallee(); F && F->getIdentifier())
          if (llvm::is_contained(Check.DescriptorFunctions, F->getName()))
            return F->getName().str();
      return {};
    };
    if (std::string Direct = FromCall(Arg); !Direct.empty())
      return Direct;
    const auto *Ref = dyn_cast<DeclRefExpr>(Arg);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Var || !Var->getType()->isIntegerType())
      return {};
    if (std::string Init = FromCall(Var->getInit()); !Init.empty())
      return Init;
    // An assignment in the same function.
    if (!Enclosing || !Enclosing->getBody())
      return {};
    std::string Found;
    std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
      if (!S || !Found.empty())
        return;
      if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->getOpcode() == BO_Assign)
        if (const auto *L = dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParenImpCasts());
            L && L->getDecl() == Var)
          Found = FromCall(B->getRHS());
      for (const Stmt *Child : S->children())
        Visit(Child);
    };
    Visit(Enclosing->getBody());
    return Found;
  }

  void argument(const Expr *Arg, unsigned Position, QualType Encoded, const ParmVarDecl *Param) {
    if (!Arg)
      return;
    SourceLocation Loc = Arg->getBeginLoc();
    std::string Which = "argument " + std::to_string(Position) + " of '" + Api + "'";
    if (std::string Source = descriptor_source(Arg); !Source.empty()) {
      if (report_once(Loc))
        Check.diag(Loc, "%0 is a file descriptor from '%1': the number only means something in "
                        "this process, the worker has no such descriptor; send the path (or the "
                        "data) and open it in the task")
            << Which << Source;
      return;
    }
    if (Param && Param->getType()->isLValueReferenceType() &&
        !Param->getType().getNonReferenceType().isConstQualified())
      return; // reported on the task's parameter
    const Expr *Stripped = strip(Arg);
    QualType Written = Stripped->getType();
    // std::ref(x): a reference whatever the task takes.
    std::string Why;
    if (const CXXRecordDecl *RD = Written->getAsCXXRecordDecl();
        RD && record_name(RD) == "std::reference_wrapper")
      Why = why_not_serializable(Written, Ctx);
    if (Why.empty())
      Why = why_not_serializable(Encoded.isNull() ? Written : Encoded, Ctx);
    // A string literal converts to the std::string the task takes.
    if (Why.empty() || !report_once(Loc))
      return;
    Check.diag(Loc, "%0 %1") << Which << Why;
  }

  /// The task's own problems: non-const reference parameters and writes to
  /// globals or statics (through its body and cheap callees).
  void task_function(const FunctionDecl *F, SourceLocation TaskLoc) {
    if (!F)
      return;
    for (const ParmVarDecl *P : F->parameters())
      if (P->getType()->isLValueReferenceType() &&
          !P->getType().getNonReferenceType().isConstQualified() &&
          !P->getType()->isDependentType()) {
        {
          Check.diag(TaskLoc, "task '%0' takes '%1' by non-const reference: the worker process "
                              "changes its own copy and the write is lost; take it by value or "
                              "const& and return what changed")
              << display_name(F) << P->getName();
          Check.diag(P->getLocation(), "parameter declared here", DiagnosticIDs::Note);
        }
        break;
      }
    llvm::SmallPtrSet<const FunctionDecl *, 8> Visited;
    const VarDecl *Global = nullptr;
    SourceLocation Where;
    const FunctionDecl *In = nullptr;
    find_global_write(F, 0, Visited, Global, Where, In);
    if (!Global)
      return;
    std::string Kind = Global->isStaticLocal() ? "static"
                       : Global->isStaticDataMember() ? "static member"
                                                      : "global";
    std::string Through = In == F ? "" : " (in '" + display_name(In) + "')";
    Check.diag(TaskLoc, "task '%0' writes %1 '%2'%3, but it runs in a worker process: the update "
                        "stays in the worker and the parent never sees it; return the value from "
                        "the task and combine the results in the parent")
        << display_name(F) << Kind << Global->getName() << Through;
    Check.diag(Where, "'%0' is written here", DiagnosticIDs::Note) << Global->getName();
  }

  static const VarDecl *written_global(const Expr *Target) {
    for (int Guard = 0; Target && Guard < 16; ++Guard) {
      Target = Target->IgnoreParenImpCasts();
      if (const auto *Member = dyn_cast<MemberExpr>(Target)) {
        if (const auto *Static = dyn_cast<VarDecl>(Member->getMemberDecl()))
          return Static;
        Target = Member->getBase();
        continue;
      }
      if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(Target)) {
        Target = Sub->getBase();
        continue;
      }
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Target);
          Op && Op->getOperator() == OO_Subscript) {
        Target = Op->getArg(0);
        continue;
      }
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Target))
        return dyn_cast<VarDecl>(Ref->getDecl());
      return nullptr;
    }
    return nullptr;
  }

  static bool reportable_global(const VarDecl *V) {
    if (!V || !V->hasGlobalStorage() || V->getTLSKind() != VarDecl::TLS_None)
      return false;
    if (V->getType().isConstQualified() || V->isInStdNamespace())
      return false;
    if (const CXXRecordDecl *RD = V->getType()->getAsCXXRecordDecl(); RD && is_stream(RD))
      return false; // std::cout and friends write to an inherited descriptor
    const SourceManager &SM = V->getASTContext().getSourceManager();
    return !SM.isInSystemHeader(SM.getExpansionLoc(V->getLocation()));
  }

  void find_global_write(const FunctionDecl *F, int Depth,
                         llvm::SmallPtrSetImpl<const FunctionDecl *> &Visited,
                         const VarDecl *&Global, SourceLocation &Where, const FunctionDecl *&In) {
    const FunctionDecl *Def = nullptr;
    if (!F || !F->hasBody(Def) || !Def || !Visited.insert(Def).second)
      return;
    const SourceManager &SM = Ctx.getSourceManager();
    if (SM.isInSystemHeader(SM.getExpansionLoc(Def->getLocation())))
      return;
    std::vector<const FunctionDecl *> Callees;
    std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
      if (!S || Global)
        return;
      if (isa<LambdaExpr>(S))
        return;
      const VarDecl *Target = nullptr;
      if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->isAssignmentOp())
        Target = written_global(B->getLHS());
      else if (const auto *U = dyn_cast<UnaryOperator>(S); U && U->isIncrementDecrementOp())
        Target = written_global(U->getSubExpr());
      else if (const auto *M = dyn_cast<CXXMemberCallExpr>(S)) {
        if (const CXXMethodDecl *Method = M->getMethodDecl(); Method && !Method->isConst())
          Target = written_global(M->getImplicitObjectArgument());
      } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
        if (Op->isAssignmentOp() || Op->getOperator() == OO_PlusPlus ||
            Op->getOperator() == OO_MinusMinus)
          Target = written_global(Op->getArg(0));
      }
      if (reportable_global(Target)) {
        Global = Target;
        Where = S->getBeginLoc();
        In = Def;
        return;
      }
      if (const auto *C = dyn_cast<CallExpr>(S))
        if (const FunctionDecl *Callee = C->getDirectCallee())
          Callees.push_back(Callee);
      for (const Stmt *Child : S->children())
        Visit(Child);
    };
    Visit(Def->getBody());
    if (Global || Depth >= Check.CalleeDepth)
      return;
    for (const FunctionDecl *Callee : Callees) {
      find_global_write(Callee, Depth + 1, Visited, Global, Where, In);
      if (Global)
        return;
    }
  }

  /// A capturing lambda written in place becomes a capture-less one taking
  /// the captured values as leading parameters, passed after it:
  /// submit([n, s] (int k) {...}, k) -> submit([] (int n, std::string s, int k) {...}, n, s, k).
  /// Only when every capture is a by-copy capture of a local whose type the
  /// codec sends, so the task sees the same values.
  std::optional<std::vector<FixItHint>> capture_fix(const LambdaExpr *L, bool CanAddArguments) {
    if (!CanAddArguments || L->getBeginLoc().isMacroID() || L->getEndLoc().isMacroID() ||
        L->isGenericLambda())
      return std::nullopt;
    std::string Params, Args;
    for (const LambdaCapture &C : L->captures()) {
      if (!C.capturesVariable() || C.getCaptureKind() != LCK_ByCopy)
        return std::nullopt;
      const auto *V = dyn_cast<VarDecl>(C.getCapturedVar());
      if (!V || L->isInitCapture(&C) || !V->getIdentifier())
        return std::nullopt;
      QualType T = V->getType().getNonReferenceType().getUnqualifiedType();
      if (T->getContainedAutoType() || T->isDependentType() ||
          !why_not_serializable(T, Ctx).empty())
        return std::nullopt;
      PrintingPolicy Policy = Ctx.getPrintingPolicy();
      Policy.SuppressTagKeyword = true;
      std::string Type = T.getAsString(Policy);
      if (Type.find("(lambda") != std::string::npos || Type.find("anonymous") != std::string::npos)
        return std::nullopt;
      Params += (Params.empty() ? "" : ", ") + Type + " " + V->getName().str();
      Args += ", " + V->getName().str();
    }
    if (Params.empty())
      return std::nullopt;
    const SourceManager &SM = Ctx.getSourceManager();
    std::vector<FixItHint> Fixes;
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(L->getIntroducerRange()), "[]"));
    const CXXMethodDecl *Op = L->getCallOperator();
    if (L->hasExplicitParameters()) {
      TypeSourceInfo *TSI = Op->getTypeSourceInfo();
      if (!TSI)
        return std::nullopt;
      auto FTL = TSI->getTypeLoc().getAsAdjusted<FunctionTypeLoc>();
      if (!FTL || FTL.getLParenLoc().isMacroID())
        return std::nullopt;
      SourceLocation After = FTL.getLParenLoc().getLocWithOffset(1);
      Fixes.push_back(FixItHint::CreateInsertion(
          After, Params + (Op->getNumParams() > 0 ? ", " : "")));
    } else {
      SourceLocation After = Lexer::getLocForEndOfToken(L->getIntroducerRange().getEnd(), 0, SM,
                                                        Ctx.getLangOpts());
      Fixes.push_back(FixItHint::CreateInsertion(After, "(" + Params + ")"));
    }
    SourceLocation End = Lexer::getLocForEndOfToken(L->getEndLoc(), 0, SM, Ctx.getLangOpts());
    if (End.isInvalid())
      return std::nullopt;
    Fixes.push_back(FixItHint::CreateInsertion(End, Args));
    return Fixes;
  }

  /// The task argument: what runs in the worker.
  const FunctionDecl *task(const Expr *TaskArg, bool CanAddArguments) {
    const Expr *E = strip(TaskArg);
    SourceLocation Loc = TaskArg->getBeginLoc();
    const LambdaExpr *Lambda = dyn_cast<LambdaExpr>(E);
    bool Written = Lambda != nullptr;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *F = dyn_cast<FunctionDecl>(Ref->getDecl()))
        return F;
      if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
        if (V->getInit() && V->getType()->getAsCXXRecordDecl() &&
            V->getType()->getAsCXXRecordDecl()->isLambda())
          Lambda = dyn_cast<LambdaExpr>(strip(V->getInit()));
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_AddrOf) {
      if (const auto *Ref = dyn_cast<DeclRefExpr>(U->getSubExpr()->IgnoreParens())) {
        if (isa<CXXMethodDecl>(Ref->getDecl()) &&
            !cast<CXXMethodDecl>(Ref->getDecl())->isStatic()) {
          if (report_once(Loc))
            Check.diag(Loc, "member function pointer passed to '%0': it needs an object, and the "
                            "object lives in this process; write a free function that takes the "
                            "object's data as a (serializable) argument")
                << Api;
          return nullptr;
        }
        if (const auto *F = dyn_cast<FunctionDecl>(Ref->getDecl()))
          return F;
      }
    }
    if (Lambda) {
      if (Lambda->capture_size() == 0)
        return Lambda->getCallOperator();
      if (!report_once(Loc))
        return nullptr;
      std::vector<std::string> Names;
      for (const LambdaCapture &C : Lambda->captures())
        Names.push_back(C.capturesThis()       ? "this"
                        : C.capturesVariable() ? C.getCapturedVar()->getName().str()
                                               : "...");
      auto Fix = Written ? capture_fix(Lambda, CanAddArguments) : std::nullopt;
      {
        auto D = Check.diag(Loc, "capturing lambda passed to '%0' cannot run in a worker process: "
                                 "its captures (%1) live in this process's memory; write a "
                                 "capture-less lambda or a named function and pass the values "
                                 "as arguments")
                 << Api << llvm::join(Names, ", ");
        if (Fix)
          for (const FixItHint &H : *Fix)
            D << H;
      }
      if (!Fix)
        Check.diag(Lambda->getBeginLoc(),
                   CanAddArguments
                       ? "no automatic fix: a capture is by reference, of 'this', initialised "
                         "in place or of a type the codec cannot send, so passing it by value "
                         "would change what the task sees"
                       : "no automatic fix: map() passes exactly one item to the task, so "
                         "captured values cannot become extra arguments",
                   DiagnosticIDs::Note);
      return nullptr;
    }
    QualType T = E->getType();
    if (T->isMemberPointerType()) {
      if (report_once(Loc))
        Check.diag(Loc, "member pointer passed to '%0': it needs an object, and the object lives "
                        "in this process; write a free function that takes the object's data as "
                        "an argument")
            << Api;
      return nullptr;
    }
    if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl()) {
      std::string Name = record_name(RD);
      if (Name == "std::function" || Name == "std::move_only_function") {
        if (report_once(Loc))
          Check.diag(Loc, "std::function passed to '%0' cannot run in a worker process: it erases "
                          "which function it holds (and may hold captured state); pass the plain "
                          "function or a capture-less lambda itself")
              << Api;
        return nullptr;
      }
      if (RD->hasDefinition() && !RD->isLambda())
        for (const CXXMethodDecl *M : RD->methods())
          if (M->getOverloadedOperator() == OO_Call) {
            if (report_once(Loc))
              Check.diag(Loc, "function object of type '%0' passed to '%1' cannot run in a worker "
                              "process: its state and code stay in this process; pass a plain "
                              "function and its data as arguments")
                  << T.getUnqualifiedType().getAsString(Ctx.getPrintingPolicy()) << Api;
            return nullptr;
          }
    }
    if (const auto *PT = T->getAs<PointerType>(); PT && PT->getPointeeType()->isFunctionType())
      if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
        if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()); V && V->getInit())
          if (const auto *Init = dyn_cast<DeclRefExpr>(strip(V->getInit())))
            return dyn_cast<FunctionDecl>(Init->getDecl());
    return nullptr;
  }

  void run() {
    const FunctionDecl *Callee = Call->getDirectCallee();
    unsigned TaskIndex = Api == "boundwise::run_in_process_on" ? 1 : 0;
    if (Call->getNumArgs() <= TaskIndex)
      return;
    bool IsMap = Api == "boundwise::ProcessPool::map";
    const Expr *TaskArg = Call->getArg(TaskIndex);
    const FunctionDecl *Task = task(TaskArg, !IsMap);
    // The task's parameters say what the worker decodes.
    const FunctionDecl *TaskDef = Task;
    task_function(Task, TaskArg->getBeginLoc());
    auto ParamType = [&](unsigned I) -> const ParmVarDecl * {
      if (!TaskDef || I >= TaskDef->getNumParams())
        return nullptr;
      const ParmVarDecl *P = TaskDef->getParamDecl(I);
      if (P->getType()->isDependentType() || P->getType()->getContainedAutoType())
        return nullptr;
      return P;
    };
    (void)Callee;
    if (IsMap) {
      if (Call->getNumArgs() <= TaskIndex + 1)
        return;
      const Expr *Items = Call->getArg(TaskIndex + 1);
      QualType Range = strip(Items)->getType().getNonReferenceType();
      QualType Element;
      if (const auto *Array = Ctx.getAsArrayType(Range))
        Element = Array->getElementType();
      else if (const CXXRecordDecl *RD = Range->getAsCXXRecordDecl(); RD && RD->hasDefinition())
        for (const NamedDecl *D : RD->lookup(&Ctx.Idents.get("value_type")))
          if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
            Element = TD->getUnderlyingType();
      const ParmVarDecl *P = ParamType(0);
      QualType Encoded = P ? P->getType() : Element;
      if (Encoded.isNull())
        return;
      std::string Why = why_not_serializable(Encoded, Ctx);
      if (!Why.empty() && report_once(Items->getBeginLoc()))
        Check.diag(Items->getBeginLoc(), "the items passed to '%0' are sent to worker processes, "
                                         "but each '%1' %2")
            << Api << Encoded.getNonReferenceType().getUnqualifiedType().getAsString(
                          Ctx.getPrintingPolicy())
            << Why;
      return;
    }
    for (unsigned I = TaskIndex + 1; I < Call->getNumArgs(); ++I) {
      const Expr *Arg = Call->getArg(I);
      if (isa<CXXDefaultArgExpr>(Arg))
        break;
      const ParmVarDecl *P = ParamType(I - TaskIndex - 1);
      argument(Arg, I - TaskIndex, P ? P->getType() : QualType(), P);
    }
  }
};

void NonserializableProcessArgumentCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return;
  std::string Api = api_name(Callee);
  bool Process = Api == "boundwise::run_in_process" || Api == "boundwise::run_in_process_on";
  if (const ExecutorApi *Executor = installed_knowledge().executor(Api))
    Process |= Executor->Kind == ExecutorKind::ProcessPool;
  if (!Process)
    return;
  // The function the spawn is written in (for `fd = open(...)` before it).
  const FunctionDecl *Enclosing = nullptr;
  auto Parents = Result.Context->getParents(*Call);
  for (int Depth = 0; Depth < 64 && !Parents.empty(); ++Depth) {
    if ((Enclosing = Parents[0].get<FunctionDecl>()))
      break;
    if (const auto *L = Parents[0].get<LambdaExpr>()) {
      Enclosing = L->getCallOperator();
      break;
    }
    Parents = Result.Context->getParents(Parents[0]);
  }
  Analysis A{*this, *Result.Context, Call, Api, Enclosing};
  A.run();
}

} // namespace boundwise
