// boundwise-mt-unsafe-call-in-thread: an MT-unsafe library call in code that
// runs on several threads at once.
#ifndef BOUNDWISE_RULES_CHECKS_MT_UNSAFE_CALL_IN_THREAD_CHECK_H
#define BOUNDWISE_RULES_CHECKS_MT_UNSAFE_CALL_IN_THREAD_CHECK_H

#include "../program.h"

#include "clang-tidy/ClangTidyCheck.h"

namespace boundwise {

class MtUnsafeCallInThreadCheck : public clang::tidy::ClangTidyCheck {
public:
  MtUnsafeCallInThreadCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Options) override;

private:
  /// Also warn when only one thread runs the call alongside the main thread.
  const bool WarnOnSingleThread;
  std::unique_ptr<Program> LocalProgram;
};

} // namespace boundwise

#endif
