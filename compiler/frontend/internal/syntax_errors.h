// Turns ANTLR's syntax errors into mskc diagnostics in mskc's own words ("expected an expression,
// found `)`"): token sets are never shown, grammar rule names never leak.
#pragma once
#include "MskParser.h"
#include "compiler/diag/diagnostic_engine.h"
#include "compiler/source/source_manager.h"

namespace mskc::frontend::internal {

class SyntaxErrorListener : public antlr4::BaseErrorListener {
 public:
  SyntaxErrorListener(source::FileId file, const source::SourceManager& sources,
                      diag::DiagnosticEngine& diags)
      : file_(file), sources_(sources), diags_(diags) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line,
                   size_t column, const std::string& msg, std::exception_ptr e) override;

  size_t error_count() const { return count_; }

 private:
  source::FileId file_;
  const source::SourceManager& sources_;
  diag::DiagnosticEngine& diags_;
  size_t count_ = 0;
  size_t last_line_ = 0;
};

}  // namespace mskc::frontend::internal
