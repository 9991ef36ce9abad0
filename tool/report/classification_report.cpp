// Text and JSON forms of the classification.
#include "report/classification_report.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

namespace boundwise {

std::string display_path(llvm::StringRef Path) {
  llvm::SmallString<256> Cwd;
  if (!llvm::sys::fs::current_path(Cwd)) {
    Cwd.push_back('/');
    if (Path.starts_with(Cwd))
      return Path.drop_front(Cwd.size()).str();
  }
  return Path.str();
}

static std::string location(const FunctionFacts &F) {
  return display_path(F.Summary->Where.File) + ":" + std::to_string(F.Summary->Where.Line);
}

void write_classification_table(const Program &P, llvm::raw_ostream &OS) {
  size_t NameWidth = 8, LocationWidth = 8;
  for (const FunctionFacts &F : P.functions()) {
    NameWidth = std::max(NameWidth, std::min<size_t>(F.Summary->Name.size(), 48));
    LocationWidth = std::max(LocationWidth, std::min<size_t>(location(F).size(), 40));
  }
  auto Row = [&](llvm::StringRef Name, llvm::StringRef Loc, llvm::StringRef Class,
                 llvm::StringRef Confidence, llvm::StringRef Evidence) {
    OS << llvm::left_justify(Name, NameWidth) << "  " << llvm::left_justify(Loc, LocationWidth)
       << "  " << llvm::left_justify(Class, 7) << "  " << llvm::left_justify(Confidence, 4) << "  "
       << Evidence << "\n";
  };
  Row("function", "location", "class", "conf", "evidence");
  Row(std::string(NameWidth, '-'), std::string(LocationWidth, '-'), "-------", "----",
      "--------");
  for (const FunctionFacts &F : P.functions()) {
    std::string Name = F.Summary->Name;
    if (Name.size() > 48)
      Name = Name.substr(0, 45) + "...";
    Row(Name, location(F), work_class_name(F.Class), llvm::formatv("{0:f2}", F.Confidence).str(),
        F.Evidence.empty() ? "" : F.Evidence.front());
    for (size_t I = 1; I < F.Evidence.size(); ++I)
      Row("", "", "", "", F.Evidence[I]);
    OS << std::string(NameWidth + LocationWidth + 19, ' ') << "=> " << F.Recommendation << "\n";
  }
  size_t Counts[4] = {};
  for (const FunctionFacts &F : P.functions())
    ++Counts[static_cast<int>(F.Class)];
  OS << "\n"
     << P.functions().size() << " functions: " << Counts[0] << " io, " << Counts[1] << " cpu, "
     << Counts[2] << " mixed, " << Counts[3] << " unknown\n";
}

void write_classification_json(const Program &P, llvm::raw_ostream &OS) {
  llvm::json::Array Functions;
  for (const FunctionFacts &F : P.functions()) {
    llvm::json::Object Entry{
        {"name", F.Summary->Name},
        {"usr", F.Summary->Usr},
        {"file", display_path(F.Summary->Where.File)},
        {"line", F.Summary->Where.Line},
        {"class", work_class_name(F.Class)},
        {"confidence", std::round(F.Confidence * 100) / 100},
        {"recommendation", F.Recommendation},
        {"evidence", F.Evidence},
        {"cost_us", llvm::json::Object{{"cpu", F.Total.Cpu},
                                       {"io", F.Total.io()},
                                       {"unknown", F.Total.Unknown}}},
    };
    if (!F.UnknownReason.empty())
      Entry["unknown_reason"] = F.UnknownReason;
    if (F.Concurrency)
      Entry["concurrent"] = llvm::json::Object{{"many_instances", F.Concurrency->ManyInstances},
                                               {"path", F.Concurrency->Path}};
    Functions.push_back(std::move(Entry));
  }
  OS << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{
                                   {"version", 1}, {"functions", std::move(Functions)}}))
     << "\n";
}

} // namespace boundwise
