// Reports the data races the whole-program detector finds (race/) at the
// access in this translation unit, with the other access, the starts that
// make them concurrent and the locks held as notes. Fix-its: std::atomic<T>
// (C: _Atomic) for a global scalar that is only loaded, stored and updated;
// taking the one mutex every other access holds.
#include "unsynchronized_shared_state_check.h"

#include "check_options.h"

#include "../program_facts.h"
#include "../summary_builder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace boundwise {

UnsynchronizedSharedStateCheck::UnsynchronizedSharedStateCheck(llvm::StringRef Name,
                                                               tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      SuggestAtomic(option_flag(Options.get("SuggestAtomic", "true"), true)),
      SuggestLock(option_flag(Options.get("SuggestLock", "true"), true)),
      Includes(tidy::utils::IncludeSorter::IS_LLVM, false) {}

void UnsynchronizedSharedStateCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "SuggestAtomic", SuggestAtomic ? "true" : "false");
  Options.store(Opts, "SuggestLock", SuggestLock ? "true" : "false");
}

void UnsynchronizedSharedStateCheck::registerPPCallbacks(const SourceManager &, Preprocessor *PP,
                                                         Preprocessor *) {
  Includes.registerPreprocessor(PP);
}

void UnsynchronizedSharedStateCheck::registerMatchers(MatchFinder *Finder) {
  // The races come from the program facts; the translation unit is the anchor.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

namespace {

std::string file_name(llvm::StringRef Path) { return llvm::sys::path::filename(Path).str(); }

std::string locks_text(const std::vector<std::string> &Locks) {
  if (Locks.empty())
    return "none";
  std::vector<std::string> Quoted;
  for (const std::string &L : Locks)
    Quoted.push_back("'" + L + "'");
  return llvm::join(Quoted, ", ");
}

std::string api_name_of_type(QualType T) {
  if (const CXXRecordDecl *RD = T.getCanonicalType()->getAsCXXRecordDecl())
    return api_name(RD);
  return "";
}

bool is_openmp(const RaceSide &S) { return llvm::StringRef(S.StartApi).starts_with("omp "); }

/// Who makes the other access, as the message names it.
std::string other_party(const DataRace &R) {
  const RaceSide &O = R.Other;
  if (R.SameStart) {
    if (is_openmp(O))
      return "another thread of the same OpenMP " +
             std::string(llvm::StringRef(O.StartApi).contains("task") ? "task construct" : "region");
    return "another thread started at the same place (" + file_name(O.StartFile) + ":" +
           std::to_string(O.StartLine) + ")";
  }
  if (O.StartFile.empty())
    return "the thread that started it, in '" + O.Spawner + "' before it joins";
  if (is_openmp(O))
    return "a thread of the OpenMP region at " + file_name(O.StartFile) + ":" +
           std::to_string(O.StartLine);
  return "the thread started at " + file_name(O.StartFile) + ":" + std::to_string(O.StartLine) +
         " ('" + O.Function + "')";
}

/// std::thread::thread (a constructor) reads better as std::thread.
std::string api_spelling(llvm::StringRef Api) {
  auto [Scope, Last] = Api.rsplit("::");
  if (!Scope.empty() && Scope.rsplit("::").second == Last)
    return Scope.str();
  return Api.str();
}

std::string start_note(const RaceSide &S) {
  if (is_openmp(S))
    return "the '" + S.StartApi.substr(4) + "' region starts here; every thread of its team runs it";
  std::string Who = llvm::StringRef(S.Function).contains("(lambda at ") ? "the lambda"
                                                                        : "'" + S.Function + "'";
  std::string Text = Who + " runs on a thread started here (" + api_spelling(S.StartApi);
  if (S.StartInLoopOrPool)
    Text += ", several at once";
  return Text + ")";
}

/// The global variable a race is on, when it is declared in this file.
class GlobalFinder : public RecursiveASTVisitor<GlobalFinder> {
public:
  explicit GlobalFinder(llvm::StringRef Usr) : Usr(Usr) {}
  bool VisitVarDecl(VarDecl *V) {
    if (!Found && V->hasGlobalStorage() && !V->isStaticLocal() && usr_of(V) == Usr)
      Found = V;
    return !Found;
  }
  bool shouldVisitTemplateInstantiations() const { return false; }
  llvm::StringRef Usr;
  VarDecl *Found = nullptr;
};

/// The expression statement at \p Loc that sits directly in a block.
class StatementFinder : public RecursiveASTVisitor<StatementFinder> {
public:
  StatementFinder(const SourceManager &SM, SourceLocation Loc) : SM(SM), Loc(Loc) {}
  bool VisitCompoundStmt(CompoundStmt *Block) {
    for (Stmt *S : Block->body())
      if (isa<Expr>(S) && !S->getBeginLoc().isMacroID() &&
          SM.isPointWithin(Loc, S->getBeginLoc(), S->getEndLoc()))
        Found = cast<Expr>(S);
    return true;
  }
  const SourceManager &SM;
  SourceLocation Loc;
  const Expr *Found = nullptr;
};

} // namespace

void UnsynchronizedSharedStateCheck::check(const MatchFinder::MatchResult &Result) {
  const Program &P = program_for(*Result.Context, LocalProgram);
  if (P.races().empty())
    return;
  const SourceManager &SM = *Result.SourceManager;
  const LangOptions &Lang = Result.Context->getLangOpts();
  OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  if (!Main)
    return;
  auto Locate = [&](const std::string &File, int Line, int Column) -> SourceLocation {
    if (File.empty())
      return {};
    auto Ref = SM.getFileManager().getOptionalFileRef(File);
    if (!Ref)
      return {};
    return SM.translateFileLineCol(*Ref, Line, Column);
  };
  std::set<std::string> FixedGlobals;
  auto IsThisMainFile = [&](const std::string &File) {
    auto Ref = SM.getFileManager().getOptionalFileRef(File);
    return Ref && *Ref == *Main;
  };
  auto IsSomeMainFile = [&](const std::string &File) {
    return llvm::any_of(P.units(), [&](const TranslationUnitSummary &U) { return U.MainFile == File; });
  };
  for (const DataRace &Found : P.races()) {
    DataRace R = Found;
    // A warned access in a header would be filtered out with the header's
    // findings; when the other access is in this file, warn there instead.
    if (!IsThisMainFile(R.Warned.File) && IsThisMainFile(R.Other.File) && !IsSomeMainFile(R.Warned.File)) {
      std::swap(R.Warned, R.Other);
      R.Variable = R.Warned.Spelling;
      R.CommonLock.clear(); // computed for the other side
    }
    // Each race is reported once, by the translation unit of its warned access.
    if (!IsThisMainFile(R.Warned.File))
      continue;
    SourceLocation Where = Locate(R.Warned.File, R.Warned.Line, R.Warned.Column);
    if (Where.isInvalid())
      continue;
    std::string Locks;
    if (!R.Warned.Locks.empty() || !R.Other.Locks.empty())
      Locks = ", with no lock in common (held: " + locks_text(R.Warned.Locks) + " here, " +
              locks_text(R.Other.Locks) + " there)";
    else
      Locks = ", with no lock held";

    // Fix-its, where the right one is obvious.
    std::vector<FixItHint> Fixes;
    std::string FixNote;
    const bool Global = llvm::StringRef(R.GlobalName).starts_with("g:");
    // A mutex the program already uses for this variable keeps its invariants: prefer it.
    const bool LockFix = SuggestLock && !R.CommonLock.empty();
    if (!LockFix && SuggestAtomic && R.AtomicFixSafe && Global && !FixedGlobals.count(R.GlobalName)) {
      GlobalFinder Finder(llvm::StringRef(R.GlobalName).drop_front(2));
      Finder.TraverseDecl(Result.Context->getTranslationUnitDecl());
      VarDecl *V = Finder.Found;
      if (V && SM.isInMainFile(V->getLocation()) && !V->getLocation().isMacroID() &&
          V->getTypeSourceInfo() && !V->getType().isVolatileQualified()) {
        TypeLoc TL = V->getTypeSourceInfo()->getTypeLoc();
        std::string Type = Lexer::getSourceText(CharSourceRange::getTokenRange(TL.getSourceRange()),
                                                SM, Lang)
                               .str();
        if (!Type.empty()) {
          FixedGlobals.insert(R.GlobalName);
          if (Lang.CPlusPlus) {
            Fixes.push_back(FixItHint::CreateReplacement(
                CharSourceRange::getTokenRange(TL.getSourceRange()), "std::atomic<" + Type + ">"));
            if (auto Include = Includes.createIncludeInsertion(SM.getMainFileID(), "<atomic>"))
              Fixes.push_back(*Include);
            FixNote = "'" + V->getName().str() + "' is only loaded, stored and updated: as std::atomic<" +
                      Type + "> every access is atomic (sequentially consistent; "
                      "memory_order_relaxed is enough for a counter nothing else depends on)";
          } else {
            Fixes.push_back(FixItHint::CreateInsertion(TL.getBeginLoc(), "_Atomic "));
            FixNote = "'" + V->getName().str() + "' is only loaded, stored and updated: as _Atomic " +
                      Type + " every access is atomic (sequentially consistent)";
          }
        }
      }
    }
    if (LockFix) {
      StatementFinder Finder(SM, Where);
      Finder.TraverseDecl(Result.Context->getTranslationUnitDecl());
      FixNote = "every other access to '" + R.Variable + "' holds '" + R.CommonLock +
                "': take it here too";
      // The guard to write depends on the lock's type.
      std::string Before, After;
      for (const Decl *D : Result.Context->getTranslationUnitDecl()->decls())
        if (const auto *V = dyn_cast<VarDecl>(D); V && V->getName() == R.CommonLock) {
          std::string Type = api_name_of_type(V->getType());
          if (Lang.CPlusPlus && (Type == "std::mutex" || Type == "std::recursive_mutex" ||
                                 Type == "std::timed_mutex" || Type == "std::shared_mutex")) {
            Before = "{ std::lock_guard<" + Type + "> boundwise_guard(" + R.CommonLock + "); ";
            After = " }";
          } else if (V->getType().getAsString() == "pthread_mutex_t") {
            Before = "pthread_mutex_lock(&" + R.CommonLock + "); ";
            After = " pthread_mutex_unlock(&" + R.CommonLock + ");";
          }
        }
      if (const Expr *Statement = Finder.Found; Statement && !Before.empty()) {
        SourceLocation End = Lexer::findLocationAfterToken(Statement->getEndLoc(), tok::semi, SM, Lang,
                                                           false);
        if (End.isValid()) {
          Fixes.push_back(FixItHint::CreateInsertion(Statement->getBeginLoc(), Before));
          Fixes.push_back(FixItHint::CreateInsertion(End, After));
        }
      }
    }

    {
      auto D = diag(Where, "data race on '%0': this %1 can run at the same time as a %2 by %3%4")
               << R.Variable << (R.Warned.Write ? "write" : "read") << (R.Other.Write ? "write" : "read")
               << other_party(R) << Locks;
      for (const FixItHint &Fix : Fixes)
        D << Fix;
    }
    if (SourceLocation Other = Locate(R.Other.File, R.Other.Line, R.Other.Column); Other.isValid())
      diag(Other, "conflicting %0 of '%1' in '%2'", DiagnosticIDs::Note)
          << (R.Other.Write ? "write" : "read") << R.Other.Spelling << R.Other.Function;
    if (SourceLocation Start = Locate(R.Warned.StartFile, R.Warned.StartLine, R.Warned.StartColumn);
        Start.isValid())
      diag(Start, start_note(R.Warned), DiagnosticIDs::Note);
    if (!R.SameStart && (R.Other.StartFile != R.Warned.StartFile || R.Other.StartLine != R.Warned.StartLine))
      if (SourceLocation Start = Locate(R.Other.StartFile, R.Other.StartLine, R.Other.StartColumn);
          Start.isValid())
        diag(Start, start_note(R.Other), DiagnosticIDs::Note);
    if (!FixNote.empty())
      diag(Where, FixNote, DiagnosticIDs::Note);
  }
}

} // namespace boundwise
