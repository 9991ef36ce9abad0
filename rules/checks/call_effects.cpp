// Classifies one call for the blocking checks from the knowledge base and
// the program facts; it derives nothing the analysis layer already knows.
#include "call_effects.h"

#include "../summary_builder.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace boundwise {

const FunctionDecl *callee_of(const Expr *E) {
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return Call->getDirectCallee();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getConstructor();
  return nullptr;
}

const CXXRecordDecl *record_pattern(const CXXRecordDecl *RD) {
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD))
    return Spec->getSpecializedTemplate()->getTemplatedDecl();
  return RD;
}

EffectCategory top_io_category(const CostProfile &Cost) {
  int Top = 0;
  for (int C = 1; C < BlockingCategoryCount; ++C)
    if (Cost.Io[C] > Cost.Io[Top])
      Top = C;
  return static_cast<EffectCategory>(Top);
}

static const CXXRecordDecl *record_of(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  return T->getAsCXXRecordDecl();
}

/// The stream an expression such as `out << a << b` ends up operating on,
/// as the summary builder judges it.
static std::optional<ApiEffect> stream_effect(const Expr *Object, const KnowledgeBase &KB) {
  for (int Guard = 0; Object && Guard < 64; ++Guard) {
    Object = Object->IgnoreParenImpCasts();
    if (const CXXRecordDecl *RD = record_pattern(record_of(Object->getType()))) {
      if (const ApiEffect *E = KB.stream_type(api_name(RD)))
        return *E;
      if (RD->hasDefinition())
        for (const CXXBaseSpecifier &Base : RD->bases())
          if (const CXXRecordDecl *B = record_pattern(record_of(Base.getType())))
            if (const ApiEffect *E = KB.stream_type(api_name(B)))
              return *E;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Object)) {
      if (const ApiEffect *E = KB.stream_global(api_name(Ref->getDecl())))
        return *E;
      return std::nullopt;
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Object)) {
      Object = Member->getImplicitObjectArgument();
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(Object); Call && Call->getNumArgs() > 0) {
      Object = Call->getArg(0);
      continue;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

static const Expr *stream_operand(const Expr *Call) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    return Member->getImplicitObjectArgument();
  if (const auto *C = dyn_cast<CallExpr>(Call))
    return C->getNumArgs() > 0 ? C->getArg(0) : nullptr;
  return nullptr;
}

/// Whether the evidence chain of \p F crosses a spawn: the cost it names is
/// work handed to a thread, pool or process, which the caller does not wait
/// for while making the call.
bool evidence_crosses_spawn(const Program &P, const FunctionFacts &F, llvm::StringRef Chain) {
  llvm::SmallVector<llvm::StringRef, 8> Names;
  Chain.split(Names, " -> ");
  const FunctionFacts *Cur = &F;
  for (size_t I = 1; I < Names.size() && Cur; ++I) {
    for (const SpawnSite &Spawn : Cur->Summary->Spawns)
      for (const std::string &Task : Spawn.Tasks)
        if (const FunctionFacts *T = P.find(Task); T && T->Summary->Name == Names[I])
          return true;
    const FunctionFacts *Next = nullptr;
    for (const CallSite &Site : Cur->Summary->Calls) {
      for (const FunctionFacts *T : P.resolve(Site, Cur->Summary))
        if (T->Summary->Name == Names[I]) {
          Next = T;
          break;
        }
      if (Next)
        break;
    }
    Cur = Next;
  }
  return false;
}

/// The chain of calls from \p F to its largest cost in \p Category: the
/// evidence chain the program step gives for the dominant category, built the
/// same way for another one.
static std::string chain_to(const Program &P, const FunctionFacts &F, EffectCategory Category) {
  int C = static_cast<int>(Category);
  std::vector<std::string> Names{F.Summary->Name};
  llvm::SmallPtrSet<const FunctionFacts *, 8> Visited;
  const FunctionFacts *Cur = &F;
  for (int Depth = 0; Cur && Depth < 16; ++Depth) {
    Visited.insert(Cur);
    double Best = 0;
    std::string Leaf;
    for (const BlockingOperation &Op : Cur->Summary->Blocking)
      if (Op.Category == Category && Op.CostMicros * Op.Multiplier > Best && !Op.OnErrorPath) {
        Best = Op.CostMicros * Op.Multiplier;
        Leaf = Op.Api + " [" + category_name(Category).str() + "]";
      }
    const FunctionFacts *Next = nullptr;
    for (const CallSite &Site : Cur->Summary->Calls) {
      std::vector<const FunctionFacts *> Targets = P.resolve(Site, Cur->Summary);
      for (const FunctionFacts *T : Targets) {
        double Amount = T->Total.Io[C] * Site.Multiplier / Targets.size();
        if (Amount > Best && !Visited.count(T)) {
          Best = Amount;
          Next = T;
        }
      }
    }
    if (!Next) {
      if (!Leaf.empty())
        Names.push_back(Leaf);
      break;
    }
    Names.push_back(Next->Summary->Name);
    Cur = Next;
  }
  return llvm::join(Names, " -> ");
}

