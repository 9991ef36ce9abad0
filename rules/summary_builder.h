// Builds the per-function summaries of one parsed translation unit.
#ifndef BOUNDWISE_RULES_SUMMARY_BUILDER_H
#define BOUNDWISE_RULES_SUMMARY_BUILDER_H

#include "knowledge_base.h"
#include "summary.h"

#include <vector>

namespace clang {
class ASTContext;
class Decl;
class Expr;
class FunctionDecl;
class NamedDecl;
} // namespace clang

namespace boundwise {

TranslationUnitSummary summarize_translation_unit(clang::ASTContext &Context,
                                                  const KnowledgeBase &Knowledge);

/// The name the knowledge base knows a declaration by: qualified, without
/// inline or anonymous namespaces and without template arguments
/// (std::basic_ifstream::open, std::this_thread::sleep_for).
std::string api_name(const clang::NamedDecl *D);

/// A readable name for reports: qualified, with template arguments, and
/// lambdas named by where they are written.
std::string display_name(const clang::FunctionDecl *F);

/// The functions a callable argument stands for: a function, a lambda (every
/// instantiation of a generic one), a function object's call operator, seen
/// through std::bind, std::ref, std::function and copies of closures.
void collect_callable_decls(const clang::Expr *E, std::vector<const clang::FunctionDecl *> &Out,
                            int Depth = 0);

/// Clang's USR, the key that links a function across translation units.
std::string usr_of(const clang::Decl *D);

} // namespace boundwise

#endif
