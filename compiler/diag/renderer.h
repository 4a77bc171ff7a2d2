// Renders diagnostics as clang does: `file:line:col: error: message`, the source line, a caret
// under the span, then notes; closes with "N errors generated.", or, past the cap of
// DiagnosticEngine::kMaxErrors, "50 errors shown, N more not shown."
#pragma once
#include <string>

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/source/source_manager.h"

namespace mskc::diag {

struct RenderOptions {
  bool color = false;
};

std::string Render(const Diagnostic& d, const source::SourceManager& sources,
                   const RenderOptions& options = {});
// Every diagnostic (sorted) and the closing count line when there are errors.
std::string RenderAll(const DiagnosticEngine& engine, const source::SourceManager& sources,
                      const RenderOptions& options = {});

}  // namespace mskc::diag
