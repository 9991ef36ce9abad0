// Finds the user's knowledge-base extensions (.boundwise.yaml) the way
// clang-tidy finds .clang-tidy: the nearest one upwards from each source,
// continuing to its parents when it says InheritParentConfig: true.
#ifndef BOUNDWISE_TOOL_KNOWLEDGE_FILES_H
#define BOUNDWISE_TOOL_KNOWLEDGE_FILES_H

#include "knowledge_base.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace boundwise {

inline constexpr const char *KnowledgeFileName = ".boundwise.yaml";

/// The knowledge files that apply to \p Sources, outermost first, each once.
std::vector<std::string> find_knowledge_files(const std::vector<std::string> &Sources);

/// Merges \p Files into \p Into; the first error names the file and line.
llvm::Error load_knowledge_files(const std::vector<std::string> &Files, KnowledgeBase &Into);

} // namespace boundwise

#endif
