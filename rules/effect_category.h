// Where a function's time goes: the categories of blocking operations and
// compute that classification weighs against each other.
#ifndef BOUNDWISE_RULES_EFFECT_CATEGORY_H
#define BOUNDWISE_RULES_EFFECT_CATEGORY_H

#include "llvm/ADT/StringRef.h"

#include <optional>

namespace boundwise {

enum class EffectCategory {
  Network,
  Disk,
  Console,
  Sleep,
  Wait,
  Process,
  Dns,
  Ipc,
  Compute,
  /// Known to do nothing worth modelling (in-memory streams).
  None,
};

inline constexpr int BlockingCategoryCount = 8; // Network .. Ipc

inline bool is_blocking(EffectCategory C) {
  return static_cast<int>(C) < BlockingCategoryCount;
}

llvm::StringRef category_name(EffectCategory C);
std::optional<EffectCategory> parse_category(llvm::StringRef Name);

} // namespace boundwise

#endif
