// Reads one function body for the race detector: which shared locations it
// reads and writes, under which locks, in which order relative to the
// threads and OpenMP regions it starts and joins.
#ifndef BOUNDWISE_RULES_RACE_ACCESS_COLLECTOR_H
#define BOUNDWISE_RULES_RACE_ACCESS_COLLECTOR_H

#include "../knowledge_base.h"
#include "shared_access.h"

#include "llvm/ADT/StringRef.h"

#include <functional>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace boundwise {

/// Fills \p Out for \p F. \p FileName maps a presumed file name to the name
/// the summaries use (absolute).
void collect_shared_accesses(const clang::FunctionDecl *F, clang::ASTContext &Context,
                             const KnowledgeBase &Knowledge,
                             const std::function<std::string(llvm::StringRef)> &FileName,
                             SharedAccessSummary &Out);

} // namespace boundwise

#endif
