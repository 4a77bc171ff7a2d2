// Finds, reads and parses the .msk files of a rule set and resolves their imports
// (`import common.facts` → `common/facts.msk` in the importing file's folder or a folder above it,
// never above its rules folder — the folder given, or the folder of the file given — then in the
// shipped library folder `library_dir`). A module's real path must stay inside the folder it was
// found in, so a symbolic link cannot bring in a file from elsewhere.
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
