// The boundwise command: `boundwise classify ...` and `boundwise check ...`.
#include "command_line.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

namespace boundwise {
int run_classify(std::unique_ptr<clang::tooling::CompilationDatabase> Fixed);
int run_check(std::unique_ptr<clang::tooling::CompilationDatabase> Fixed);
extern volatile int BoundwiseModuleAnchorSource;
} // namespace boundwise

// Keeps the clang-tidy module's static registration in the binary.
[[maybe_unused]] static int BoundwiseModuleAnchor = boundwise::BoundwiseModuleAnchorSource;

static void print_version(llvm::raw_ostream &OS) {
  OS << "boundwise " << BOUNDWISE_VERSION << " (LLVM " << LLVM_VERSION_STRING << ")\n";
}

int main(int argc, const char **argv) {
  llvm::InitLLVM Init(argc, argv);
  llvm::cl::SetVersionPrinter(print_version);
  llvm::cl::HideUnrelatedOptions(boundwise::BoundwiseCategory);

  // Everything after `--` is the compile command (as clang-tidy reads it).
  std::string FixedError;
  std::unique_ptr<clang::tooling::CompilationDatabase> Fixed =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv, FixedError);
  // The driver may complain about the compile command (CMake's `-o x.o -c
  // src.cpp` next to the placeholder input) and still yield a database: as
  // clang-tidy does, only a missing database is an error.
  if (!Fixed && !FixedError.empty()) {
    boundwise::report_usage_error(llvm::StringRef(FixedError).trim().split('\n').first);
    return boundwise::ExitUsage;
  }

  std::string Errors;
  llvm::raw_string_ostream ErrorStream(Errors);
  if (!llvm::cl::ParseCommandLineOptions(
          argc, argv,
          "boundwise: tells how C++ code should run concurrently.\n\n"
          "  boundwise classify [options] <source>... [-- <compiler args>]\n"
          "  boundwise check    [options] <source>... [-- <compiler args>]\n",
          &ErrorStream)) {
    llvm::StringRef First = llvm::StringRef(Errors).trim().split('\n').first;
    llvm::errs() << First << "\n";
    return boundwise::ExitUsage;
  }

  int Result = boundwise::ExitUsage;
  llvm::CrashRecoveryContext::Enable();
  llvm::CrashRecoveryContext Recovery;
  bool Completed = Recovery.RunSafely([&] {
    if (boundwise::ClassifyCommand)
      Result = boundwise::run_classify(std::move(Fixed));
    else if (boundwise::CheckCommand)
      Result = boundwise::run_check(std::move(Fixed));
    else {
      boundwise::report_usage_error("expected a subcommand: classify or check (see --help)");
      Result = boundwise::ExitUsage;
    }
  });
  if (!Completed) {
    llvm::errs() << "boundwise: internal error: the analysis crashed; please report it with "
                    "the file that triggered it\n";
    return boundwise::ExitInternal;
  }
  return Result;
}
