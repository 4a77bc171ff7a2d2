#include "compiler/diag/renderer.h"

#include <fmt/format.h>

namespace mskc::diag {
namespace {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "note";
  }
  return "error";
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// `file:line:col: severity: message` then the source line with a caret and tildes.
void RenderOne(std::string& out, Severity severity, const std::optional<source::Span>& span,
               const std::string& message, const source::SourceManager& sources) {
  if (!span || !span->valid()) {
    out += fmt::format("mskc: {}: {}\n", SeverityName(severity), message);
    return;
  }
  auto begin = sources.Locate(span->file, span->begin);
  out += fmt::format("{}:{}:{}: {}: {}\n", sources.Path(span->file), begin.line, begin.column,
                     SeverityName(severity), message);
  std::string_view line = sources.LineText(span->file, begin.line);
  std::string shown;
  for (char c : line) shown += (c == '\t') ? ' ' : c;
  std::string gutter = fmt::format("{:>5}", begin.line);
  out += fmt::format("{} | {}\n", gutter, shown);
  // Underline within the first line of the span only.
  auto end = sources.Locate(span->file, std::max(span->end, span->begin));
  size_t width = 1;
  if (end.line == begin.line && end.column > begin.column) width = end.column - begin.column;
  size_t line_len = CodePoints(line);
  if (begin.column - 1 + width > line_len && line_len >= begin.column)
    width = line_len - (begin.column - 1);
  if (width == 0) width = 1;
  out += fmt::format("{} | {}^{}\n", std::string(gutter.size(), ' '),
                     std::string(begin.column - 1, ' '), std::string(width - 1, '~'));
}

}  // namespace

std::string Render(const Diagnostic& d, const source::SourceManager& sources,
                   const RenderOptions&) {
  std::string out;
  RenderOne(out, d.severity, d.span.valid() ? std::optional(d.span) : std::nullopt, d.message,
            sources);
  for (const Note& n : d.notes) {
    if (n.span && n.span->valid()) {
      RenderOne(out, Severity::kNote, n.span, n.message, sources);
    } else if (d.span.valid()) {
      auto at = sources.Locate(d.span.file, d.span.begin);
      out += fmt::format("{}:{}:{}: note: {}\n", sources.Path(d.span.file), at.line, at.column,
                         n.message);
    } else {
      out += fmt::format("mskc: note: {}\n", n.message);
    }
  }
  return out;
}

std::string RenderAll(const DiagnosticEngine& engine, const source::SourceManager& sources,
                      const RenderOptions& options) {
  std::string out;
  for (const Diagnostic& d : engine.Sorted()) out += Render(d, sources, options);
  size_t errors = engine.error_count();
  if (size_t dropped = engine.dropped_error_count(); dropped > 0)
    out += fmt::format("{} errors shown, {} more not shown.\n", errors - dropped, dropped);
  else if (errors > 0)
    out += fmt::format("{} error{} generated.\n", errors, errors == 1 ? "" : "s");
  return out;
}

}  // namespace mskc::diag
