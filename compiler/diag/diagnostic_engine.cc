#include "compiler/diag/diagnostic_engine.h"

#include <algorithm>
#include <tuple>

namespace mskc::diag {

Diagnostic& DiagnosticEngine::Error(DiagId id, source::Span span, std::string message) {
  ++error_count_;
  if (error_count_ > kMaxErrors) {
    ++dropped_errors_;
    discarded_ = {Severity::kError, id, span, std::move(message), {}};
    return discarded_;
  }
  diagnostics_.push_back({Severity::kError, id, span, std::move(message), {}});
  return diagnostics_.back();
}

Diagnostic& DiagnosticEngine::Warning(DiagId id, source::Span span, std::string message) {
  diagnostics_.push_back({Severity::kWarning, id, span, std::move(message), {}});
  return diagnostics_.back();
}

std::vector<Diagnostic> DiagnosticEngine::Sorted() const {
  std::vector<Diagnostic> out = diagnostics_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.span.file, a.span.begin) < std::tie(b.span.file, b.span.begin);
  });
  auto same = [](const Diagnostic& a, const Diagnostic& b) {
    return a.span.file == b.span.file && a.span.begin == b.span.begin && a.message == b.message;
  };
  out.erase(std::unique(out.begin(), out.end(), same), out.end());
  return out;
}

}  // namespace mskc::diag
