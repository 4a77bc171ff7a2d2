// Sets of procedure or diagnosis codes: exact codes, prefix patterns (`M54.1*`) and ranges
// (`64490..64495`, compared as same-length strings).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace mskc {

class CodeSet {
 public:
  struct Range { std::string low, high; };

  void AddExact(std::string code);
  void AddPrefix(std::string prefix);  // without the trailing `*`
  void AddRange(std::string low, std::string high);  // inclusive, same length

  bool Contains(std::string_view code) const;
  bool empty() const { return exact_.empty() && prefixes_.empty() && ranges_.empty(); }

  const std::vector<std::string>& exact() const { return exact_; }
  const std::vector<std::string>& prefixes() const { return prefixes_; }
  const std::vector<Range>& ranges() const { return ranges_; }
  // Human-readable form: `62320, 62321, M54.1*, 64490..64495`.
  std::string ToString() const;

 private:
  std::vector<std::string> exact_;  // kept sorted for binary search
  std::vector<std::string> prefixes_;
  std::vector<Range> ranges_;
};

}  // namespace mskc
