// Converts byte offsets in source files to 1-based lines and columns (bytes,
// and UTF-16 code units for SARIF), reading each file once.
#ifndef BOUNDWISE_TOOL_REPORT_LINE_INDEX_H
#define BOUNDWISE_TOOL_REPORT_LINE_INDEX_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>
#include <vector>

namespace boundwise {

struct LineColumn {
  unsigned Line = 0;
  /// 1-based byte column, as Clang prints it.
  unsigned ByteColumn = 0;
  /// 1-based column in UTF-16 code units, as SARIF's default expects.
  unsigned Utf16Column = 0;
};

class LineIndex {
public:
  /// Line 0 when the file cannot be read or the offset lies beyond it.
  LineColumn locate(llvm::StringRef File, unsigned Offset);
  /// The text of a 1-based line, without its newline.
  llvm::StringRef line_text(llvm::StringRef File, unsigned Line);

private:
  struct FileLines {
    std::string Text;
    std::vector<unsigned> Starts;
  };
  const FileLines *load(llvm::StringRef File);
  llvm::StringMap<std::unique_ptr<FileLines>> Files;
};

} // namespace boundwise

#endif