std::optional<BlockingPart> blocking_part(const Program &P, const FunctionFacts &F,
                                          unsigned Ignored) {
  BlockingPart R;
  double Top = 0;
  for (int C = 0; C < BlockingCategoryCount; ++C) {
    if (Ignored & (1u << C))
      continue;
    R.Micros += F.Total.Io[C];
    if (F.Total.Io[C] > Top) {
      Top = F.Total.Io[C];
      R.Category = static_cast<EffectCategory>(C);
    }
  }
  if (Top <= 0)
    return std::nullopt;
  if ((F.Class == WorkClass::Io || F.Class == WorkClass::Mixed) &&
      top_io_category(F.Total) == R.Category && !F.Evidence.empty())
    R.Evidence = F.Evidence.front();
  else
    R.Evidence = chain_to(P, F, R.Category);
  if (evidence_crosses_spawn(P, F, R.Evidence))
    return std::nullopt;
  return R;
}

/// The name a knowledge base may list a member call under when the method is
/// inherited: std::future::wait is declared in libstdc++'s __basic_future.
static std::string name_by_object(const Expr *Call, const FunctionDecl *Callee) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  if (!Member || !Callee->getIdentifier())
    return {};
  const CXXRecordDecl *RD =
      record_pattern(record_of(Member->getImplicitObjectArgument()->IgnoreParenImpCasts()->getType()));
  if (!RD || RD == record_pattern(cast<CXXMethodDecl>(Callee)->getParent()))
    return {};
  return api_name(RD) + "::" + Callee->getName().str();
}

std::optional<CallEffect> call_effect(const Expr *Call, const Program &P,
                                      const KnowledgeBase &KB) {
  const FunctionDecl *Callee = callee_of(Call);
  if (!Callee)
    return std::nullopt;
  CallEffect R;
  R.Callee = Callee;
  R.Api = api_name(Callee);
  const ApiEffect *Known = KB.effect(R.Api);
  if (!Known) {
    std::string Alias = name_by_object(Call, Callee);
    if (!Alias.empty() && (Known = KB.effect(Alias)))
      R.Api = Alias;
  }
  if (const ApiEffect *E = Known) {
    if (E->Category == EffectCategory::None)
      return std::nullopt;
    // A default-constructed file stream opens nothing.
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Call);
        Construct && Construct->getNumArgs() == 0)
      return std::nullopt;
    R.From = CallEffect::Source::Knowledge;
    R.Category = E->Category;
    R.Micros = E->CostMicros;
    // fprintf(stderr, ...) and fputs(s, stdout) write to the console.
    if (R.Category == EffectCategory::Disk)
      if (const auto *C = dyn_cast<CallExpr>(Call))
        for (const Expr *Arg : C->arguments()) {
          const Expr *Stream = Arg->IgnoreParenImpCasts();
          SourceLocation Loc = Stream->getBeginLoc();
          if (const auto *Ref = dyn_cast<DeclRefExpr>(Stream);
              Ref && Ref->getDecl()->getIdentifier() &&
              llvm::is_contained({"stderr", "stdout"}, Ref->getDecl()->getName()))
            R.Category = EffectCategory::Console;
          else if (Loc.isMacroID()) {
            const SourceManager &SM = Callee->getASTContext().getSourceManager();
            llvm::StringRef Macro = Lexer::getImmediateMacroName(Loc, SM, Callee->getASTContext().getLangOpts());
            if (Macro == "stderr" || Macro == "stdout")
              R.Category = EffectCategory::Console;
          }
        }
    return R;
  }
  if (isa<CallExpr>(Call) && (Callee->isInStdNamespace() || isa<CXXMethodDecl>(Callee)))
    if (auto E = stream_effect(stream_operand(Call), KB)) {
      if (E->Category == EffectCategory::None)
        return std::nullopt;
      R.From = CallEffect::Source::Stream;
      R.Category = E->Category;
      R.Micros = E->CostMicros;
      return R;
    }
  const FunctionFacts *F = P.find(usr_of(Callee));
  if (!F || F->Evidence.empty() || F->Class == WorkClass::Unknown)
    return std::nullopt;
  R.From = CallEffect::Source::Program;
  R.Api = F->Summary->Name;
  R.Class = F->Class;
  R.Facts = F;
  R.Category = EffectCategory::Compute;
  R.Micros = F->Total.Cpu;
  R.Evidence = F->Class == WorkClass::Mixed ? F->Evidence.back() : F->Evidence.front();
  if (F->Class == WorkClass::Io)
    R.Micros = F->Total.io();
  return R;
}

} // namespace boundwise
