// libFuzzer target: a .clang-tidy configuration (clang-tidy's
// parseConfigurationWithDiags, what `boundwise check` reads).
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/MemoryBufferRef.h"
#include "llvm/Support/SourceMgr.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  unsigned Diagnostics = 0;
  auto Parsed = clang::tidy::parseConfigurationWithDiags(
      llvm::MemoryBufferRef(Text, ".clang-tidy"),
      [&](const llvm::SMDiagnostic &) { ++Diagnostics; });
  if (Parsed)
    (void)clang::tidy::configurationAsText(*Parsed);
  return 0;
}
