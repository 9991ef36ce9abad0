// Offset-to-line conversion for reports.
#include "report/line_index.h"

#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>

namespace boundwise {

const LineIndex::FileLines *LineIndex::load(llvm::StringRef File) {
  auto [It, Inserted] = Files.try_emplace(File);
  if (Inserted) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (Buffer) {
      auto Lines = std::make_unique<FileLines>();
      Lines->Text = (*Buffer)->getBuffer().str();
      Lines->Starts.push_back(0);
      for (unsigned I = 0; I < Lines->Text.size(); ++I)
        if (Lines->Text[I] == '\n')
          Lines->Starts.push_back(I + 1);
      It->second = std::move(Lines);
    }
  }
  return It->second.get();
}

LineColumn LineIndex::locate(llvm::StringRef File, unsigned Offset) {
  const FileLines *Lines = load(File);
  if (!Lines || Offset > Lines->Text.size())
    return {};
  auto After = std::upper_bound(Lines->Starts.begin(), Lines->Starts.end(), Offset);
  unsigned Line = After - Lines->Starts.begin();
  unsigned Start = Lines->Starts[Line - 1];
  LineColumn Result{Line, Offset - Start + 1, 1};
  // UTF-16 units: one per code point, two above the BMP (4-byte sequences).
  for (unsigned I = Start; I < Offset; ++I) {
    unsigned char C = Lines->Text[I];
    if ((C & 0xC0) == 0x80)
      continue;
    Result.Utf16Column += C >= 0xF0 ? 2 : 1;
  }
  return Result;
}

llvm::StringRef LineIndex::line_text(llvm::StringRef File, unsigned Line) {
  const FileLines *Lines = load(File);
  if (!Lines || Line == 0 || Line > Lines->Starts.size())
    return {};
  llvm::StringRef Text = Lines->Text;
  unsigned Start = Lines->Starts[Line - 1];
  return Text.substr(Start).split('\n').first.rtrim('\r');
}

} // namespace boundwise
