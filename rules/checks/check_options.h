// Parsing of check options, which boundwise reads as text: the integral
// get<>/store<> specializations in Debian's clang-tidy library are mangled by
// Clang in a way GCC-built checks cannot link against.
#ifndef BOUNDWISE_RULES_CHECKS_CHECK_OPTIONS_H
#define BOUNDWISE_RULES_CHECKS_CHECK_OPTIONS_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace boundwise {

/// A ';'-separated list of names; a leading "::" is dropped, blanks ignored.
inline std::vector<std::string> option_list(llvm::StringRef Text) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Text.split(Parts, ';', -1, false);
  std::vector<std::string> Out;
  for (llvm::StringRef Part : Parts)
    if (!Part.trim().empty())
      Out.push_back(Part.trim().ltrim(':').str());
  return Out;
}

/// "true"/"false" (any case, also 1/0); anything else gives \p Default.
inline bool option_flag(llvm::StringRef Text, bool Default) {
  Text = Text.trim();
  if (Text.equals_insensitive("true") || Text == "1")
    return true;
  if (Text.equals_insensitive("false") || Text == "0")
    return false;
  return Default;
}

/// A positive number; anything else gives \p Default.
inline double option_number(llvm::StringRef Text, double Default) {
  double V = 0;
  if (Text.trim().getAsDouble(V) || !(V > 0))
    return Default;
  return V;
}

} // namespace boundwise

#endif
