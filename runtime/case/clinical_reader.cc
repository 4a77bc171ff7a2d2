#include "runtime/case/clinical_reader.h"

#include <algorithm>

#include "runtime/core/did_you_mean.h"

namespace mskc::cases::internal {
namespace {

std::string DidYouMean(std::string_view name, const std::vector<std::string_view>& candidates) {
  auto best = ClosestMatch(name, candidates);
  return best ? " (did you mean `" + *best + "`?)" : std::string();
}

std::vector<std::string_view> KnownKeys(const FactDictionary& facts) {
  std::vector<std::string_view> keys;
  keys.reserve(facts.facts().size());
  for (const auto& [key, info] : facts.facts()) keys.push_back(key);
  return keys;
}

std::vector<std::string_view> Vocabulary(const FactInfo& info) {
  return std::vector<std::string_view>(info.vocabulary.begin(), info.vocabulary.end());
}

// An open-vocabulary list: entries must be strings; unknown ones are kept and warned about.
bool ReadEnumList(Checker& check, const element& value, const Path& path, const FactInfo& info,
                  Case* c, ClinicalValue* out) {
  array items;
  if (!check.Array(value, path, &items)) return false;
  std::vector<std::string> entries;
  size_t i = 0;
  for (element item : items) {
    std::string_view text;
    if (!check.StringView(item, path.Item(i++), &text)) return false;
    if (std::find(info.vocabulary.begin(), info.vocabulary.end(), text) == info.vocabulary.end()) {
      c->warnings.push_back("`" + info.key + "` entry `" + std::string(text) +
                            "` is not a known value" + DidYouMean(text, Vocabulary(info)));
    }
    entries.emplace_back(text);
  }
  *out = std::move(entries);
  return true;
}

bool ReadFact(Checker& check, const element& value, const Path& path, const FactInfo& info, Case* c,
              ClinicalValue* out) {
  switch (info.type) {
    case FactType::kBool: {
      bool b = false;
      if (!check.Bool(value, path, &b)) return false;
      *out = b;
      return true;
    }
    case FactType::kNumber: {
      double d = 0;
      if (!check.Number(value, path, info.min, info.max, &d)) return false;
      *out = d;
      return true;
    }
    case FactType::kDate: {
      Date d;
      if (!check.DateValue(value, path, &d)) return false;
      *out = d;
      return true;
    }
    case FactType::kEnum: {
      std::vector<std::string_view> names = Vocabulary(info);
      size_t index = 0;
      if (!check.OneOf(value, path, names, &index)) return false;
      *out = info.vocabulary[index];
      return true;
    }
    case FactType::kEnumList:
      return ReadEnumList(check, value, path, info, c, out);
  }
  return check.Fail(path, "this fact has a type the case reader does not know");
}

}  // namespace

bool ReadClinical(Checker& check, const element& value, const Path& path,
                  const FactDictionary& facts, Case* c) {
  object obj;
  if (!check.Object(value, path, &obj)) return false;
  std::vector<std::string_view> known;  // built on the first unknown key only
  for (auto field : obj) {
    std::string key(field.key);
    const FactInfo* info = facts.Find(key);
    if (info == nullptr) {
      if (known.empty()) known = KnownKeys(facts);
      c->warnings.push_back("unknown clinical fact `" + key + "`" + DidYouMean(key, known) +
                            "; it was ignored");
      continue;
    }
    if (field.value.is_null()) continue;   // null = not given
    if (c->clinical.count(key)) continue;  // a repeated key: the first one counts
    ClinicalValue v;
    if (!ReadFact(check, field.value, path.Field(field.key), *info, c, &v)) return false;
    c->clinical.emplace(std::move(key), std::move(v));
  }
  return true;
}

}  // namespace mskc::cases::internal
