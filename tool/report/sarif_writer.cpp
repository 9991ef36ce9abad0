// SARIF 2.1.0 output. Clang's SarifDocumentWriter builds the run, the rules
// and the results (it converts byte columns to UTF-16 code units through a
// SourceManager); what it does not model (short descriptions, help text,
// partial fingerprints, related locations for notes) is added to its JSON.
#include "report/sarif_writer.h"

#include "checks/check_catalog.h"
#include "report/classification_report.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/Sarif.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"

namespace boundwise {

namespace {

/// Source locations for files named by path, for SarifDocumentWriter.
class SourceLocations {
public:
  SourceLocations()
      : Diags(new clang::DiagnosticIDs(), new clang::DiagnosticOptions()),
        Files(clang::FileSystemOptions()), Sources(Diags, Files) {}

  std::optional<clang::CharSourceRange> range(const FindingLocation &L) {
    if (L.File.empty())
      return std::nullopt;
    auto [It, Inserted] = Ids.try_emplace(L.File);
    if (Inserted) {
      auto Entry = Files.getOptionalFileRef(L.File);
      if (!Entry)
        return std::nullopt;
      It->second = Sources.createFileID(*Entry, clang::SourceLocation(), clang::SrcMgr::C_User);
    }
    if (It->second.isInvalid())
      return std::nullopt;
    clang::SourceLocation Loc = Sources.getComposedLoc(It->second, L.Offset);
    return clang::CharSourceRange::getCharRange(Loc, Loc.getLocWithOffset(0));
  }
  clang::SourceManager &manager() { return Sources; }

private:
  clang::DiagnosticsEngine Diags;
  clang::FileManager Files;
  clang::SourceManager Sources;
  llvm::StringMap<clang::FileID> Ids;
};

/// A file: URI with everything outside RFC 3986's unreserved set (and '/')
/// percent-encoded.
std::string file_uri(llvm::StringRef Path) {
  std::string Uri = "file://";
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C))
      Uri.push_back(C);
    else
      Uri += llvm::formatv("%{0:X2}", static_cast<unsigned>(C)).str();
  }
  return Uri;
}

int DocsAnchor;

/// Where the docs are: installed beside the binary (<prefix>/share/doc/
/// boundwise), else the source tree this binary was built from, else the
/// configured install location.
const std::string &docs_dir() {
  static const std::string Dir = [] {
    std::string Exe = llvm::sys::fs::getMainExecutable("boundwise", &DocsAnchor);
    if (!Exe.empty()) {
      llvm::SmallString<256> Installed(
          llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
      llvm::sys::path::append(Installed, BOUNDWISE_DOCS_RELDIR);
      if (llvm::sys::fs::is_directory(Installed + "/checks"))
        return std::string(Installed);
    }
    if (llvm::sys::fs::is_directory(BOUNDWISE_SOURCE_DOCS_DIR "/checks"))
      return std::string(BOUNDWISE_SOURCE_DOCS_DIR);
    return std::string(BOUNDWISE_DOCS_DIR);
  }();
  return Dir;
}

std::string docs_uri(llvm::StringRef Check) {
  return file_uri(docs_dir() + "/checks/" + Check.str() + ".md");
}

/// SARIF wants `name` to differ from the opaque `id`: a readable PascalCase
/// form (boundwise-mt-unsafe-call-in-thread -> MtUnsafeCallInThread).
std::string rule_name(llvm::StringRef Check) {
  Check.consume_front("boundwise-");
  std::string Name;
  bool Upper = true;
  for (char C : Check) {
    if (!llvm::isAlnum(C)) {
      Upper = true;
      continue;
    }
    Name.push_back(Upper ? llvm::toUpper(C) : C);
    Upper = false;
  }
  return Name;
}

/// A region in UTF-16 code units (SARIF's default column kind).
llvm::json::Object region(const LineColumn &Where) {
  return llvm::json::Object{{"startLine", Where.Line},
                            {"startColumn", Where.Utf16Column},
                            {"endLine", Where.Line},
                            {"endColumn", Where.Utf16Column}};
}

clang::SarifResultLevel sarif_level(FindingLevel L) {
  switch (L) {
  case FindingLevel::Note: return clang::SarifResultLevel::Note;
  case FindingLevel::Warning: return clang::SarifResultLevel::Warning;
  case FindingLevel::Error: return clang::SarifResultLevel::Error;
  }
  return clang::SarifResultLevel::Warning;
}

/// Stable across runs and unrelated edits: the check, the file and the
/// trimmed text of the flagged line, not its number.
std::string fingerprint(const Finding &F, LineIndex &Lines) {
  llvm::SHA1 Hash;
  Hash.update(F.Check);
  Hash.update(display_path(F.Where.File));
  Hash.update(Lines.line_text(F.Where.File, F.Where.Position.Line).trim());
  auto Digest = Hash.final();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(Digest.data(), Digest.size()), true);
}

} // namespace

