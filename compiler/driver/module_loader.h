// Finds, reads and parses the .msk files of a rule set and resolves their imports
// (`import common.facts` → `common/facts.msk` in the importing file's folder or any folder above,
// then in the shipped library folder `library_dir`).
#pragma once
#include <string>
#include <vector>

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/sema/sema.h"
#include "compiler/source/source_manager.h"

namespace mskc::driver {

struct LoadResult {
  std::vector<sema::Module> modules;
  bool ok = false;  // false when a file could not be read or parsed, or imports failed
};

LoadResult LoadModules(const std::vector<std::string>& paths, source::SourceManager& sources,
                       diag::DiagnosticEngine& diags, const std::string& library_dir);

}  // namespace mskc::driver
