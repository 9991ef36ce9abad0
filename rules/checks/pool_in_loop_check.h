// boundwise-pool-in-loop: a thread pool, process pool or event loop built
// on every iteration of a loop, directly or in a function the loop calls.
#ifndef BOUNDWISE_RULES_CHECKS_POOL_IN_LOOP_CHECK_H
#define BOUNDWISE_RULES_CHECKS_POOL_IN_LOOP_CHECK_H

#include "../program.h"

#include "clang-tidy/ClangTidyCheck.h"

#include <string>
#include <vector>

namespace boundwise {

class PoolInLoopCheck : public clang::tidy::ClangTidyCheck {
public:
  PoolInLoopCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Options) override;

private:
  /// Qualified names of the pool and event-loop classes, `;`-separated.
  const std::string PoolTypesText;
  std::vector<std::string> PoolTypes;
  std::unique_ptr<Program> LocalProgram;
  /// Callers of each function, by callee USR: {caller, call site}.
  const Program *IndexedProgram = nullptr;
  llvm::StringMap<std::vector<std::pair<const FunctionFacts *, const CallSite *>>> Callers;
};

} // namespace boundwise

#endif
