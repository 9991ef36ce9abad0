// boundwise-oversized-pool: a pool or OpenMP team larger than the work
// submitted to it can use.
#ifndef BOUNDWISE_RULES_CHECKS_OVERSIZED_POOL_CHECK_H
#define BOUNDWISE_RULES_CHECKS_OVERSIZED_POOL_CHECK_H

#include "../program.h"

#include "clang-tidy/ClangTidyCheck.h"

namespace boundwise {

class OversizedPoolCheck : public clang::tidy::ClangTidyCheck {
public:
  OversizedPoolCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Options) override;

private:
  /// CPU-bound limits, in multiples of the core count.
  const double ThreadFactor;
  const double ProcessFactor;
  /// Cores assumed when a size is a plain constant.
  const double AssumedCores;
  /// Threads above which an I/O-bound pool should be async instead.
  const double IoThreadCap;
  std::unique_ptr<Program> LocalProgram;
};

} // namespace boundwise

#endif
