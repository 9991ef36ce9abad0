// Runs Clang over the sources on a few threads, one ClangTool per file so a
// file's failure is its own.
#include "frontend.h"

#include <algorithm>

#include "summary_builder.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

#include <atomic>
#include <mutex>
#include <thread>

#ifndef BOUNDWISE_CLANG_RESOURCE_DIR
#error "the build must define BOUNDWISE_CLANG_RESOURCE_DIR"
#endif

namespace boundwise {

static int ResourceDirAnchor;

std::string clang_resource_dir() {
  // An installed tree may carry its own copy: <prefix>/lib/clang/<major>.
  std::string Exe = llvm::sys::fs::getMainExecutable("boundwise", &ResourceDirAnchor);
  if (!Exe.empty()) {
    llvm::SmallString<256> Candidate(llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
    llvm::sys::path::append(Candidate, "lib", "clang", BOUNDWISE_CLANG_MAJOR);
    llvm::sys::path::append(Candidate, "include", "stddef.h");
    if (llvm::sys::fs::exists(Candidate))
      return llvm::sys::path::parent_path(llvm::sys::path::parent_path(Candidate)).str();
  }
  return BOUNDWISE_CLANG_RESOURCE_DIR;
}

clang::tooling::ArgumentsAdjuster resource_dir_adjuster() {
  std::string Dir = clang_resource_dir();
  return [Dir](const clang::tooling::CommandLineArguments &Args, llvm::StringRef) {
    for (const std::string &Arg : Args)
      if (llvm::StringRef(Arg).starts_with("-resource-dir"))
        return Args;
    clang::tooling::CommandLineArguments Out = Args;
    Out.push_back("-resource-dir=" + Dir);
    return Out;
  };
}

clang::tooling::ArgumentsAdjuster openmp_adjuster() {
  return [](const clang::tooling::CommandLineArguments &Args, llvm::StringRef) {
    for (const std::string &Arg : Args)
      if (llvm::StringRef(Arg).starts_with("-fopenmp") || Arg == "-fno-openmp" || Arg == "/openmp")
        return Args;
    clang::tooling::CommandLineArguments Out = Args;
    // Before a "--" that ends options, or at the end.
    auto End = std::find(Out.begin(), Out.end(), "--");
    Out.insert(End, "-fopenmp");
    return Out;
  };
}

namespace {

class SummaryConsumer : public clang::ASTConsumer {
public:
  SummaryConsumer(const KnowledgeBase &Knowledge, TranslationUnitSummary &Out)
      : Knowledge(Knowledge), Out(Out) {}
  void HandleTranslationUnit(clang::ASTContext &Context) override {
    Out = summarize_translation_unit(Context, Knowledge);
  }

private:
  const KnowledgeBase &Knowledge;
  TranslationUnitSummary &Out;
};

class SummaryAction : public clang::ASTFrontendAction {
public:
  SummaryAction(const KnowledgeBase &Knowledge, TranslationUnitSummary &Out)
      : Knowledge(Knowledge), Out(Out) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &,
                                                        llvm::StringRef) override {
    return std::make_unique<SummaryConsumer>(Knowledge, Out);
  }

private:
  const KnowledgeBase &Knowledge;
  TranslationUnitSummary &Out;
};

class SummaryActionFactory : public clang::tooling::FrontendActionFactory {
public:
  SummaryActionFactory(const KnowledgeBase &Knowledge, TranslationUnitSummary &Out)
      : Knowledge(Knowledge), Out(Out) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<SummaryAction>(Knowledge, Out);
  }

private:
  const KnowledgeBase &Knowledge;
  TranslationUnitSummary &Out;
};

} // namespace

SummarizeResult summarize_sources(const clang::tooling::CompilationDatabase &Database,
                                  const std::vector<std::string> &Files,
                                  const KnowledgeBase &Knowledge,
                                  const SummarizeOptions &Options) {
  std::vector<TranslationUnitSummary> Units(Files.size());
  std::vector<char> Ok(Files.size(), 0);
  std::atomic<size_t> Next{0};
  auto Worker = [&] {
    for (size_t I = Next++; I < Files.size(); I = Next++) {
      clang::tooling::ClangTool Tool(Database, {Files[I]});
      Tool.appendArgumentsAdjuster(resource_dir_adjuster());
      Tool.appendArgumentsAdjuster(openmp_adjuster());
      if (Options.Adjuster)
        Tool.appendArgumentsAdjuster(Options.Adjuster);
      clang::IgnoringDiagConsumer Silent;
      if (Options.SilenceDiagnostics)
        Tool.setDiagnosticConsumer(&Silent);
      SummaryActionFactory Factory(Knowledge, Units[I]);
      // A crash while analysing one file costs that file only.
      llvm::CrashRecoveryContext Recovery;
      int Status = 1;
      if (!Recovery.RunSafely([&] { Status = Tool.run(&Factory); })) {
        llvm::errs() << "boundwise: internal error while analysing " << Files[I]
                     << "; skipped it (please report the file)\n";
        Units[I] = TranslationUnitSummary{};
        Status = 1;
      }
      Ok[I] = Status == 0;
      if (Units[I].MainFile.empty())
        Units[I].MainFile = Files[I];
      if (Options.OnFileDone)
        Options.OnFileDone(Files[I], Ok[I]);
    }
  };
  unsigned Jobs = std::max(1u, std::min<unsigned>(Options.Jobs, Files.size()));
  std::vector<std::thread> Threads;
  for (unsigned J = 1; J < Jobs; ++J)
    Threads.emplace_back(Worker);
  Worker();
  for (std::thread &T : Threads)
    T.join();

  SummarizeResult Result;
  for (size_t I = 0; I < Files.size(); ++I) {
    if (!Ok[I])
      Result.FailedFiles.push_back(Files[I]);
    Result.Units.push_back(std::move(Units[I]));
  }
  llvm::sort(Result.FailedFiles);
  return Result;
}

} // namespace boundwise
