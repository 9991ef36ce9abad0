// boundwise-unsynchronized-shared-state: two accesses to one location that
// can run at the same time, at least one a write, with no common lock.
#ifndef BOUNDWISE_RULES_CHECKS_UNSYNCHRONIZED_SHARED_STATE_CHECK_H
#define BOUNDWISE_RULES_CHECKS_UNSYNCHRONIZED_SHARED_STATE_CHECK_H

#include "../program.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"

#include <set>

namespace boundwise {

class UnsynchronizedSharedStateCheck : public clang::tidy::ClangTidyCheck {
public:
  UnsynchronizedSharedStateCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void registerPPCallbacks(const clang::SourceManager &SM, clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Options) override;

private:
  /// Offer the std::atomic<T> rewrite for counters and flags.
  const bool SuggestAtomic;
  /// Offer to take the lock every other access holds.
  const bool SuggestLock;
  clang::tidy::utils::IncludeInserter Includes;
  std::unique_ptr<Program> LocalProgram;
};

} // namespace boundwise

#endif
