// `boundwise classify`: summarize every source, link the program, print the
// classification table (or JSON).
#include "command_line.h"
#include "report/classification_report.h"

#include "frontend.h"
#include "program.h"

#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <mutex>

namespace boundwise {

int run_classify(std::unique_ptr<clang::tooling::CompilationDatabase> Fixed) {
  if (output_format() == OutputFormat::Sarif) {
    report_usage_error("classify prints text or json; SARIF is for findings (boundwise check)");
    return ExitUsage;
  }
  std::unique_ptr<AnalysisInputs> Inputs = load_inputs(std::move(Fixed));
  if (!Inputs)
    return ExitUsage;

  SummarizeOptions Options;
  Options.Jobs = Inputs->Jobs;
  Options.Adjuster = Inputs->Adjuster;
  std::mutex ProgressLock;
  std::atomic<size_t> Finished{0};
  const size_t Total = Inputs->Files.size();
  if (!Inputs->Quiet && Total > 1)
    Options.OnFileDone = [&](llvm::StringRef File, bool) {
      std::lock_guard<std::mutex> Lock(ProgressLock);
      llvm::errs() << "[" << ++Finished << "/" << Total << "] " << File << "\n";
    };
  SummarizeResult Summaries =
      summarize_sources(*Inputs->Database, Inputs->Files, Inputs->Knowledge, Options);
  std::unique_ptr<Program> P = Program::link(std::move(Summaries.Units), Inputs->Knowledge);

  auto Out = open_output();
  if (!Out)
    return ExitUsage;
  if (output_format() == OutputFormat::Json)
    write_classification_json(*P, *Out);
  else
    write_classification_table(*P, *Out);
  for (const std::string &File : Summaries.FailedFiles)
    llvm::errs() << "boundwise: warning: " << File
                 << " has compile errors; its functions were classified from what parsed\n";
  return Summaries.FailedFiles.empty() ? ExitOk : ExitFindings;
}

} // namespace boundwise
