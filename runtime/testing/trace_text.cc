#include "runtime/testing/trace_text.h"

#include "runtime/core/tri.h"

namespace mskc::testing {
namespace {

// Source text may span lines: one line per criterion reads better, so whitespace runs collapse.
std::string OneLine(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    bool is_space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (is_space) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string FormatTrace(const determination::Determination& d, const std::string& indent) {
  std::string out;
  for (size_t i = 0; i < d.lines.size(); ++i) {
    const auto& line = d.lines[i];
    out += indent + "line " + std::to_string(i + 1) + " " + line.code + ": " +
           std::string(determination::OutcomeName(line.outcome));
    if (line.guideline) out += " (" + line.guideline->id + " " + line.guideline->version + ")";
    out += "\n";
    for (const auto& c : line.criteria) {
      out += indent + "  " + c.id + ": " + std::string(CriterionResultName(c.result));
      if (c.trace) {
        std::string facts;
        for (const auto& [key, value] : c.trace->facts)
          facts += (facts.empty() ? "" : ", ") + key + "=" + value;
        if (!facts.empty()) out += "  [" + facts + "]";
        if (!c.trace->decided_by.empty())
          out += "  decided by `" + OneLine(c.trace->decided_by) + "`";
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace mskc::testing
