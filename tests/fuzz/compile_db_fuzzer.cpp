// libFuzzer target: compile_commands.json
// (clang::tooling::JSONCompilationDatabase::loadFromBuffer, what -p reads).
#include "clang/Tooling/JSONCompilationDatabase.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  std::string Error;
  auto Database = clang::tooling::JSONCompilationDatabase::loadFromBuffer(
      Text, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (Database)
    for (const std::string &File : Database->getAllFiles())
      (void)Database->getCompileCommands(File);
  return 0;
}
