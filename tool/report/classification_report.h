// Writes the classification of a program as a text table or as JSON.
#ifndef BOUNDWISE_TOOL_REPORT_CLASSIFICATION_REPORT_H
#define BOUNDWISE_TOOL_REPORT_CLASSIFICATION_REPORT_H

#include "program.h"

#include "llvm/Support/raw_ostream.h"

namespace boundwise {

void write_classification_table(const Program &P, llvm::raw_ostream &OS);
/// {"version": 1, "functions": [{"name", "file", "line", "class", ...}]}
void write_classification_json(const Program &P, llvm::raw_ostream &OS);

/// A path relative to the working directory when it lies below it.
std::string display_path(llvm::StringRef Path);

} // namespace boundwise

#endif
