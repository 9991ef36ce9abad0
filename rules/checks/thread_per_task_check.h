// boundwise-thread-per-task: a thread started for every element of a loop
// over data, so the number of threads grows with the input.
#ifndef BOUNDWISE_RULES_CHECKS_THREAD_PER_TASK_CHECK_H
#define BOUNDWISE_RULES_CHECKS_THREAD_PER_TASK_CHECK_H

#include "clang-tidy/ClangTidyCheck.h"

#include "llvm/ADT/DenseSet.h"

#include <optional>

namespace boundwise {

class ThreadPerTaskCheck : public clang::tidy::ClangTidyCheck {
public:
  ThreadPerTaskCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Options) override;

private:
  /// Loops with a constant bound up to this many iterations start a fixed,
  /// small set of workers and are not reported.
  const long long MaxThreads;
  /// Files that already received the runtime's #include from a fix-it.
  llvm::DenseSet<unsigned> IncludedFiles;
};

} // namespace boundwise

#endif
