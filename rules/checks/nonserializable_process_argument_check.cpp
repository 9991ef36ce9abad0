// Finds what is handed to boundwise::ProcessPool::submit/map and
// boundwise::run_in_process that cannot or should not cross a process
// boundary: callables with state (capturing lambdas, std::function, function
// objects, member pointers), pointers and references whose writes the parent
// never sees, handles that only mean something in the parent (file
// descriptors, FILE*, streams, mutexes, threads, smart pointers), types the
// runtime's codec (codec.hpp) cannot serialize, and tasks that write globals
// or statics. The type rules mirror detail::kind_of in codec_traits.hpp.
// A capture-less lambda task can be moved into a named static function
// (fix-it on a note, or on its own warning with SuggestNamedFunctions).
#include "nonserializable_process_argument_check.h"

#include "call_effects.h"

#include "../program_facts.h"
#include "../summary_builder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
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
      CalleeDepthText(Options.get("CalleeDepth", "2")),
      SuggestNamedFunctionsText(Options.get("SuggestNamedFunctions", "false")) {
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
  llvm::StringRef Suggest = llvm::StringRef(SuggestNamedFunctionsText).trim();
  if (Suggest.equals_insensitive("true") || Suggest == "1")
    SuggestNamedFunctions = true;
  else if (!Suggest.equals_insensitive("false") && Suggest != "0")
    configurationDiag("invalid SuggestNamedFunctions '%0': expected true or false; using false")
        << SuggestNamedFunctionsText;
}

void NonserializableProcessArgumentCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "DescriptorFunctions", DescriptorFunctionsText);
  Options.store(Opts, "CalleeDepth", CalleeDepthText);
  Options.store(Opts, "SuggestNamedFunctions", SuggestNamedFunctionsText);
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

/// Whether a lambda body moved out of its function would still mean the same:
/// it may name only its own parameters and variables, and entities declared
/// outside the enclosing function and outside any class (or public members
/// named with a qualifier). Anything local to the enclosing function (its
/// variables, static locals, local types, typedefs and enumerators), class
/// members found by class-scope lookup, non-public members, `this` and
/// __func__ keep the lambda where it is.
class LocalNameFinder : public RecursiveASTVisitor<LocalNameFinder> {
public:
  LocalNameFinder(const CXXMethodDecl *Op, const FunctionDecl *Enclosing, bool InClass)
      : Op(Op), Enclosing(Enclosing), InClass(InClass) {}
  bool Bad = false;

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    // An operator is found through its operands' types, not by class-scope
    // lookup of the enclosing class: as good as qualified.
    const auto *Method = dyn_cast<CXXMethodDecl>(E->getDecl());
    bool Operator = Method && (Method->isOverloadedOperator() || isa<CXXConversionDecl>(Method));
    return check(E->getDecl(), E->hasQualifier() || Operator);
  }
  bool VisitMemberExpr(MemberExpr *E) { return check(E->getMemberDecl(), /*Qualified=*/true); }
  bool VisitCXXThisExpr(CXXThisExpr *) { return fail(); }
  bool VisitPredefinedExpr(PredefinedExpr *) { return fail(); }
  bool VisitTypeLoc(TypeLoc TL) {
    const Type *T = TL.getTypePtr();
    if (const auto *Tag = dyn_cast<TagType>(T))
      return check(Tag->getDecl(), false);
    if (const auto *Typedef = dyn_cast<TypedefType>(T))
      return check(Typedef->getDecl(), false);
    if (const auto *Using = dyn_cast<UsingType>(T))
      return check(Using->getFoundDecl(), false);
    if (const auto *Injected = dyn_cast<InjectedClassNameType>(T))
      return check(Injected->getDecl(), false);
    if (const auto *Spec = dyn_cast<TemplateSpecializationType>(T))
      return check(Spec->getTemplateName().getAsTemplateDecl(), false);
    return true;
  }

private:
  const CXXMethodDecl *Op;
  const FunctionDecl *Enclosing;
  bool InClass;

  bool fail() {
    Bad = true;
    return false;
  }
  static bool non_public(const Decl *D) {
    return D->getAccess() == AS_private || D->getAccess() == AS_protected;
  }
  bool check(const NamedDecl *D, bool Qualified) {
    if (!D)
      return true;
    const DeclContext *DC = D->getDeclContext();
    if (Op->Encloses(DC))
      return true; // the lambda's parameters and its own locals
    if (Enclosing->Encloses(DC))
      return fail(); // local to the enclosing function
    if (non_public(D))
      return fail();
    for (const DeclContext *C = DC; C; C = C->getParent())
      if (const auto *RD = dyn_cast<CXXRecordDecl>(C)) {
        if ((InClass && !Qualified) || non_public(RD))
          return fail();
      }
    return true;
  }
};

} // namespace

