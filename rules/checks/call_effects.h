// What one call expression costs the thread that makes it, as the checks
// about blocking see it: a knowledge-base API called directly, a file or
// console stream operation, or a program function with its whole-program
// class and evidence chain.
#ifndef BOUNDWISE_RULES_CHECKS_CALL_EFFECTS_H
#define BOUNDWISE_RULES_CHECKS_CALL_EFFECTS_H

#include "../knowledge_base.h"
#include "../program.h"

#include <optional>
#include <string>

namespace clang {
class Expr;
class FunctionDecl;
class CXXRecordDecl;
class QualType;
} // namespace clang

namespace boundwise {

struct CallEffect {
  enum class Source {
    /// A knowledge-base API called here (send, sleep_for, fopen, std::sort).
    Knowledge,
    /// An operation on a file or console stream object (`out << x`, getline(in, s)).
    Stream,
    /// A function of the program, classified through the call graph.
    Program,
  };
  Source From = Source::Knowledge;
  /// The callee's name as the knowledge base knows it (or its display name).
  std::string Api;
  /// The dominant blocking category (Compute when the call is CPU work).
  EffectCategory Category = EffectCategory::Compute;
  /// Expected microseconds of blocking (or of CPU work for Compute).
  double Micros = 0;
  /// Program functions: their class and evidence chain.
  WorkClass Class = WorkClass::Unknown;
  std::string Evidence;
  const clang::FunctionDecl *Callee = nullptr;
  /// Program functions: their facts.
  const FunctionFacts *Facts = nullptr;
};

/// The blocking part of a program function's cost, leaving out the
/// categories in \p Ignored (bit per EffectCategory): its largest category,
/// the microseconds spent in them all, and the chain of calls to the largest.
struct BlockingPart {
  EffectCategory Category = EffectCategory::Compute;
  double Micros = 0;
  std::string Evidence;
};
std::optional<BlockingPart> blocking_part(const Program &P, const FunctionFacts &F,
                                          unsigned Ignored);
/// Whether the evidence chain \p Chain of \p F reaches its cost through work
/// handed to a thread, pool or process (which the caller does not wait for).
bool evidence_crosses_spawn(const Program &P, const FunctionFacts &F, llvm::StringRef Chain);

/// Below this many microseconds of blocking a program function is not
/// reported as blocking (an error-path log line, a buffered write).
inline constexpr double MinBlockingMicros = 20;

inline unsigned category_bit(EffectCategory C) { return 1u << static_cast<unsigned>(C); }

/// The callee of a call or construction expression (nullptr if none).
const clang::FunctionDecl *callee_of(const clang::Expr *Call);

/// What \p Call does, or nullopt when nothing is known or it is cheap
/// in-memory work. Program functions are looked up in \p P by USR.
std::optional<CallEffect> call_effect(const clang::Expr *Call, const Program &P,
                                      const KnowledgeBase &KB);

/// The dominant blocking category of a cost profile.
EffectCategory top_io_category(const CostProfile &Cost);

/// The class template a specialization came from (or the class itself).
const clang::CXXRecordDecl *record_pattern(const clang::CXXRecordDecl *RD);

} // namespace boundwise

#endif
