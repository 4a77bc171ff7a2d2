// Sema: name resolution, type checking and lowering of parsed modules into the rule IR, with
// every error reported (no stop at the first). The only public entry of compiler/sema.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostic_engine.h"
#include "compiler/lower/rule_ir.h"
#include "compiler/source/source_manager.h"

namespace mskc::sema {

// One parsed file and the modules it imports (indices into the same vector, resolved by the
// module loader, which also reports unknown imports and cycles).
struct Module {
  ast::File file;
  std::vector<size_t> imports;
};

// Checks every module together. Returns the program even when errors were reported (callers
// must look at diags.has_errors() before using it).
std::unique_ptr<ir::Program> Check(const std::vector<Module>& modules,
                                   const source::SourceManager& sources,
                                   diag::DiagnosticEngine& diags);

}  // namespace mskc::sema
