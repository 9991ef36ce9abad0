// Options shared by every subcommand, and the checks on the inputs that turn
// bad input into one clear line and exit code 2.
#include "command_line.h"

#include "knowledge_files.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"

#include <thread>
#include <unistd.h>

namespace boundwise {
namespace cl = llvm::cl;

cl::SubCommand ClassifyCommand("classify",
                               "Classify every function as io, cpu, mixed or unknown and "
                               "recommend an executor");
cl::SubCommand CheckCommand("check", "Run the boundwise checks (clang-tidy compatible)");
cl::OptionCategory BoundwiseCategory("boundwise options");

static cl::opt<std::string> BuildPath(
    "p", cl::desc("Build directory containing compile_commands.json"), cl::value_desc("dir"),
    cl::sub(ClassifyCommand), cl::sub(CheckCommand), cl::cat(BoundwiseCategory));
static cl::list<std::string> SourcePaths(cl::Positional, cl::desc("<source>..."),
                                         cl::sub(ClassifyCommand), cl::sub(CheckCommand),
                                         cl::cat(BoundwiseCategory));
static cl::list<std::string> ExtraArgs("extra-arg",
                                       cl::desc("Additional argument to append to the compiler "
                                                "command line"),
                                       cl::sub(ClassifyCommand), cl::sub(CheckCommand),
                                       cl::cat(BoundwiseCategory));
static cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before", cl::desc("Additional argument to prepend to the compiler command line"),
    cl::sub(ClassifyCommand), cl::sub(CheckCommand), cl::cat(BoundwiseCategory));
static cl::opt<OutputFormat> Format(
    "format", cl::desc("Output format"), cl::init(OutputFormat::Text),
    cl::values(clEnumValN(OutputFormat::Text, "text", "human-readable (default)"),
               clEnumValN(OutputFormat::Json, "json", "JSON, documented in docs/output-formats.md"),
               clEnumValN(OutputFormat::Sarif, "sarif", "SARIF 2.1.0 (check only)")),
    cl::sub(ClassifyCommand), cl::sub(CheckCommand), cl::cat(BoundwiseCategory));
static cl::opt<std::string> OutputFile("output",
                                       cl::desc("Write the report to <file> instead of stdout"),
                                       cl::value_desc("file"), cl::sub(ClassifyCommand),
                                       cl::sub(CheckCommand), cl::cat(BoundwiseCategory));
static cl::opt<unsigned> JobCount("j", cl::desc("Number of files analysed in parallel (default: "
                                                "the number of cores)"),
                                  cl::init(0), cl::sub(ClassifyCommand), cl::sub(CheckCommand),
                                  cl::cat(BoundwiseCategory));
static cl::opt<bool> Quiet("quiet", cl::desc("Print no progress or statistics"),
                           cl::sub(ClassifyCommand), cl::sub(CheckCommand),
                           cl::cat(BoundwiseCategory));
static cl::list<std::string> KnowledgeOption(
    "knowledge", cl::desc("Additional knowledge file (besides .boundwise.yaml files found "
                          "upwards from the sources)"),
    cl::value_desc("file"), cl::sub(ClassifyCommand), cl::sub(CheckCommand),
    cl::cat(BoundwiseCategory));

OutputFormat output_format() { return Format; }
bool quiet() { return Quiet; }

void report_usage_error(const llvm::Twine &Message) {
  llvm::WithColor::error(llvm::errs(), "boundwise") << Message << "\n";
}

std::string first_source() {
  if (SourcePaths.empty())
    return ".";
  llvm::SmallString<256> Path(SourcePaths.front());
  llvm::sys::fs::make_absolute(Path);
  return std::string(Path);
}

bool redirect_stdout_to_output() {
  if (OutputFile.empty())
    return true;
  int Fd = -1;
  if (std::error_code EC = llvm::sys::fs::openFileForWrite(OutputFile, Fd)) {
    report_usage_error("cannot write '" + OutputFile + "': " + EC.message());
    return false;
  }
  llvm::outs().flush();
  ::dup2(Fd, 1);
  ::close(Fd);
  return true;
}

std::unique_ptr<llvm::raw_fd_ostream> open_output() {
  std::error_code EC;
  auto Out = std::make_unique<llvm::raw_fd_ostream>(OutputFile.empty() ? "-" : OutputFile.getValue(),
                                                    EC, llvm::sys::fs::OF_Text);
  if (EC) {
    report_usage_error("cannot write '" + OutputFile + "': " + EC.message());
    return nullptr;
  }
  return Out;
}

