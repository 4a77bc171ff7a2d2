// The frontend's only entry: source text → AST, with syntax errors reported as mskc diagnostics.
// ANTLR types never leave this folder (the grammar library is linked PRIVATE).
#pragma once
#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostic_engine.h"
#include "compiler/source/source_manager.h"

namespace mskc::frontend {

struct ParseResult {
  ast::File file;
  bool had_syntax_errors = false;
};

ParseResult Parse(source::FileId file, const source::SourceManager& sources,
                  diag::DiagnosticEngine& diags);

}  // namespace mskc::frontend
