// Statements are written with PostgreSQL's `$1` parameters; SQLite spells the same `?1`.
#pragma once
#include <cctype>
#include <string>
#include <string_view>

namespace mskc::store {

// Rewrites `$N` outside string literals to `?N`.
inline std::string ToQuestionParams(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  bool in_string = false;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'') in_string = !in_string;
    if (!in_string && c == '$' && i + 1 < sql.size() &&
        std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
      out += '?';
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace mskc::store
