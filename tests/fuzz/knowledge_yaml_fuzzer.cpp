// libFuzzer target: a .boundwise.yaml knowledge file (KnowledgeBase::merge_yaml).
#include "knowledge_base.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  boundwise::KnowledgeBase Base;
  llvm::consumeError(Base.merge_yaml(Text, "fuzz.boundwise.yaml"));
  return 0;
}
