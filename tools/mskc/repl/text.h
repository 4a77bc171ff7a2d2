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

// `1 line`, `2 lines`, `3 criteria`.
inline std::string Plural(size_t n, std::string_view word) {
  std::string out = std::to_string(n) + " " + std::string(word);
  if (n == 1) return out;
  if (word == "criterion") return std::to_string(n) + " criteria";
  return out + "s";
}

// `text` broken into lines of at most `width` characters (a longer word stays whole); lines after
// the first start with `indent` spaces, so text printed at column `indent` stays in its column.
inline std::string Wrap(std::string_view text, size_t width, size_t indent) {
  std::string out, line;
  auto flush = [&] {
    if (!out.empty()) out += "\n" + std::string(indent, ' ');
    out += line;
    line.clear();
  };
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(start, end - start);
    if (!word.empty()) {
      if (!line.empty() && width > 0 && line.size() + 1 + word.size() > width) flush();
      line += (line.empty() ? "" : " ") + std::string(word);
    }
    start = end + 1;
  }
  if (!line.empty()) flush();
  return out;
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
