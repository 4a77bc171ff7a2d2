// The clinical facts a loaded rule set declares (`fact` declarations), with their types, ranges
// and vocabularies: the case reader validates `clinical` against it once, at the edge.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mskc {

enum class FactType : uint8_t {
  kBool,
  kNumber,
  kDate,
  kEnum,      // one value of a closed vocabulary: a value outside it is bad input
  kEnumList,  // list of strings from an open vocabulary: unknown entries are kept and warned
};

struct FactInfo {
  std::string key;
  FactType type = FactType::kBool;
  std::optional<double> min, max;   // numbers: inclusive bounds when given
  std::vector<std::string> vocabulary;  // kEnum / kEnumList members, in declaration order
  std::string description;
};

class FactDictionary {
 public:
  void Add(FactInfo info) { facts_[info.key] = std::move(info); }
  const FactInfo* Find(const std::string& key) const {
    auto it = facts_.find(key);
    return it == facts_.end() ? nullptr : &it->second;
  }
  const std::map<std::string, FactInfo>& facts() const { return facts_; }

 private:
  std::map<std::string, FactInfo> facts_;
};

}  // namespace mskc
