// Summaries are plain values: a TranslationUnitSummary survives toJSON and
// fromJSON unchanged, and linking gives the same classes whatever the order
// of the units.
#include "knowledge_base.h"
#include "program.h"
#include "summary.h"
#include "summary_builder.h"

#include "clang/AST/ASTContext.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>

namespace boundwise {
namespace {

// Two translation units of one program: a.cpp calls helpers defined in b.cpp.
constexpr const char *UnitA = R"cpp(
extern "C" long recv(int, void *, unsigned long, int);
long fetch_block(int fd, char *buf);
double crunch(const double *v, int n);
struct Sink { virtual ~Sink(); virtual void put(int) = 0; };
void publish(Sink &s, int n) { for (int i = 0; i < n; ++i) s.put(i); }
double pipeline(int fd, char *buf, double *v) {
  double total = 0;
  for (int i = 0; i < 100; ++i) {
    fetch_block(fd, buf);
    total += crunch(v, 1000000);
  }
  return total;
}
long download(int fd, char *buf) { return fetch_block(fd, buf) + fetch_block(fd, buf); }
)cpp";

constexpr const char *UnitB = R"cpp(
extern "C" long recv(int, void *, unsigned long, int);
extern "C" int usleep(unsigned);
long fetch_block(int fd, char *buf) { return recv(fd, buf, 4096, 0); }
double crunch(const double *v, int n) {
  double s = 0;
  for (int r = 0; r < 512; ++r)
    for (int i = 0; i < 1000; ++i)
      s += v[i] * v[i] + r;
  return s;
}
struct Sink { virtual ~Sink(); virtual void put(int) = 0; };
struct SlowSink : Sink { void put(int) override { usleep(1000); } };
static int (*pick())(int) { return nullptr; }
)cpp";

TranslationUnitSummary summarize(const char *Code, const char *Name) {
  std::unique_ptr<clang::ASTUnit> AST =
      clang::tooling::buildASTFromCodeWithArgs(Code, {"-std=c++20"}, Name);
  EXPECT_TRUE(AST);
  return summarize_translation_unit(AST->getASTContext(), KnowledgeBase::builtin());
}

std::string dump(const TranslationUnitSummary &S) {
  return llvm::formatv("{0:2}", toJSON(S)).str();
}

std::map<std::string, std::string> classes(const Program &P) {
  std::map<std::string, std::string> Out;
  for (const FunctionFacts &F : P.functions())
    Out[F.Summary->Usr] = work_class_name(F.Class).str() + " " +
                          llvm::formatv("{0:f3}", F.Confidence).str() + " " +
                          (F.Evidence.empty() ? "" : F.Evidence.front());
  return Out;
}

TEST(SummaryRoundTrip, JsonKeepsEveryField) {
  TranslationUnitSummary Original = summarize(UnitA, "a.cpp");
  ASSERT_FALSE(Original.Functions.empty());
  std::string Text = dump(Original);
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Text);
  ASSERT_TRUE(bool(Parsed)) << llvm::toString(Parsed.takeError());
  TranslationUnitSummary Back;
  llvm::json::Path::Root Root;
  ASSERT_TRUE(fromJSON(*Parsed, Back, Root));
  EXPECT_EQ(Text, dump(Back));
  EXPECT_EQ(Original.Functions.size(), Back.Functions.size());
  EXPECT_EQ(Original.MainFile, Back.MainFile);
}

TEST(SummaryRoundTrip, RejectsAnotherVersion) {
  llvm::json::Value V = toJSON(summarize(UnitB, "b.cpp"));
  V.getAsObject()->operator[]("version") = TranslationUnitSummary::FormatVersion + 1;
  TranslationUnitSummary Back;
  llvm::json::Path::Root Root;
  EXPECT_FALSE(fromJSON(V, Back, Root));
}

TEST(ProgramLink, IndependentOfUnitOrder) {
  TranslationUnitSummary A = summarize(UnitA, "a.cpp");
  TranslationUnitSummary B = summarize(UnitB, "b.cpp");
  // Through JSON, as a merge step reading summary files would.
  auto Reload = [](const TranslationUnitSummary &S) {
    TranslationUnitSummary Out;
    llvm::json::Path::Root Root;
    EXPECT_TRUE(fromJSON(toJSON(S), Out, Root));
    return Out;
  };
  auto Forward = Program::link({A, B}, KnowledgeBase::builtin());
  auto Backward = Program::link({Reload(B), Reload(A)}, KnowledgeBase::builtin());
  EXPECT_EQ(classes(*Forward), classes(*Backward));
  ASSERT_EQ(Forward->functions().size(), Backward->functions().size());
  for (size_t I = 0; I < Forward->functions().size(); ++I)
    EXPECT_EQ(Forward->functions()[I].Summary->Name, Backward->functions()[I].Summary->Name);

  // The cross-unit facts the order must not change.
  auto ClassOf = [&](const Program &P, llvm::StringRef Name) {
    for (const FunctionFacts &F : P.functions())
      if (F.Summary->Name == Name)
        return work_class_name(F.Class).str();
    return std::string("missing");
  };
  EXPECT_EQ(ClassOf(*Forward, "download"), "io");
  EXPECT_EQ(ClassOf(*Forward, "crunch"), "cpu");
  EXPECT_EQ(ClassOf(*Forward, "pipeline"), "mixed");
  EXPECT_EQ(ClassOf(*Forward, "publish"), "io"); // through SlowSink::put in b.cpp
}

} // namespace
} // namespace boundwise
