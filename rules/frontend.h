// Parses translation units with LibTooling and turns each into a summary;
// also knows where Clang's builtin headers live.
#ifndef BOUNDWISE_RULES_FRONTEND_H
#define BOUNDWISE_RULES_FRONTEND_H

#include "knowledge_base.h"
#include "summary.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"

#include <functional>
#include <string>
#include <vector>

namespace boundwise {

/// Clang's resource directory (stddef.h, immintrin.h, ...): beside the
/// installed binary if it was installed with one, else the one of the Clang
/// this was built against.
std::string clang_resource_dir();

/// Adds -resource-dir unless the command names one already.
/// Adds -fopenmp unless the command decides (-fopenmp*, -fno-openmp): OpenMP
/// pragmas are concurrency, and without the flag Clang drops them unparsed.
clang::tooling::ArgumentsAdjuster openmp_adjuster();

clang::tooling::ArgumentsAdjuster resource_dir_adjuster();

struct SummarizeOptions {
  unsigned Jobs = 1;
  /// Extra adjusters (--extra-arg, --extra-arg-before), applied after ours.
  clang::tooling::ArgumentsAdjuster Adjuster;
  /// Drop compiler diagnostics (when another pass over the same files
  /// reports them, as check's clang-tidy pass does).
  bool SilenceDiagnostics = false;
  /// Called once per finished file, from any worker thread, in any order.
  std::function<void(llvm::StringRef File, bool Ok)> OnFileDone;
};

struct SummarizeResult {
  std::vector<TranslationUnitSummary> Units;
  /// Sources that did not compile (their partial summaries are still kept).
  std::vector<std::string> FailedFiles;
};

/// Parses and summarizes every file; the result is sorted by file name so it
/// does not depend on Jobs.
SummarizeResult summarize_sources(const clang::tooling::CompilationDatabase &Database,
                                  const std::vector<std::string> &Files,
                                  const KnowledgeBase &Knowledge,
                                  const SummarizeOptions &Options);

} // namespace boundwise

#endif
