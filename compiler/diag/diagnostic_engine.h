// Collects diagnostics from every stage: every error in one run, sorted by position, deduplicated,
// with a cap so that a broken file cannot flood the terminal.
#pragma once
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "runtime/core/limits.h"

namespace mskc::diag {

class DiagnosticEngine {
 public:
  static constexpr size_t kMaxErrors = limits::kMaxErrors;

  Diagnostic& Error(DiagId id, source::Span span, std::string message);
  Diagnostic& Warning(DiagId id, source::Span span, std::string message);
  void AddNote(Diagnostic& d, std::optional<source::Span> span, std::string message) {
    d.notes.push_back({span, std::move(message)});
  }

  // Every error reported, kept or not.
  size_t error_count() const { return error_count_; }
  // Errors beyond the first kMaxErrors: counted, not kept.
  size_t dropped_error_count() const { return dropped_errors_; }
  bool has_errors() const { return error_count_ > 0; }
  // Sorted by (file, offset), duplicates (same span and message) removed.
  std::vector<Diagnostic> Sorted() const;

 private:
  std::vector<Diagnostic> diagnostics_;
  size_t error_count_ = 0;
  size_t dropped_errors_ = 0;
  // What Error() returns once the cap is reached, so that callers may still add notes.
  Diagnostic discarded_;
};

}  // namespace mskc::diag
