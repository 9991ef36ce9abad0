// The report model of one diagnostic, independent of clang-tidy's types so
// the JSON and SARIF writers can be tested on their own.
#ifndef BOUNDWISE_TOOL_REPORT_FINDING_H
#define BOUNDWISE_TOOL_REPORT_FINDING_H

#include "report/line_index.h"

#include <string>
#include <vector>

namespace clang::tidy {
struct ClangTidyError;
}

namespace boundwise {

struct FindingLocation {
  std::string File;
  unsigned Offset = 0;
  LineColumn Position;
};

struct FindingNote {
  std::string Message;
  FindingLocation Where;
};

struct FindingFix {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
  LineColumn Begin, End;
  std::string Replacement;
};

enum class FindingLevel { Note, Warning, Error };

struct Finding {
  std::string Check;
  FindingLevel Level = FindingLevel::Warning;
  std::string Message;
  FindingLocation Where;
  std::vector<FindingNote> Notes;
  std::vector<FindingFix> Fixes;
  /// The source whose compilation produced it (for findings without a
  /// location of their own, such as a bad compiler flag).
  std::string TranslationUnit;
};

std::vector<Finding> findings_from(const std::vector<clang::tidy::ClangTidyError> &Errors,
                                   LineIndex &Lines);

} // namespace boundwise

#endif
