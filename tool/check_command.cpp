// `boundwise check`: clang-tidy's own machinery (configuration, check globs,
// NOLINT, header filter, --fix, --export-fixes) running the boundwise module,
// after the whole program has been summarized and linked so checks can ask
// cross-file questions.
#include "command_line.h"
#include "report/finding.h"
#include "report/findings_json.h"
#include "report/sarif_writer.h"

#include "checks/check_catalog.h"
#include "frontend.h"
#include "program.h"
#include "program_facts.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <mutex>
#include <set>
#include <tuple>
#include <thread>

namespace boundwise {
namespace cl = llvm::cl;
using namespace clang::tidy;

static cl::opt<std::string> Checks("checks",
                                   cl::desc("Comma-separated list of globs with optional '-' "
                                            "prefix, as in clang-tidy"),
                                   cl::sub(CheckCommand), cl::cat(BoundwiseCategory));
static cl::opt<std::string> WarningsAsErrors(
    "warnings-as-errors", cl::desc("Checks whose warnings become errors (globs)"),
    cl::sub(CheckCommand), cl::cat(BoundwiseCategory));
static cl::opt<std::string> HeaderFilter(
    "header-filter", cl::desc("Regular expression of headers whose diagnostics are shown"),
    cl::sub(CheckCommand), cl::cat(BoundwiseCategory));
static cl::opt<bool> SystemHeaders("system-headers", cl::desc("Show diagnostics in system headers"),
                                   cl::sub(CheckCommand), cl::cat(BoundwiseCategory));
static cl::opt<bool> Explain("explain",
                             cl::desc("Also say where boundwise-unsynchronized-shared-state could "
                                      "not decide and stayed silent"),
                             cl::sub(CheckCommand), cl::cat(BoundwiseCategory));
static cl::opt<bool> Fix("fix", cl::desc("Apply the suggested fixes"), cl::sub(CheckCommand),
                         cl::cat(BoundwiseCategory));
static cl::opt<bool> FixErrors("fix-errors",
                               cl::desc("Apply fixes even when compile errors were found"),
                               cl::sub(CheckCommand), cl::cat(BoundwiseCategory));
static cl::opt<std::string> ExportFixes(
    "export-fixes", cl::desc("YAML file to store the suggested fixes in (for "
                             "clang-apply-replacements)"),
    cl::value_desc("filename"), cl::sub(CheckCommand), cl::cat(BoundwiseCategory));
static cl::opt<std::string> Config("config", cl::desc("Configuration in YAML/JSON, as in clang-tidy"),
                                   cl::sub(CheckCommand), cl::cat(BoundwiseCategory));
static cl::opt<std::string> ConfigFile("config-file", cl::desc("Configuration file to use"),
                                       cl::value_desc("file"), cl::sub(CheckCommand),
                                       cl::cat(BoundwiseCategory));
static cl::opt<bool> ListChecks("list-checks", cl::desc("List the enabled checks and exit"),
                                cl::sub(CheckCommand), cl::cat(BoundwiseCategory));
static cl::opt<bool> DumpConfig("dump-config", cl::desc("Print the effective configuration and exit"),
                                cl::sub(CheckCommand), cl::cat(BoundwiseCategory));

static constexpr const char *DefaultChecks = "-*,clang-diagnostic-*,boundwise-*";

/// The first error of a configuration text as "file:line:col: message".
static std::optional<std::string> config_error(llvm::StringRef Text, llvm::StringRef Source) {
  std::string FirstError;
  auto Parsed = parseConfigurationWithDiags(
      llvm::MemoryBufferRef(Text, Source), [&](const llvm::SMDiagnostic &D) {
        if (FirstError.empty() && D.getKind() == llvm::SourceMgr::DK_Error)
          FirstError = (D.getFilename() + ":" + llvm::Twine(D.getLineNo()) + ":" +
                        llvm::Twine(D.getColumnNo() + 1) + ": " + D.getMessage())
                           .str();
      });
  if (Parsed)
    return std::nullopt;
  return FirstError.empty() ? Source.str() + ": " + Parsed.getError().message() : FirstError;
}

/// Builds the options provider exactly as clang-tidy does: defaults, then
/// .clang-tidy files (or --config / --config-file), then command-line overrides.
static llvm::Expected<std::unique_ptr<ClangTidyOptionsProvider>> make_options_provider() {
  ClangTidyGlobalOptions Global;
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = DefaultChecks;
  Defaults.WarningsAsErrors = "";
  Defaults.HeaderFilterRegex = "";
  Defaults.SystemHeaders = false;
  if (auto User = llvm::sys::Process::GetEnv("USER"))
    Defaults.User = *User;

  ClangTidyOptions Overrides;
  if (Checks.getNumOccurrences())
    Overrides.Checks = Checks;
  if (WarningsAsErrors.getNumOccurrences())
    Overrides.WarningsAsErrors = WarningsAsErrors;
  if (HeaderFilter.getNumOccurrences())
    Overrides.HeaderFilterRegex = HeaderFilter;
  if (SystemHeaders.getNumOccurrences())
    Overrides.SystemHeaders = SystemHeaders;

  auto FromText = [&](llvm::StringRef Text, llvm::StringRef Source)
      -> llvm::Expected<std::unique_ptr<ClangTidyOptionsProvider>> {
    if (auto Error = config_error(Text, Source))
      return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s", Error->c_str());
    auto Parsed = parseConfiguration(llvm::MemoryBufferRef(Text, Source));
    if (!Parsed)
      return llvm::createStringError(Parsed.getError(), "%s: %s", Source.str().c_str(),
                                     Parsed.getError().message().c_str());
    return std::make_unique<ConfigOptionsProvider>(Global, Defaults, *Parsed, Overrides);
  };
  if (!Config.empty() && !ConfigFile.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "--config and --config-file are mutually exclusive");
  if (!Config.empty())
    return FromText(Config, "<command-line config>");
  if (!ConfigFile.empty()) {
    auto Buffer = llvm::MemoryBuffer::getFile(ConfigFile);
    if (!Buffer)
      return llvm::createStringError(Buffer.getError(), "cannot read config file '%s': %s",
                                     ConfigFile.c_str(), Buffer.getError().message().c_str());
    std::string Text = (*Buffer)->getBuffer().str();
    return FromText(Text, ConfigFile);
  }
  return std::make_unique<FileOptionsProvider>(Global, Defaults, Overrides,
                                               llvm::vfs::getRealFileSystem());
}

/// clang-tidy prints a broken .clang-tidy on stderr and carries on without
/// it; boundwise refuses it with one line naming the file and line. Checks
/// the files clang-tidy would read for \p Sources: the nearest .clang-tidy
/// upwards, and its parents while they say InheritParentConfig.
static llvm::Error verify_config_files(llvm::ArrayRef<std::string> Sources,
                                       llvm::StringSet<> &Checked) {
  if (!Config.empty() || !ConfigFile.empty())
    return llvm::Error::success();
  for (const std::string &Source : Sources) {
    llvm::SmallString<256> Dir(Source);
    llvm::sys::fs::make_absolute(Dir);
    llvm::sys::path::remove_dots(Dir, true);
    if (!llvm::sys::fs::is_directory(Dir))
      llvm::sys::path::remove_filename(Dir);
    while (!Dir.empty() && Checked.insert(Dir).second) {
      llvm::SmallString<256> Candidate(Dir);
      llvm::sys::path::append(Candidate, ".clang-tidy");
      if (llvm::sys::fs::is_regular_file(Candidate)) {
        auto Buffer = llvm::MemoryBuffer::getFile(Candidate);
        if (!Buffer)
          return llvm::createStringError(Buffer.getError(), "cannot read '%s': %s",
                                         Candidate.c_str(), Buffer.getError().message().c_str());
        if (auto Error = config_error((*Buffer)->getBuffer(), Candidate))
          return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s", Error->c_str());
        auto Parsed = parseConfiguration((*Buffer)->getMemBufferRef());
        if (Parsed && !Parsed->InheritParentConfig.value_or(false))
          break;
      }
      llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
      if (Parent == Dir)
        break;
      Dir = Parent;
    }
  }
  return llvm::Error::success();
}

/// Every check the binary knows, by clang-tidy's registry.
static std::vector<std::string> all_check_names() {
  ClangTidyOptions Everything = ClangTidyOptions::getDefaults();
  Everything.Checks = "*";
  return getCheckNames(Everything, false);
}

/// A positive glob that names no known check is a typo the user wants to hear about.
static llvm::Error verify_check_globs(llvm::StringRef Globs) {
  std::vector<std::string> Known = all_check_names();
  llvm::SmallVector<llvm::StringRef, 8> Items;
  Globs.split(Items, ',', -1, false);
  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    if (Item.empty() || Item.starts_with("-"))
      continue;
    if (Item.starts_with("clang-diagnostic-") || Item.starts_with("clang-analyzer-"))
      continue;
    GlobList Glob(Item);
    if (llvm::none_of(Known, [&](const std::string &Name) { return Glob.contains(Name); }))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "unknown check '%s' in the check list (see --list-checks)",
                                     Item.str().c_str());
  }
  return llvm::Error::success();
}

