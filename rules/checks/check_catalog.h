// Every check's metadata in one table, next to the code: front ends build
// --list-checks, SARIF rules and the docs index from it, so they cannot drift.
#ifndef BOUNDWISE_RULES_CHECKS_CHECK_CATALOG_H
#define BOUNDWISE_RULES_CHECKS_CHECK_CATALOG_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace boundwise {

struct CheckInfo {
  llvm::StringRef Name;
  /// One line: what it finds.
  llvm::StringRef Summary;
  /// A paragraph: why it matters and what to do.
  llvm::StringRef Description;
  /// Whether any of its fix-its is offered.
  bool HasFixIt;
};

llvm::ArrayRef<CheckInfo> check_catalog();
const CheckInfo *find_check(llvm::StringRef Name);

} // namespace boundwise

#endif
