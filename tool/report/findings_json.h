// Writes findings as JSON (schema in docs/output-formats.md).
#ifndef BOUNDWISE_TOOL_REPORT_FINDINGS_JSON_H
#define BOUNDWISE_TOOL_REPORT_FINDINGS_JSON_H

#include "report/finding.h"

#include "llvm/Support/raw_ostream.h"

namespace boundwise {

void write_findings_json(const std::vector<Finding> &Findings, llvm::raw_ostream &OS);
llvm::StringRef level_name(FindingLevel Level);

} // namespace boundwise

#endif
