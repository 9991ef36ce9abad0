// Conversion from clang-tidy's errors to the report model.
#include "report/finding.h"

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace boundwise {

static std::string absolute(llvm::StringRef Path, llvm::StringRef BuildDirectory) {
  llvm::SmallString<256> Out(Path);
  if (!llvm::sys::path::is_absolute(Out) && !BuildDirectory.empty()) {
    Out = BuildDirectory;
    llvm::sys::path::append(Out, Path);
  }
  llvm::sys::fs::make_absolute(Out);
  llvm::sys::path::remove_dots(Out, true);
  return std::string(Out);
}

static FindingLocation locate(const clang::tooling::DiagnosticMessage &M,
                              llvm::StringRef BuildDirectory, LineIndex &Lines) {
  FindingLocation L;
  if (M.FilePath.empty())
    return L;
  L.File = absolute(M.FilePath, BuildDirectory);
  L.Offset = M.FileOffset;
  L.Position = Lines.locate(L.File, M.FileOffset);
  return L;
}

std::vector<Finding> findings_from(const std::vector<clang::tidy::ClangTidyError> &Errors,
                                   LineIndex &Lines) {
  std::vector<Finding> Out;
  for (const clang::tidy::ClangTidyError &E : Errors) {
    Finding F;
    F.Check = E.DiagnosticName;
    // --warnings-as-errors marks the error but leaves its level alone.
    F.Level = E.DiagLevel == clang::tooling::Diagnostic::Error || E.IsWarningAsError
                  ? FindingLevel::Error
              : E.DiagLevel == clang::tooling::Diagnostic::Warning ? FindingLevel::Warning
                                                                   : FindingLevel::Note;
    F.Message = E.Message.Message;
    F.Where = locate(E.Message, E.BuildDirectory, Lines);
    for (const clang::tooling::DiagnosticMessage &N : E.Notes)
      F.Notes.push_back({N.Message, locate(N, E.BuildDirectory, Lines)});
    for (const auto &[File, Replacements] : E.Message.Fix)
      for (const clang::tooling::Replacement &R : Replacements) {
        FindingFix Fix;
        Fix.File = absolute(R.getFilePath(), E.BuildDirectory);
        Fix.Offset = R.getOffset();
        Fix.Length = R.getLength();
        Fix.Begin = Lines.locate(Fix.File, Fix.Offset);
        Fix.End = Lines.locate(Fix.File, Fix.Offset + Fix.Length);
        Fix.Replacement = R.getReplacementText().str();
        F.Fixes.push_back(std::move(Fix));
      }
    Out.push_back(std::move(F));
  }
  return Out;
}

} // namespace boundwise