int run_check(std::unique_ptr<clang::tooling::CompilationDatabase> Fixed) {
  auto Provider = make_options_provider();
  if (!Provider) {
    report_usage_error(llvm::toString(Provider.takeError()));
    return ExitUsage;
  }
  llvm::StringSet<> CheckedConfigDirs;
  if (llvm::Error E = verify_config_files({first_source()}, CheckedConfigDirs)) {
    report_usage_error(llvm::toString(std::move(E)));
    return ExitUsage;
  }
  // Options for the first source decide listing and dumping, as in clang-tidy.
  ClangTidyOptions Effective = (*Provider)->getOptions(first_source());
  if (llvm::Error E = verify_check_globs(Effective.Checks.value_or(""))) {
    report_usage_error(llvm::toString(std::move(E)));
    return ExitUsage;
  }
  if (ListChecks) {
    std::vector<std::string> Names = getCheckNames(Effective, false);
    llvm::outs() << "Enabled checks:";
    for (const std::string &Name : Names)
      llvm::outs() << "\n    " << Name;
    llvm::outs() << "\n\n";
    return ExitOk;
  }
  if (DumpConfig) {
    Effective.CheckOptions = getCheckOptions(Effective, false);
    llvm::outs() << configurationAsText(ClangTidyOptions::getDefaults().merge(Effective, 0))
                 << "\n";
    return ExitOk;
  }
  if ((Fix || FixErrors) && output_format() != OutputFormat::Text) {
    report_usage_error("--fix prints the applied fixes as text; use it with --format=text");
    return ExitUsage;
  }

  std::unique_ptr<AnalysisInputs> Inputs = load_inputs(std::move(Fixed));
  if (!Inputs)
    return ExitUsage;
  if (llvm::Error E = verify_config_files(Inputs->Files, CheckedConfigDirs)) {
    report_usage_error(llvm::toString(std::move(E)));
    return ExitUsage;
  }
  for (const std::string &File : Inputs->Files) {
    ClangTidyOptions Options = (*Provider)->getOptions(File);
    if (llvm::Error E = verify_check_globs(Options.Checks.value_or(""))) {
      report_usage_error(llvm::toString(std::move(E)));
      return ExitUsage;
    }
    if (getCheckNames(Options, false).empty()) {
      report_usage_error("no checks enabled for '" + File + "'");
      return ExitUsage;
    }
  }

  // Step 1: whole-program facts. One source is its own program; the checks
  // link it from the AST they already have, so it is parsed once (--explain
  // needs the program here, to print what the detector left undecided).
  std::unique_ptr<Program> WholeProgram;
  if (Inputs->Files.size() > 1 || Explain) {
    SummarizeOptions Options;
    Options.Jobs = Inputs->Jobs;
    Options.Adjuster = Inputs->Adjuster;
    Options.SilenceDiagnostics = true; // the clang-tidy pass reports them
    SummarizeResult Summaries =
        summarize_sources(*Inputs->Database, Inputs->Files, Inputs->Knowledge, Options);
    WholeProgram = Program::link(std::move(Summaries.Units), Inputs->Knowledge);
  }
  install_program_facts(WholeProgram.get(), &Inputs->Knowledge);

  // Step 2: the checks, a ClangTidyContext per worker (contexts are not
  // thread-safe), files handed out in order.
  class AdjustedDatabase : public clang::tooling::CompilationDatabase {
  public:
    AdjustedDatabase(const clang::tooling::CompilationDatabase &Base,
                     clang::tooling::ArgumentsAdjuster Adjuster)
        : Base(Base), Adjuster(std::move(Adjuster)) {}
    std::vector<clang::tooling::CompileCommand>
    getCompileCommands(llvm::StringRef File) const override {
      auto Commands = Base.getCompileCommands(File);
      for (auto &Command : Commands)
        Command.CommandLine = Adjuster(Command.CommandLine, File);
      return Commands;
    }
    std::vector<std::string> getAllFiles() const override { return Base.getAllFiles(); }

  private:
    const clang::tooling::CompilationDatabase &Base;
    clang::tooling::ArgumentsAdjuster Adjuster;
  };
  AdjustedDatabase Database(
      *Inputs->Database,
      clang::tooling::combineAdjusters(
          clang::tooling::combineAdjusters(Inputs->Adjuster, resource_dir_adjuster()),
          openmp_adjuster()));

  std::vector<std::vector<ClangTidyError>> PerFile(Inputs->Files.size());
  std::atomic<size_t> Next{0};
  std::mutex ProgressLock;
  size_t Finished = 0;
  auto BaseFS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(llvm::vfs::getRealFileSystem());
  std::unique_ptr<ClangTidyContext> ReportContext;
  auto Worker = [&] {
    auto WorkerProvider = make_options_provider();
    if (!WorkerProvider) {
      llvm::consumeError(WorkerProvider.takeError());
      return;
    }
    ClangTidyContext Context(std::move(*WorkerProvider));
    for (size_t I = Next++; I < Inputs->Files.size(); I = Next++) {
      PerFile[I] = runClangTidy(Context, Database, {Inputs->Files[I]}, BaseFS,
                                /*ApplyAnyFix=*/Fix || FixErrors);
      if (!Inputs->Quiet && Inputs->Files.size() > 1) {
        std::lock_guard<std::mutex> Lock(ProgressLock);
        llvm::errs() << "[" << ++Finished << "/" << Inputs->Files.size() << "] "
                     << Inputs->Files[I] << "\n";
      }
    }
  };
  unsigned Jobs = std::max(1u, std::min<unsigned>(Inputs->Jobs, Inputs->Files.size()));
  std::vector<std::thread> Threads;
  for (unsigned J = 1; J < Jobs; ++J)
    Threads.emplace_back(Worker);
  Worker();
  for (std::thread &T : Threads)
    T.join();
  install_program_facts(nullptr, nullptr);

  // In input order (so -j does not change the output), each finding once: a
  // header included by several sources yields the same finding in each.
  std::vector<ClangTidyError> Errors;
  std::vector<std::string> ErrorUnits;
  std::set<std::tuple<std::string, unsigned, std::string, std::string>> Seen;
  for (size_t I = 0; I < PerFile.size(); ++I)
    for (auto &E : PerFile[I]) {
      if (!E.Message.FilePath.empty() &&
          !Seen.emplace(E.Message.FilePath, E.Message.FileOffset, E.DiagnosticName,
                        E.Message.Message)
               .second)
        continue;
      Errors.push_back(std::move(E));
      ErrorUnits.push_back(Inputs->Files[I]);
    }

  bool FoundErrors = llvm::any_of(
      Errors, [](const ClangTidyError &E) { return E.DiagLevel == ClangTidyError::Error; });
  unsigned WarningsAsErrorsCount = 0;
  ClangTidyContext Context(std::move(*Provider));
  if (output_format() == OutputFormat::Text) {
    FixBehaviour Behaviour = (Fix && !FoundErrors) || FixErrors ? FB_Fix : FB_NoFix;
    // handleErrors prints to stdout; --output sends stdout to the file.
    if (!redirect_stdout_to_output())
      return ExitUsage;
    handleErrors(Errors, Context, Behaviour, WarningsAsErrorsCount, BaseFS);
  } else {
    LineIndex Lines;
    std::vector<Finding> Findings = findings_from(Errors, Lines);
    for (size_t I = 0; I < Findings.size(); ++I)
      Findings[I].TranslationUnit = ErrorUnits[I];
    auto Out = open_output();
    if (!Out)
      return ExitUsage;
    if (output_format() == OutputFormat::Json)
      write_findings_json(Findings, *Out);
    else
      write_sarif(Findings, Lines, *Out);
    for (const ClangTidyError &E : Errors)
      WarningsAsErrorsCount += E.IsWarningAsError;
  }
  if (Explain && WholeProgram && Context.isCheckEnabled("boundwise-unsynchronized-shared-state"))
    for (const UndecidedAccess &U : WholeProgram->undecided_accesses())
      llvm::errs() << U.File << ":" << U.Line << ":" << U.Column << ": remark: " << U.Reason
                   << " [boundwise-unsynchronized-shared-state]\n";
  if (!ExportFixes.empty()) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(ExportFixes, EC, llvm::sys::fs::OF_None);
    if (EC) {
      report_usage_error("cannot write '" + ExportFixes + "': " + EC.message());
      return ExitUsage;
    }
    exportReplacements(Inputs->Files.front(), Errors, OS);
  }
  if (!Inputs->Quiet) {
    size_t Warnings = Errors.size();
    if (Warnings && output_format() == OutputFormat::Text)
      llvm::errs() << Warnings << (Warnings == 1 ? " finding" : " findings") << " reported.\n";
  }
  if (WarningsAsErrorsCount) {
    llvm::errs() << WarningsAsErrorsCount << " warning" << (WarningsAsErrorsCount == 1 ? "" : "s")
                 << " treated as error" << (WarningsAsErrorsCount == 1 ? "" : "s") << "\n";
    return ExitFindings;
  }
  return FoundErrors ? ExitFindings : ExitOk;
}

} // namespace boundwise
