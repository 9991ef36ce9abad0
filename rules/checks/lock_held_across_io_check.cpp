// Finds blocking I/O made while a mutex is held: inside the scope of a
// lock_guard/unique_lock/scoped_lock/shared_lock, or between m.lock() and
// m.unlock() (pthread_mutex_lock and unlock too). The I/O is a knowledge-base
// API called directly or a program function whose cost the call graph puts
// in I/O, with its evidence chain. A lock released before the I/O (unlock(),
// the end of its scope, condition_variable::wait) is followed in source
// order, so narrowing the critical section silences the finding.
#include "lock_held_across_io_check.h"

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

using namespace clang;
using namespace clang::ast_matchers;

namespace boundwise {

LockHeldAcrossIoCheck::LockHeldAcrossIoCheck(llvm::StringRef Name,
                                             tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      // Read as text: the integral get<>/store<> specializations of Debian's
      // clang-tidy library do not link with GCC.
      GuardTypesText(Options.get("GuardTypes", "std::lock_guard;std::unique_lock;"
                                               "std::scoped_lock;std::shared_lock")),
      CategoriesText(Options.get("Categories", "network;disk;sleep;process;dns;ipc")) {
  GuardTypes = option_list(GuardTypesText);
  unsigned Reported = 0;
  for (const std::string &Name : option_list(CategoriesText)) {
    if (auto C = parse_category(Name); C && is_blocking(*C))
      Reported |= category_bit(*C);
    else
      configurationDiag("unknown category '%0' in Categories") << Name;
  }
  IgnoredCategories = ~Reported;
}

void LockHeldAcrossIoCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "GuardTypes", GuardTypesText);
  Options.store(Opts, "Categories", CategoriesText);
}

void LockHeldAcrossIoCheck::registerMatchers(MatchFinder *Finder) {
  std::vector<std::string> Qualified;
  for (const std::string &Name : GuardTypes)
    Qualified.push_back("::" + Name);
  std::vector<llvm::StringRef> Refs(Qualified.begin(), Qualified.end());
  auto GuardType = hasUnqualifiedDesugaredType(
      recordType(hasDeclaration(cxxRecordDecl(hasAnyName(Refs)))));
  // The lock events; each starts one forward walk over its scope.
  Finder->addMatcher(varDecl(hasLocalStorage(), unless(isExpansionInSystemHeader()),
                             hasType(GuardType))
                         .bind("guard"),
                     this);
  Finder->addMatcher(
      cxxMemberCallExpr(unless(isExpansionInSystemHeader()),
                        callee(cxxMethodDecl(hasAnyName("lock", "lock_shared"))),
                        on(expr(unless(hasType(GuardType)))))
          .bind("lock"),
      this);
  Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                              callee(functionDecl(hasAnyName(
                                  "::pthread_mutex_lock", "::pthread_rwlock_rdlock",
                                  "::pthread_rwlock_wrlock", "::pthread_spin_lock"))))
                         .bind("lock"),
                     this);
}

void LockHeldAcrossIoCheck::onEndOfTranslationUnit() {
  LocalProgram.reset();
  Reported.clear();
}

namespace {

std::string source_text(const Expr *E, const ASTContext &Ctx) {
  SourceRange R = E->getSourceRange();
  if (R.getBegin().isMacroID() || R.getEnd().isMacroID())
    return {};
  return Lexer::getSourceText(CharSourceRange::getTokenRange(R), Ctx.getSourceManager(),
                              Ctx.getLangOpts())
      .str();
}

/// A spelling of the mutex that two mentions share: `&m`, `m`, `this->m`
/// and `(m)` are the same mutex.
std::string mutex_key(const Expr *E, const ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Unary = dyn_cast<UnaryOperator>(E); Unary && Unary->getOpcode() == UO_AddrOf)
    E = Unary->getSubExpr()->IgnoreParenImpCasts();
  std::string Text = source_text(E, Ctx);
  std::string Key;
  for (char C : Text)
    if (!isspace(static_cast<unsigned char>(C)))
      Key += C;
  if (llvm::StringRef(Key).starts_with("this->"))
    Key = Key.substr(6);
  return Key;
}

bool ends_abruptly(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    return !Block->body_empty() && ends_abruptly(Block->body_back());
  if (isa<ReturnStmt>(S) || isa<BreakStmt>(S) || isa<ContinueStmt>(S) || isa<GotoStmt>(S) ||
      isa<CoreturnStmt>(S))
    return true;
  if (const auto *E = dyn_cast<Expr>(S))
    return isa<CXXThrowExpr>(E->IgnoreImplicit());
  return false;
}

} // namespace

struct LockHeldAcrossIoCheck::Walk {
  LockHeldAcrossIoCheck &Check;
  ASTContext &Ctx;
  const Program &P;
  /// The RAII guard being followed, or null for a manual lock.
  const VarDecl *Guard = nullptr;
  /// The mutex, as mutex_key spells it (manual locks).
  std::string Key;
  std::string MutexName;
  SourceLocation LockLoc;

