// boundwise-blocking-call-in-async: a blocking or long CPU-bound call inside
// a coroutine that runs on an event loop, where it stalls every other task.
#ifndef BOUNDWISE_RULES_CHECKS_BLOCKING_CALL_IN_ASYNC_CHECK_H
#define BOUNDWISE_RULES_CHECKS_BLOCKING_CALL_IN_ASYNC_CHECK_H

#include "../program.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace boundwise {

class BlockingCallInAsyncCheck : public clang::tidy::ClangTidyCheck {
public:
  BlockingCallInAsyncCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Options) override;
  void onEndOfTranslationUnit() override;

private:
  struct Walk;
  bool is_coroutine_type(clang::QualType T) const;
  bool is_offload(const clang::FunctionDecl *F) const;

  /// Coroutine return types whose bodies run on an event loop (';'-separated).
  const std::string CoroutineTypesText;
  /// A CPU-bound call costing more than this (microseconds) stalls the loop.
  const std::string CpuCostThresholdText;
  /// Functions whose arguments run off the loop (';'-separated).
  const std::string OffloadFunctionsText;
  std::vector<std::string> CoroutineTypes;
  std::vector<std::string> OffloadFunctions;
  double CpuCostThreshold = 1000;
  std::unique_ptr<Program> LocalProgram;
  llvm::DenseSet<const clang::FunctionDecl *> Seen;
  llvm::DenseSet<unsigned> Reported;
};

} // namespace boundwise

#endif