/// Loads -p's database: a missing or malformed one is an error, not a
/// silent run without flags.
static std::unique_ptr<clang::tooling::CompilationDatabase> load_database(llvm::StringRef Dir) {
  if (!llvm::sys::fs::exists(Dir)) {
    report_usage_error("build directory '" + Dir + "' does not exist");
    return nullptr;
  }
  std::string Error;
  auto Database = clang::tooling::CompilationDatabase::loadFromDirectory(Dir, Error);
  llvm::SmallString<256> Json(Dir);
  llvm::sys::path::append(Json, "compile_commands.json");
  if (!Database && llvm::sys::fs::exists(Json)) {
    // Every plugin failed; the JSON one's reason is the one that matters.
    std::string JsonError;
    if (!clang::tooling::JSONCompilationDatabase::loadFromFile(
            Json, JsonError, clang::tooling::JSONCommandLineSyntax::AutoDetect))
      Error = JsonError;
    report_usage_error("cannot read '" + Json + "': " +
                       llvm::StringRef(Error).trim().split('\n').first);
    return nullptr;
  }
  if (!Database) {
    llvm::StringRef FirstLine = llvm::StringRef(Error).split('\n').first;
    report_usage_error("cannot read the compilation database in '" + Dir + "': " +
                       (FirstLine.empty() ? "no compile_commands.json" : FirstLine));
    return nullptr;
  }
  return Database;
}

std::unique_ptr<AnalysisInputs> load_inputs(
    std::unique_ptr<clang::tooling::CompilationDatabase> Fixed) {
  auto Inputs = std::make_unique<AnalysisInputs>();
  Inputs->Knowledge = KnowledgeBase::builtin();
  Inputs->Quiet = Quiet;
  Inputs->Jobs = JobCount ? JobCount.getValue() : std::max(1u, std::thread::hardware_concurrency());

  bool FromBuildDir = !BuildPath.empty();
  if (Fixed) {
    Inputs->Database = std::move(Fixed);
  } else if (FromBuildDir) {
    Inputs->Database = load_database(BuildPath);
    if (!Inputs->Database)
      return nullptr;
  } else {
    std::string Error;
    if (!SourcePaths.empty())
      Inputs->Database =
          clang::tooling::CompilationDatabase::autoDetectFromSource(SourcePaths.front(), Error);
    if (!Inputs->Database) {
      if (!Quiet)
        llvm::WithColor::warning(llvm::errs(), "boundwise")
            << "no compilation database found (give -p <build dir> or '-- <flags>'); "
               "analysing without flags\n";
      Inputs->Database = std::make_unique<clang::tooling::FixedCompilationDatabase>(
          ".", std::vector<std::string>{"-std=c++20"});
    }
  }

  if (SourcePaths.empty()) {
    if (!FromBuildDir) {
      report_usage_error("no sources given (name them, or give -p <build dir> to analyse every "
                         "file of its compile_commands.json)");
      return nullptr;
    }
    Inputs->Files = Inputs->Database->getAllFiles();
    if (Inputs->Files.empty()) {
      report_usage_error("the compilation database in '" + BuildPath + "' lists no files");
      return nullptr;
    }
  }
  for (const std::string &Source : SourcePaths) {
    llvm::SmallString<256> Path(Source);
    llvm::sys::fs::make_absolute(Path);
    llvm::sys::path::remove_dots(Path, true);
    if (llvm::sys::fs::is_directory(Path)) {
      report_usage_error("'" + Source + "' is a directory; give source files (or -p <build dir> "
                         "with no sources to analyse the whole database)");
      return nullptr;
    }
    if (!llvm::sys::fs::exists(Path)) {
      report_usage_error("'" + Source + "': no such file");
      return nullptr;
    }
    if (FromBuildDir) {
      auto Commands = Inputs->Database->getCompileCommands(Path);
      if (Commands.empty() || !Commands.front().Heuristic.empty()) {
        report_usage_error("'" + Source + "' is not in the compilation database of '" +
                           BuildPath + "'");
        return nullptr;
      }
    }
    Inputs->Files.push_back(std::string(Path));
  }

  // --extra-arg-before goes in front (after the compiler), --extra-arg at the end.
  clang::tooling::ArgumentsAdjuster Adjuster = clang::tooling::getClangStripOutputAdjuster();
  if (!ExtraArgsBefore.empty())
    Adjuster = clang::tooling::combineAdjusters(
        Adjuster, clang::tooling::getInsertArgumentAdjuster(
                      std::vector<std::string>(ExtraArgsBefore.begin(), ExtraArgsBefore.end()),
                      clang::tooling::ArgumentInsertPosition::BEGIN));
  if (!ExtraArgs.empty())
    Adjuster = clang::tooling::combineAdjusters(
        Adjuster, clang::tooling::getInsertArgumentAdjuster(
                      std::vector<std::string>(ExtraArgs.begin(), ExtraArgs.end()),
                      clang::tooling::ArgumentInsertPosition::END));
  Inputs->Adjuster = Adjuster;

  std::vector<std::string> KnowledgeFiles = find_knowledge_files(Inputs->Files);
  for (const std::string &Extra : KnowledgeOption)
    KnowledgeFiles.push_back(Extra);
  if (llvm::Error E = load_knowledge_files(KnowledgeFiles, Inputs->Knowledge)) {
    report_usage_error(llvm::toString(std::move(E)));
    return nullptr;
  }
  return Inputs;
}

} // namespace boundwise
