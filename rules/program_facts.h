// How clang-tidy checks reach the whole-program facts: the boundwise driver
// links every summary before any check runs and installs the program here;
// under stock clang-tidy (--load) nothing is installed and each check links
// the one translation unit it sees.
#ifndef BOUNDWISE_RULES_PROGRAM_FACTS_H
#define BOUNDWISE_RULES_PROGRAM_FACTS_H

#include "knowledge_base.h"
#include "program.h"

#include <memory>

namespace clang {
class ASTContext;
}

namespace boundwise {

/// Installs \p P for the checks of this process (nullptr uninstalls). The
/// clang-tidy module registry is process-wide, so this slot is too.
void install_program_facts(const Program *P, const KnowledgeBase *Knowledge);

/// The installed program, or null.
const Program *installed_program();
/// The knowledge base the driver analysed with (the builtin one otherwise).
const KnowledgeBase &installed_knowledge();

/// The facts a check should consult for the translation unit in \p Context:
/// the installed program, or one linked from this translation unit alone
/// (kept in \p LocalStorage).
const Program &program_for(clang::ASTContext &Context, std::unique_ptr<Program> &LocalStorage);

} // namespace boundwise

#endif
