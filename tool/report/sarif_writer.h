// Writes findings as SARIF 2.1.0, through Clang's SarifDocumentWriter.
#ifndef BOUNDWISE_TOOL_REPORT_SARIF_WRITER_H
#define BOUNDWISE_TOOL_REPORT_SARIF_WRITER_H

#include "report/finding.h"

#include "llvm/Support/raw_ostream.h"

namespace boundwise {

void write_sarif(const std::vector<Finding> &Findings, LineIndex &Lines, llvm::raw_ostream &OS);

} // namespace boundwise

#endif
