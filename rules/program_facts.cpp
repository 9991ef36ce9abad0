// The process-wide slot for program facts (see program_facts.h for why).
#include "program_facts.h"

#include "summary_builder.h"

#include <atomic>

namespace boundwise {

static std::atomic<const Program *> InstalledProgram{nullptr};
static std::atomic<const KnowledgeBase *> InstalledKnowledge{nullptr};

void install_program_facts(const Program *P, const KnowledgeBase *Knowledge) {
  InstalledProgram = P;
  InstalledKnowledge = Knowledge;
}

const Program *installed_program() { return InstalledProgram; }

const KnowledgeBase &installed_knowledge() {
  const KnowledgeBase *K = InstalledKnowledge;
  return K ? *K : KnowledgeBase::builtin();
}

const Program &program_for(clang::ASTContext &Context, std::unique_ptr<Program> &LocalStorage) {
  if (const Program *P = installed_program())
    return *P;
  if (!LocalStorage) {
    std::vector<TranslationUnitSummary> Units;
    Units.push_back(summarize_translation_unit(Context, installed_knowledge()));
    LocalStorage = Program::link(std::move(Units), installed_knowledge());
  }
  return *LocalStorage;
}

} // namespace boundwise
