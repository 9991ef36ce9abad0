// boundwise-lock-held-across-io: a mutex held across blocking I/O, so every
// other thread that needs the mutex waits for the I/O too.
#ifndef BOUNDWISE_RULES_CHECKS_LOCK_HELD_ACROSS_IO_CHECK_H
#define BOUNDWISE_RULES_CHECKS_LOCK_HELD_ACROSS_IO_CHECK_H

#include "../program.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace boundwise {

class LockHeldAcrossIoCheck : public clang::tidy::ClangTidyCheck {
public:
  LockHeldAcrossIoCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Options) override;
  void onEndOfTranslationUnit() override;

private:
  struct Walk;

  /// RAII lock types (';'-separated, qualified).
  const std::string GuardTypesText;
  /// Categories of blocking work reported under a lock (';'-separated).
  const std::string CategoriesText;
  std::vector<std::string> GuardTypes;
  unsigned IgnoredCategories = 0;
  std::unique_ptr<Program> LocalProgram;
  llvm::DenseSet<unsigned> Reported;
};

} // namespace boundwise

#endif
