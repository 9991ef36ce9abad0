// Options and inputs shared by the subcommands: the compile database, the
// sources, --extra-arg, -j, the output format and destination.
#ifndef BOUNDWISE_TOOL_COMMAND_LINE_H
#define BOUNDWISE_TOOL_COMMAND_LINE_H

#include "knowledge_base.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <string>
#include <vector>

namespace boundwise {

/// Exit codes, documented in docs/cli.md.
enum ExitCode : int {
  ExitOk = 0,
  ExitFindings = 1,
  ExitUsage = 2,
  ExitInternal = 3,
};

extern llvm::cl::SubCommand ClassifyCommand;
extern llvm::cl::SubCommand CheckCommand;
extern llvm::cl::OptionCategory BoundwiseCategory;

enum class OutputFormat { Text, Json, Sarif };

/// What every subcommand needs before it can analyse anything.
struct AnalysisInputs {
  std::unique_ptr<clang::tooling::CompilationDatabase> Database;
  std::vector<std::string> Files;
  clang::tooling::ArgumentsAdjuster Adjuster;
  KnowledgeBase Knowledge;
  unsigned Jobs = 1;
  bool Quiet = false;
};

/// Reads -p / `--`, checks the sources and loads the knowledge files. On bad
/// input prints one line to stderr and returns null.
std::unique_ptr<AnalysisInputs> load_inputs(std::unique_ptr<clang::tooling::CompilationDatabase> Fixed);

OutputFormat output_format();
bool quiet();

/// The stream the report goes to (--output or stdout); null after printing
/// an error when the file cannot be opened.
std::unique_ptr<llvm::raw_fd_ostream> open_output();

/// The first source named on the command line (absolute), or "." if none:
/// the file whose configuration --list-checks and --dump-config show.
std::string first_source();

/// Points stdout at --output, for writers that print to stdout themselves.
bool redirect_stdout_to_output();

/// Prints "boundwise: error: <message>" to stderr.
void report_usage_error(const llvm::Twine &Message);

} // namespace boundwise

#endif