  /// Whether \p Call releases (false), takes again (true) or leaves (nullopt) the lock.
  std::optional<bool> lock_event(const Expr *Call) const {
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      const CXXMethodDecl *Method = Member->getMethodDecl();
      if (!Method || !Method->getIdentifier())
        return std::nullopt;
      llvm::StringRef Name = Method->getName();
      const Expr *Object = Member->getImplicitObjectArgument();
      bool Same = false;
      if (Guard) {
        if (const auto *Ref = dyn_cast<DeclRefExpr>(Object->IgnoreParenImpCasts()))
          Same = Ref->getDecl() == Guard;
      } else {
        Same = mutex_key(Object, Ctx) == Key;
      }
      if (!Same)
        return std::nullopt;
      if (Name == "unlock" || Name == "unlock_shared" || Name == "release")
        return false;
      if (Name == "lock" || Name == "lock_shared" || Name == "try_lock")
        return true;
      return std::nullopt;
    }
    if (const auto *C = dyn_cast<CallExpr>(Call)) {
      const FunctionDecl *F = C->getDirectCallee();
      if (!F || !F->getIdentifier() || C->getNumArgs() == 0)
        return std::nullopt;
      llvm::StringRef Name = F->getName();
      if (Guard) {
        // std::lock(lk1, lk2) takes deferred guards.
        if (Name == "lock" && F->isInStdNamespace())
          for (const Expr *Arg : C->arguments())
            if (const auto *Ref = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts());
                Ref && Ref->getDecl() == Guard)
              return true;
        return std::nullopt;
      }
      if (mutex_key(C->getArg(0), Ctx) != Key)
        return std::nullopt;
      if (Name == "pthread_mutex_unlock" || Name == "pthread_rwlock_unlock" ||
          Name == "pthread_spin_unlock")
        return false;
      if (Name == "pthread_mutex_lock" || Name == "pthread_rwlock_rdlock" ||
          Name == "pthread_rwlock_wrlock" || Name == "pthread_spin_lock")
        return true;
    }
    return std::nullopt;
  }

  void walk(const Stmt *S, bool &Held) {
    if (!S)
      return;
    if (isa<LambdaExpr>(S))
      return; // its body runs when it is called, maybe after the unlock
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      walk(If->getInit(), Held);
      walk(If->getConditionVariableDeclStmt(), Held);
      walk(If->getCond(), Held);
      bool Then = Held, Else = Held;
      walk(If->getThen(), Then);
      walk(If->getElse(), Else);
      bool ThenOut = ends_abruptly(If->getThen()), ElseOut = ends_abruptly(If->getElse());
      Held = ThenOut ? Else : ElseOut ? Then : (Then && Else);
      return;
    }
    if (isa<ForStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S) || isa<CXXForRangeStmt>(S) ||
        isa<SwitchStmt>(S)) {
      // One pass in source order; afterwards held only if held on every path.
      bool Inside = Held;
      for (const Stmt *Child : S->children())
        walk(Child, Inside);
      Held = Held && Inside;
      return;
    }
    const auto *E = dyn_cast<Expr>(S);
    if (E && (isa<CallExpr>(E) || isa<CXXConstructExpr>(E))) {
      for (const Stmt *Child : S->children())
        walk(Child, Held);
      if (std::optional<bool> Event = lock_event(E)) {
        Held = *Event;
        return;
      }
      if (Held)
        inspect(E);
      return;
    }
    for (const Stmt *Child : S->children())
      walk(Child, Held);
  }

  void inspect(const Expr *Call) {
    std::optional<CallEffect> E = call_effect(Call, P, installed_knowledge());
    if (!E)
      return;
    SourceLocation Loc = Call->getBeginLoc();
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      if (const auto *ME = dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParenImpCasts()))
        Loc = ME->getMemberLoc();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Call))
      Loc = Construct->getLocation();
    std::string Advice =
        "narrow the critical section: copy what the I/O needs while the lock is held, release "
        "it (end the scope or call unlock()), then do the I/O";
    if (E->From == CallEffect::Source::Knowledge) {
      if (!is_blocking(E->Category) || (Check.IgnoredCategories & category_bit(E->Category)))
        return;
      if (!Check.Reported.insert(Loc.getRawEncoding()).second)
        return;
      Check.diag(Loc, "blocking I/O call '%0' [%1] while '%2' is locked: every other thread "
                      "that needs '%2' waits for it; %3")
          << E->Api << category_name(E->Category) << MutexName << Advice;
      Check.diag(LockLoc, "'%0' is locked here", DiagnosticIDs::Note) << MutexName;
      return;
    }
    if (E->From != CallEffect::Source::Program)
      return; // buffered stream operations rarely reach the device
    const FunctionFacts &F = *E->Facts;
    auto Part = blocking_part(P, F, Check.IgnoredCategories);
    if (!Part || !(Part->Micros >= MinBlockingMicros ||
                   (F.Class == WorkClass::Io && top_io_category(F.Total) == Part->Category)))
      return;
    if (!Check.Reported.insert(Loc.getRawEncoding()).second)
      return;
    Check.diag(Loc, "'%0' does blocking I/O [%1] while '%2' is locked: every other thread that "
                    "needs '%2' waits for it; %3")
        << E->Api << category_name(Part->Category) << MutexName << Advice;
    Check.diag(Loc, "'%0' blocks: %1", DiagnosticIDs::Note) << E->Api << Part->Evidence;
    Check.diag(LockLoc, "'%0' is locked here", DiagnosticIDs::Note) << MutexName;
  }
};

void LockHeldAcrossIoCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  Walk W{*this, Ctx, program_for(Ctx, LocalProgram), nullptr, {}, {}, {}};
  bool Held = true;
  const Stmt *Anchor = nullptr;
  if (const auto *Guard = Result.Nodes.getNodeAs<VarDecl>("guard")) {
    if (Guard->getDeclContext()->isDependentContext())
      return; // its instantiations are walked
    const auto *Construct =
        dyn_cast_or_null<CXXConstructExpr>(Guard->getInit() ? Guard->getInit()->IgnoreImplicit()
                                                            : nullptr);
    if (!Construct || Construct->getNumArgs() == 0)
      return; // owns no mutex yet
    const Expr *Mutex = Construct->getArg(0);
    if (Mutex->getType()->getAsCXXRecordDecl() &&
        llvm::is_contained(W.Check.GuardTypes,
                           api_name(record_pattern(Mutex->getType()->getAsCXXRecordDecl()))))
      return; // a move from another guard
    for (const Expr *Arg : Construct->arguments())
      if (const CXXRecordDecl *Tag = Arg->getType()->getAsCXXRecordDecl())
        if (Tag->getName() == "defer_lock_t")
          Held = false;
    W.Guard = Guard;
    W.MutexName = source_text(Mutex, Ctx);
    if (Construct->getNumArgs() > 1 && Guard->getType()->getAsCXXRecordDecl() &&
        Guard->getType()->getAsCXXRecordDecl()->getName() == "scoped_lock")
      W.MutexName = source_text(Construct, Ctx).empty() ? W.MutexName : W.MutexName + ", ...";
    W.LockLoc = Guard->getLocation();
    auto Parents = Ctx.getParents(*Guard);
    if (Parents.size() != 1 || !Parents[0].get<DeclStmt>())
      return;
    Anchor = Parents[0].get<DeclStmt>();
  } else if (const auto *Lock = Result.Nodes.getNodeAs<CallExpr>("lock")) {
    const Expr *Mutex = nullptr;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Lock)) {
      // A mutex has unlock() too (weak_ptr::lock() is no lock).
      const CXXMethodDecl *Method = Member->getMethodDecl();
      if (!Method || !llvm::any_of(Method->getParent()->methods(), [](const CXXMethodDecl *M) {
            return M->getIdentifier() &&
                   (M->getName() == "unlock" || M->getName() == "unlock_shared");
          }))
        return;
      Mutex = Member->getImplicitObjectArgument();
    }
    else if (Lock->getNumArgs() > 0)
      Mutex = Lock->getArg(0);
    if (!Mutex)
      return;
    W.Key = mutex_key(Mutex, Ctx);
    W.MutexName = W.Key;
    W.LockLoc = Lock->getBeginLoc();
    if (W.Key.empty())
      return;
    Anchor = Lock;
  }
  if (!Anchor || W.MutexName.empty())
    return;
  // Climb to the statement that holds the lock event, then walk what follows
  // it in its block (or the rest of the if/for/switch whose init declares it).
  const Stmt *Cur = Anchor;
  for (int Depth = 0; Depth < 4; ++Depth) {
    auto Parents = Ctx.getParents(*Cur);
    if (Parents.size() != 1)
      return;
    if (const auto *Block = Parents[0].get<CompoundStmt>()) {
      bool After = false;
      for (const Stmt *S : Block->body()) {
        if (After)
          W.walk(S, Held);
        else if (S == Cur)
          After = true;
      }
      return;
    }
    if (const auto *If = Parents[0].get<IfStmt>(); If && If->getInit() == Cur) {
      W.walk(If->getCond(), Held);
      bool Then = Held, Else = Held;
      W.walk(If->getThen(), Then);
      W.walk(If->getElse(), Else);
      return;
    }
    if (const auto *Switch = Parents[0].get<SwitchStmt>(); Switch && Switch->getInit() == Cur) {
      W.walk(Switch->getCond(), Held);
      W.walk(Switch->getBody(), Held);
      return;
    }
    if (const auto *For = Parents[0].get<ForStmt>(); For && For->getInit() == Cur) {
      W.walk(For->getCond(), Held);
      W.walk(For->getBody(), Held);
      W.walk(For->getInc(), Held);
      return;
    }
    if (!Parents[0].get<ExprWithCleanups>() && !Parents[0].get<ImplicitCastExpr>())
      return;
    Cur = Parents[0].get<Stmt>();
  }
}

} // namespace boundwise