void write_sarif(const std::vector<Finding> &Findings, LineIndex &Lines, llvm::raw_ostream &OS) {
  SourceLocations Locations;
  clang::SarifDocumentWriter Writer(Locations.manager());
  Writer.createRun("boundwise", "boundwise concurrency advisor", BOUNDWISE_VERSION);

  llvm::StringMap<size_t> RuleIndex;
  std::vector<std::string> RuleIds;
  auto RuleFor = [&](llvm::StringRef Check) {
    auto [It, Inserted] = RuleIndex.try_emplace(Check);
    if (Inserted) {
      const CheckInfo *Info = find_check(Check);
      std::string Description =
          Info ? Info->Description.str()
               : std::string(Check.starts_with("clang-diagnostic") ? "Compiler diagnostic"
                                                                   : "clang-tidy check");
      It->second = Writer.createRule(clang::SarifRule::create()
                                         .setRuleId(Check)
                                         .setName(rule_name(Check))
                                         .setDescription(Description)
                                         .setHelpURI(Info ? docs_uri(Check) : ""));
      RuleIds.push_back(Check.str());
    }
    return It->second;
  };

  for (const Finding &F : Findings) {
    size_t Rule = RuleFor(F.Check);
    auto Result = clang::SarifResult::create(Rule)
                      .setRuleId(F.Check)
                      .setDiagnosticMessage(F.Message)
                      .setDiagnosticLevel(sarif_level(F.Level));
    FindingLocation Where = F.Where;
    if (Where.File.empty() && !F.TranslationUnit.empty()) {
      // No location of its own (a bad flag): the source it was compiling.
      Where.File = F.TranslationUnit;
      Where.Offset = 0;
      Where.Position = Lines.locate(Where.File, 0);
    }
    if (auto Range = Locations.range(Where))
      Result = Result.setLocations({*Range});
    Writer.appendResult(Result);
  }

  llvm::json::Object Document = Writer.createDocument();
  // Enrich what SarifDocumentWriter leaves out.
  llvm::json::Array *Runs = Document.getArray("runs");
  if (Runs && !Runs->empty()) {
    llvm::json::Object &Run = *(*Runs)[0].getAsObject();
    if (llvm::json::Object *Tool = Run.getObject("tool"))
      if (llvm::json::Object *Driver = Tool->getObject("driver")) {
        Driver->erase("informationUri");
        (*Driver)["informationUri"] = file_uri(docs_dir() + "/cli.md");
        if (llvm::json::Array *Rules = Driver->getArray("rules"))
          for (size_t I = 0; I < Rules->size() && I < RuleIds.size(); ++I) {
            llvm::json::Object &Rule = *(*Rules)[I].getAsObject();
            if (const CheckInfo *Info = find_check(RuleIds[I])) {
              Rule["shortDescription"] = llvm::json::Object{{"text", Info->Summary}};
              Rule["help"] = llvm::json::Object{
                  {"text", (Info->Description + " See " + docs_uri(Info->Name) + ".").str()}};
            } else if (llvm::StringRef(RuleIds[I]).starts_with("clang-diagnostic-")) {
              Rule.erase("helpUri");
              Rule["shortDescription"] = llvm::json::Object{{"text", "Compiler diagnostic"}};
              Rule["help"] = llvm::json::Object{
                  {"text", "Clang reported this while compiling the source with its compile "
                           "command. Errors mean the file did not compile: boundwise analysed "
                           "what parsed, so fix the code or the flags (-p, '--', --extra-arg)."}};
            } else {
              std::string Uri =
                  "https://clang.llvm.org/extra/clang-tidy/checks/list.html";
              Rule["helpUri"] = Uri;
              Rule["shortDescription"] = llvm::json::Object{{"text", RuleIds[I]}};
              Rule["help"] =
                  llvm::json::Object{{"text", "A clang-tidy check; see " + Uri + "."}};
            }
          }
      }
    // Clang's writer counts columns in code points; SARIF's default and
    // GitHub's expectation is UTF-16 code units, which LineIndex computes.
    Run["columnKind"] = "utf16CodeUnits";
    if (llvm::json::Array *Results = Run.getArray("results"))
      for (size_t I = 0; I < Results->size() && I < Findings.size(); ++I) {
        llvm::json::Object &Result = *(*Results)[I].getAsObject();
        const Finding &F = Findings[I];
        if (llvm::json::Array *Locations = Result.getArray("locations"))
          for (llvm::json::Value &Location : *Locations)
            if (llvm::json::Object *Physical =
                    Location.getAsObject()->getObject("physicalLocation")) {
              if (F.Where.Position.Line)
                (*Physical)["region"] = region(F.Where.Position);
              else
                (*Physical)["region"] = region(LineColumn{1, 1, 1});
            }
        Result["partialFingerprints"] =
            llvm::json::Object{{"boundwiseLineHash/v1", fingerprint(F, Lines)}};
        llvm::json::Array Related;
        for (size_t N = 0; N < F.Notes.size(); ++N) {
          const FindingNote &Note = F.Notes[N];
          if (Note.Where.File.empty())
            continue;
          llvm::json::Object Location{{"id", static_cast<int64_t>(N)},
                                      {"message", llvm::json::Object{{"text", Note.Message}}}};
          llvm::json::Object Physical{
              {"artifactLocation", llvm::json::Object{{"uri", file_uri(Note.Where.File)}}}};
          if (Note.Where.Position.Line)
            Physical["region"] = region(Note.Where.Position);
          Location["physicalLocation"] = std::move(Physical);
          Related.push_back(std::move(Location));
        }
        if (!Related.empty())
          Result["relatedLocations"] = std::move(Related);
      }
  }
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Document))) << "\n";
}

} // namespace boundwise
