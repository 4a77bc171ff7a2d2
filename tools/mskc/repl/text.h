// Small text helpers shared by the repl, requirements and impact commands.
#pragma once
#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/lower/rule_ir.h"
#include "runtime/core/date.h"

namespace mskc::tool::repl {

inline std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// `1 line`, `2 lines`.
inline std::string Plural(size_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

// `text` padded with spaces to `width` (never cut).
inline std::string Pad(std::string_view text, size_t width) {
  std::string out(text);
  if (out.size() < width) out.resize(width, ' ');
  return out;
}

// The local calendar date.
inline Date Today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  auto d = Date::FromYmd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
  return d ? *d : Date();
}

// The last date of service a version covers: its `until`, else the day before the next version
// starts; nullopt when open-ended.
inline std::optional<Date> VersionEnd(const ir::Guideline& g, const ir::Version& v) {
  if (v.until) return v.until;
  for (size_t i = 0; i + 1 < g.versions.size(); ++i)
    if (&g.versions[i] == &v) return g.versions[i + 1].start.AddDays(-1);
  return std::nullopt;
}

// `2018-01-01 to 2020-08-15`, `from 2020-08-16` (the first version also covers earlier dates).
inline std::string VersionRange(const ir::Guideline& g, const ir::Version& v) {
  const bool first = !g.versions.empty() && &g.versions.front() == &v;
  auto end = VersionEnd(g, v);
  if (first && end) return "until " + end->ToString();
  if (first) return "every date of service";
  if (end) return v.start.ToString() + " to " + end->ToString();
  return "from " + v.start.ToString();
}

}  // namespace mskc::tool::repl
