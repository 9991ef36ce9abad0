// JSON form of findings.
#include "report/findings_json.h"

#include "report/classification_report.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

namespace boundwise {

llvm::StringRef level_name(FindingLevel Level) {
  switch (Level) {
  case FindingLevel::Note: return "note";
  case FindingLevel::Warning: return "warning";
  case FindingLevel::Error: return "error";
  }
  return "warning";
}

static llvm::json::Object location_json(const FindingLocation &L) {
  return llvm::json::Object{{"file", display_path(L.File)},
                            {"line", L.Position.Line},
                            {"column", L.Position.ByteColumn}};
}

void write_findings_json(const std::vector<Finding> &Findings, llvm::raw_ostream &OS) {
  llvm::json::Array Items;
  for (const Finding &F : Findings) {
    llvm::json::Array Notes, Fixes;
    for (const FindingNote &N : F.Notes) {
      llvm::json::Object Note = location_json(N.Where);
      Note["message"] = N.Message;
      Notes.push_back(std::move(Note));
    }
    for (const FindingFix &X : F.Fixes)
      Fixes.push_back(llvm::json::Object{{"file", display_path(X.File)},
                                         {"offset", X.Offset},
                                         {"length", X.Length},
                                         {"line", X.Begin.Line},
                                         {"column", X.Begin.ByteColumn},
                                         {"replacement", X.Replacement}});
    llvm::json::Object Item = location_json(F.Where);
    Item["check"] = F.Check;
    Item["level"] = level_name(F.Level);
    Item["message"] = F.Message;
    Item["notes"] = std::move(Notes);
    Item["fixes"] = std::move(Fixes);
    Items.push_back(std::move(Item));
  }
  OS << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{
                                   {"version", 1}, {"findings", std::move(Items)}}))
     << "\n";
}

} // namespace boundwise