struct NonserializableProcessArgumentCheck::Analysis {
  NonserializableProcessArgumentCheck &Check;
  ASTContext &Ctx;
  const CallExpr *Call;
  std::string Api;
  const FunctionDecl *Enclosing = nullptr;
  /// The capture-less lambda written in place as the task (set by task()),
  /// and what a named function would replace: the lambda, or `+lambda`.
  const LambdaExpr *InPlaceLambda = nullptr;
  SourceRange InPlaceRange;

  bool report_once(SourceLocation Loc) { return Check.Reported.insert(Loc.getRawEncoding()).second; }

  std::string source_text(CharSourceRange Range) {
    bool Invalid = false;
    llvm::StringRef Text =
        Lexer::getSourceText(Range, Ctx.getSourceManager(), Ctx.getLangOpts(), &Invalid);
    return Invalid ? std::string() : Text.str();
  }

  /// \p At, or the start of the comment lines right above its line (no blank
  /// line between): a declaration's comment stays with the declaration.
  SourceLocation above_comments(SourceLocation At) {
    const SourceManager &SM = Ctx.getSourceManager();
    auto [File, Offset] = SM.getDecomposedLoc(At);
    llvm::StringRef Buffer = SM.getBufferData(File);
    size_t LineStart = Buffer.rfind('\n', Offset); // searches before Offset
    LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
    if (!Buffer.slice(LineStart, Offset).trim().empty())
      return At; // something else precedes the declaration on its line
    size_t Start = LineStart;
    bool InBlock = false;
    while (Start > 0) {
      size_t PrevStart = Buffer.rfind('\n', Start - 1); // the line ending at Start - 1
      PrevStart = PrevStart == llvm::StringRef::npos ? 0 : PrevStart + 1;
      llvm::StringRef Line = Buffer.slice(PrevStart, Start - 1).trim();
      bool Comment = InBlock ? true : (Line.starts_with("//") || Line.ends_with("*/"));
      if (!Comment || Line.empty())
        break;
      if (!InBlock && Line.ends_with("*/") && !Line.starts_with("/*"))
        InBlock = true; // the end of a block comment: go up to its start
      if (InBlock && Line.starts_with("/*"))
        InBlock = false;
      Start = PrevStart;
    }
    if (InBlock)
      return At;
    return SM.getComposedLoc(File, static_cast<unsigned>(Start));
  }

