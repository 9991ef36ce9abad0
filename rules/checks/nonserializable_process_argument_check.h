// boundwise-nonserializable-process-argument: what is handed to a worker
// process that cannot, or should not, cross the process boundary.
#ifndef BOUNDWISE_RULES_CHECKS_NONSERIALIZABLE_PROCESS_ARGUMENT_CHECK_H
#define BOUNDWISE_RULES_CHECKS_NONSERIALIZABLE_PROCESS_ARGUMENT_CHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"

namespace boundwise {

class NonserializableProcessArgumentCheck : public clang::tidy::ClangTidyCheck {
public:
  NonserializableProcessArgumentCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Options) override;
  void onEndOfTranslationUnit() override {
    Reported.clear();
    NamesGiven.clear();
  }

private:
  struct Analysis;
  /// Functions returning a file descriptor (';'-separated).
  const std::string DescriptorFunctionsText;
  /// How deep the search for global writes follows callees of the task.
  const std::string CalleeDepthText;
  /// "true": suggest a named function (warning with fix-it) for every
  /// capture-less lambda written in place as a task, not only in notes.
  const std::string SuggestNamedFunctionsText;
  std::vector<std::string> DescriptorFunctions;
  int CalleeDepth = 2;
  bool SuggestNamedFunctions = false;
  llvm::DenseSet<unsigned> Reported;
  /// Names of functions the named-function fix-its of this TU introduce.
  llvm::StringSet<> NamesGiven;
};

} // namespace boundwise

#endif
