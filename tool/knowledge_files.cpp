// Locating and loading .boundwise.yaml files (see knowledge_files.h).
#include "knowledge_files.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

namespace boundwise {

static bool inherits_parent(llvm::StringRef Text) {
  static const llvm::Regex Inherit("^InheritParentConfig:[ \t]*(true|yes|on)[ \t]*$",
                                   llvm::Regex::Newline | llvm::Regex::IgnoreCase);
  return Inherit.match(Text);
}

std::vector<std::string> find_knowledge_files(const std::vector<std::string> &Sources) {
  std::vector<std::string> Found;
  llvm::StringSet<> Seen;
  llvm::StringMap<std::vector<std::string>> CacheByDir;
  for (const std::string &Source : Sources) {
    llvm::SmallString<256> Dir(Source);
    llvm::sys::fs::make_absolute(Dir);
    llvm::sys::path::remove_filename(Dir);
    std::vector<std::string> Chain;
    while (!Dir.empty()) {
      llvm::SmallString<256> Candidate(Dir);
      llvm::sys::path::append(Candidate, KnowledgeFileName);
      if (llvm::sys::fs::is_regular_file(Candidate)) {
        Chain.push_back(std::string(Candidate));
        auto Buffer = llvm::MemoryBuffer::getFile(Candidate);
        if (!Buffer || !inherits_parent((*Buffer)->getBuffer()))
          break;
      }
      llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
      if (Parent == Dir)
        break;
      Dir = Parent;
    }
    for (auto It = Chain.rbegin(); It != Chain.rend(); ++It)
      if (Seen.insert(*It).second)
        Found.push_back(*It);
  }
  return Found;
}

llvm::Error load_knowledge_files(const std::vector<std::string> &Files, KnowledgeBase &Into) {
  for (const std::string &File : Files) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer)
      return llvm::createStringError(Buffer.getError(), "%s: %s", File.c_str(),
                                     Buffer.getError().message().c_str());
    if (llvm::Error E = Into.merge_yaml((*Buffer)->getBuffer(), File))
      return E;
  }
  return llvm::Error::success();
}

} // namespace boundwise