  /// A name for the new function: `<enclosing function>_task` for the first
  /// lambda written in the function, `_k` added for the k-th (so the name does
  /// not depend on the order findings are made in), then the next free number
  /// while an identifier of this translation unit, or a name an earlier
  /// fix-it of this TU introduced, is spelled that way.
  std::string fresh_name(const FunctionDecl *Enc, const LambdaExpr *L) {
    int Ordinal = 0, Seen = 0;
    std::function<void(const Stmt *)> Count = [&](const Stmt *S) {
      if (!S || Ordinal)
        return;
      if (isa<LambdaExpr>(S) && ++Seen && S == L)
        Ordinal = Seen;
      for (const Stmt *Child : S->children())
        Count(Child);
    };
    Count(Enc->getBody());
    std::string Base = "process";
    if (Enc->getIdentifier())
      Base = Enc->getName().str();
    else if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Enc);
             Ctor && Ctor->getParent()->getIdentifier())
      Base = Ctor->getParent()->getName().str();
    Base += "_task";
    for (int I = std::max(Ordinal, 1); I < 1000; ++I) {
      std::string Name = I == 1 ? Base : Base + "_" + std::to_string(I);
      if (Ctx.Idents.find(Name) == Ctx.Idents.end() && !Check.NamesGiven.contains(Name))
        return Name;
    }
    return {};
  }

  /// Turns the capture-less lambda \p L (written in place, spanning \p
  /// Replace) into a static function inserted before the enclosing top-level
  /// declaration, and the lambda into that function's name:
  ///   pool.submit([](int x) { return x * 2; }, n)
  ///   -> static auto run_task(int x) { return x * 2; } ... pool.submit(run_task, n)
  /// Only when the function means exactly what the lambda meant: an empty
  /// capture list (no capture-default either), not generic, not a coroutine,
  /// nothing but `mutable`, `noexcept` and `-> T` after the parameters, not
  /// in a macro, in the main file, written directly in a function that is no
  /// template (or instantiation), lambda or member of a local class, and a
  /// body that names nothing local to that function (LocalNameFinder).
  std::optional<std::vector<FixItHint>> named_function_fix(const LambdaExpr *L, SourceRange Replace,
                                                           std::string &Name) {
    const SourceManager &SM = Ctx.getSourceManager();
    const LangOptions &LO = Ctx.getLangOpts();
    if (!L || L->capture_size() != 0 || L->getCaptureDefault() != LCD_None ||
        L->isGenericLambda() || !L->getExplicitTemplateParameters().empty())
      return std::nullopt;
    if (Replace.getBegin().isMacroID() || Replace.getEnd().isMacroID() ||
        L->getBeginLoc().isMacroID() || L->getEndLoc().isMacroID() ||
        !SM.isInMainFile(Replace.getBegin()))
      return std::nullopt;
    const CXXMethodDecl *Op = L->getCallOperator();
    const CompoundStmt *Body = L->getCompoundStmtBody();
    if (!Op || !Body || !Op->getBody() || isa<CoroutineBodyStmt>(Op->getBody()))
      return std::nullopt;
    // Where the lambda is written.
    const auto *Enc = dyn_cast<FunctionDecl>(L->getLambdaClass()->getDeclContext());
    if (!Enc || (isa<CXXMethodDecl>(Enc) && cast<CXXMethodDecl>(Enc)->getParent()->isLambda()))
      return std::nullopt;
    bool InClass = isa<CXXMethodDecl>(Enc);
    for (const DeclContext *DC = Enc; DC; DC = DC->getParent()) {
      if (DC->isDependentContext())
        return std::nullopt;
      if (const auto *F = dyn_cast<FunctionDecl>(DC);
          F && (F->getTemplatedKind() != FunctionDecl::TK_NonTemplate || (F != Enc)))
        return std::nullopt; // a template, an instantiation, or a local class's member
      if (const auto *RD = dyn_cast<CXXRecordDecl>(DC)) {
        if (isa<ClassTemplateSpecializationDecl>(RD) || RD->getTemplateInstantiationPattern() ||
            RD->isLocalClass() || RD->isLambda())
          return std::nullopt;
        InClass = true;
      }
    }
    // Local using-declarations, using-directives and namespace aliases change
    // how the body's names are found; they do not follow the body out.
    bool LocalUsing = false;
    std::function<void(const Stmt *)> FindUsing = [&](const Stmt *S) {
      if (!S || LocalUsing)
        return;
      if (const auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          if (isa<UsingDirectiveDecl, UsingDecl, UsingEnumDecl, NamespaceAliasDecl>(D))
            LocalUsing = true;
      for (const Stmt *Child : S->children())
        FindUsing(Child);
    };
    FindUsing(Enc->getBody());
    if (LocalUsing)
      return std::nullopt;
    // The top-level declaration the function goes before.
    const Decl *Top = Enc;
    for (int Guard = 0; Guard < 32; ++Guard) {
      const DeclContext *Lexical = Top->getLexicalDeclContext();
      if (!Lexical || Lexical->getRedeclContext()->isFileContext())
        break;
      const auto *Outer = dyn_cast<CXXRecordDecl>(Lexical);
      if (!Outer)
        return std::nullopt;
      InClass = true;
      Top = Outer;
    }
    if (!Top->getLexicalDeclContext()->getRedeclContext()->isFileContext())
      return std::nullopt;
    // `extern "C" void f() {...}`: before the `extern "C"`. In a braced
    // linkage block or an export block the function would need that block's
    // linkage (or names declared earlier in it): refused.
    if (const auto *Linkage = dyn_cast<LinkageSpecDecl>(Top->getLexicalDeclContext())) {
      if (Linkage->hasBraces())
        return std::nullopt;
      Top = Linkage;
    }
    if (!Top->getLexicalDeclContext()->isFileContext())
      return std::nullopt;
    SourceLocation At = Top->getBeginLoc();
    for (const Attr *A : Top->attrs())
      if (!A->isImplicit() && A->getLocation().isValid() &&
          SM.isBeforeInTranslationUnit(A->getLocation(), At))
        At = A->getLocation();
    if (const RawComment *C = Ctx.getRawCommentForDeclNoCache(Top);
        C && SM.isBeforeInTranslationUnit(C->getBeginLoc(), At))
      At = C->getBeginLoc(); // keep the declaration's comment with it
    if (At.isInvalid() || At.isMacroID() || !SM.isInMainFile(At) ||
        !SM.isBeforeInTranslationUnit(At, Replace.getBegin()))
      return std::nullopt;
    At = above_comments(At);
    LocalNameFinder Finder(Op, Enc, InClass);
    TypeSourceInfo *TSI = Op->getTypeSourceInfo();
    if (!TSI)
      return std::nullopt;
    Finder.TraverseTypeLoc(TSI->getTypeLoc());
    if (!Finder.Bad)
      Finder.TraverseStmt(const_cast<CompoundStmt *>(Body));
    if (Finder.Bad)
      return std::nullopt;
    // The declarator: parameters, then only mutable / noexcept / -> T.
    auto FTL = TSI->getTypeLoc().getAsAdjusted<FunctionProtoTypeLoc>();
    if (!FTL)
      return std::nullopt;
    std::string Params = "()";
    SourceLocation Last = L->getIntroducerRange().getEnd();
    if (L->hasExplicitParameters()) {
      SourceLocation LParen = FTL.getLParenLoc(), RParen = FTL.getRParenLoc();
      if (LParen.isInvalid() || RParen.isInvalid() || LParen.isMacroID() || RParen.isMacroID())
        return std::nullopt;
      std::optional<Token> Next = Lexer::findNextToken(Last, SM, LO);
      if (!Next || Next->getLocation() != LParen)
        return std::nullopt; // attributes or a template head before the parameters
      Params = source_text(CharSourceRange::getTokenRange(LParen, RParen));
      Last = RParen;
    }
    SourceRange Except = FTL.getExceptionSpecRange();
    SourceRange Result;
    if (L->hasExplicitResultType())
      Result = FTL.getReturnLoc().getSourceRange();
    auto Within = [&](SourceLocation Loc, SourceRange R) {
      return R.isValid() && !SM.isBeforeInTranslationUnit(Loc, R.getBegin()) &&
             !SM.isBeforeInTranslationUnit(R.getEnd(), Loc);
    };
    for (int Guard = 0;; ++Guard) {
      std::optional<Token> Next = Lexer::findNextToken(Last, SM, LO);
      if (!Next || Guard > 256 || Next->getLocation().isMacroID())
        return std::nullopt;
      SourceLocation Loc = Next->getLocation();
      if (Loc == Body->getLBracLoc())
        break;
      bool Allowed = Within(Loc, Except) || Within(Loc, Result) || Next->is(tok::arrow) ||
                     (Next->is(tok::raw_identifier) && Next->getRawIdentifier() == "mutable");
      if (!Allowed)
        return std::nullopt; // constexpr, static, attributes, a requires-clause...
      Last = Loc;
    }
    std::string Signature = Params;
    if (Except.isValid())
      Signature += " " + source_text(CharSourceRange::getTokenRange(Except));
    if (Result.isValid())
      Signature += " -> " + source_text(CharSourceRange::getTokenRange(Result));
    std::string BodyText = source_text(CharSourceRange::getTokenRange(Body->getSourceRange()));
    if (Params.empty() || BodyText.empty())
      return std::nullopt;
    // Move the body left by the indentation of the line the lambda starts on.
    unsigned Indent = 0;
    {
      auto [File, Offset] = SM.getDecomposedLoc(SM.getSpellingLoc(L->getBeginLoc()));
      llvm::StringRef Buffer = SM.getBufferData(File);
      size_t LineStart = Buffer.rfind('\n', Offset);
      LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
      while (LineStart + Indent < Buffer.size() &&
             (Buffer[LineStart + Indent] == ' ' || Buffer[LineStart + Indent] == '\t'))
        ++Indent;
    }
    std::string Dedented;
    llvm::SmallVector<llvm::StringRef, 16> Lines;
    llvm::StringRef(BodyText).split(Lines, '\n');
    for (size_t I = 0; I < Lines.size(); ++I) {
      llvm::StringRef Line = Lines[I];
      if (I > 0) {
        Dedented += '\n';
        size_t Drop = 0;
        while (Drop < Indent && Drop < Line.size() && (Line[Drop] == ' ' || Line[Drop] == '\t'))
          ++Drop;
        Line = Line.drop_front(Drop);
      }
      Dedented += Line.str();
    }
    Name = fresh_name(Enc, L);
    if (Name.empty())
      return std::nullopt;
    std::vector<FixItHint> Fixes;
    // A blank line before the function unless one is there already.
    std::string Before;
    {
      auto [File, Offset] = SM.getDecomposedLoc(At);
      llvm::StringRef Above = SM.getBufferData(File).take_front(Offset);
      if (!Above.empty() && !Above.ends_with("\n\n"))
        Before = "\n";
    }
    Fixes.push_back(FixItHint::CreateInsertion(At, Before + "static auto " + Name + Signature +
                                                       " " + Dedented + "\n\n"));
    Fixes.push_back(FixItHint::CreateReplacement(CharSourceRange::getTokenRange(Replace), Name));
    return Fixes;
  }

  /// Offers the named function for the in-place lambda task: as a note (whose
  /// fix-it clang-tidy applies with --fix-notes) after a warning about that
  /// task, or on its own as a warning when SuggestNamedFunctions is set.
  void suggest_named_function(bool AsWarning) {
    if (!InPlaceLambda)
      return;
    std::string Name;
    auto Fix = named_function_fix(InPlaceLambda, InPlaceRange, Name);
    InPlaceLambda = nullptr; // at most once per task
    if (!Fix)
      return;
    Check.NamesGiven.insert(Name);
    if (AsWarning) {
      auto D = Check.diag(InPlaceRange.getBegin(),
                          "capture-less lambda passed to '%0' can be the named function '%1': a "
                          "worker finds it either way, but a name shows in findings, stack "
                          "traces and profiles, and the task can be tested on its own")
               << Api << Name;
      for (const FixItHint &H : *Fix)
        D << H;
      return;
    }
    auto D = Check.diag(InPlaceRange.getBegin(),
                        "the lambda can become the named function '%0' (fix-it on this note)",
                        DiagnosticIDs::Note)
             << Name;
    for (const FixItHint &H : *Fix)
      D << H;
  }

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
          if (!Check.SuggestNamedFunctions)
            suggest_named_function(false);
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
    if (!Check.SuggestNamedFunctions)
      suggest_named_function(false);
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

  /// In a template, its instantiation, or a member of either.
  static bool in_template(const Decl *D) {
    for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
      if (DC->isDependentContext() || isa<ClassTemplateSpecializationDecl>(DC))
        return true;
      if (const auto *F = dyn_cast<FunctionDecl>(DC);
          F && F->getTemplatedKind() != FunctionDecl::TK_NonTemplate)
        return true;
    }
    return false;
  }

  /// What the named function replaces: the lambda, or `+lambda`.
  static SourceRange replaced_range(const Expr *TaskArg, const LambdaExpr *L) {
    const Expr *E = TaskArg;
    for (int Guard = 0; E && Guard < 16; ++Guard) {
      E = E->IgnoreParenImpCasts();
      if (E == L)
        break;
      if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_Plus)
        return strip(U->getSubExpr()) == L ? U->getSourceRange() : L->getSourceRange();
      if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
        E = M->getSubExpr();
      else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
        E = B->getSubExpr();
      else if (const auto *C = dyn_cast<ExprWithCleanups>(E))
        E = C->getSubExpr();
      else if (const auto *K = dyn_cast<CXXConstructExpr>(E); K && K->getNumArgs() == 1)
        E = K->getArg(0);
      else
        break;
    }
    return L->getSourceRange();
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
      if (Lambda->capture_size() == 0 && Lambda->getCaptureDefault() == LCD_None) {
        if (Written) {
          InPlaceLambda = Lambda;
          InPlaceRange = replaced_range(TaskArg, Lambda);
        }
        return Lambda->getCallOperator();
      }
      if (Lambda->capture_size() == 0 &&
          !Lambda->getLambdaClass()->getDeclContext()->isDependentContext()) {
        // [=] or [&] capturing nothing: no conversion to a function pointer,
        // so the runtime refuses it although nothing is captured.
        if (report_once(Loc)) {
          bool CanFix = Written && !Lambda->getIntroducerRange().getBegin().isMacroID() &&
                        !Lambda->getIntroducerRange().getEnd().isMacroID() &&
                        !in_template(Lambda->getLambdaClass());
          auto D = Check.diag(Loc, "lambda with a capture-default passed to '%0' cannot run in a "
                                   "worker process: although it captures nothing, '%1' leaves it "
                                   "without a conversion to a function pointer, so the runtime "
                                   "has no function to name; write '[]'")
                   << Api << (Lambda->getCaptureDefault() == LCD_ByCopy ? "[=]" : "[&]");
          if (CanFix)
            D << FixItHint::CreateReplacement(
                CharSourceRange::getTokenRange(Lambda->getIntroducerRange()), "[]");
        }
        return Lambda->getCallOperator();
      }
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
    if (Check.SuggestNamedFunctions)
      suggest_named_function(true);
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
  Analysis A{*this, *Result.Context, Call, Api, Enclosing, nullptr, SourceRange()};
  A.run();
}

} // namespace boundwise
