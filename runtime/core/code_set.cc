#include "runtime/core/code_set.h"

#include <algorithm>

namespace mskc {

void CodeSet::AddExact(std::string code) {
  auto it = std::lower_bound(exact_.begin(), exact_.end(), code);
  if (it != exact_.end() && *it == code) return;
  exact_.insert(it, std::move(code));
}

void CodeSet::AddPrefix(std::string prefix) {
  if (std::find(prefixes_.begin(), prefixes_.end(), prefix) != prefixes_.end()) return;
  prefixes_.push_back(std::move(prefix));
}

void CodeSet::AddRange(std::string low, std::string high) {
  ranges_.push_back({std::move(low), std::move(high)});
}

bool CodeSet::Contains(std::string_view code) const {
  if (std::binary_search(exact_.begin(), exact_.end(), code,
                         [](std::string_view a, std::string_view b) { return a < b; })) {
    return true;
  }
  for (const std::string& p : prefixes_) {
    if (code.starts_with(p)) return true;
  }
  // Ranges compare as same-length strings, so `6449X` never falls inside `64490..64495` by
  // accident of a shorter or longer code.
  for (const Range& r : ranges_) {
    if (code.size() == r.low.size() && code.size() == r.high.size() && r.low <= code &&
        code <= r.high) {
      return true;
    }
  }
  return false;
}

std::string CodeSet::ToString() const {
  std::string out;
  auto append = [&](std::string_view s) {
    if (!out.empty()) out += ", ";
    out += s;
  };
  for (const std::string& e : exact_) append(e);
  for (const std::string& p : prefixes_) append(p + "*");
  for (const Range& r : ranges_) append(r.low + ".." + r.high);
  return out;
}

}  // namespace mskc
