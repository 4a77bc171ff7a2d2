// What the rules read, derived from the compiled program: the facts each criterion reads (a walk
// of the rule IR) and, for each fact, its type and meaning (the program's FactDictionary for
// clinical facts, fixed descriptions for the case-envelope builtins and history fields).
// Shared by `mskc repl`, `mskc requirements` and `mskc impact`.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/lower/rule_ir.h"

namespace mskc::tool::repl {

enum class FactSource : uint8_t {
  kClinical,  // the case's `clinical` object
  kCase,      // the case envelope (builtin slots: member.age, diagnoses, line.code ...)
  kHistory,   // a field of the case's `history` items
};
std::string_view FactSourceName(FactSource s);

struct FactDescription {
  std::string key;       // as the rules name it: pain_score, member.age, history.relief_percent
  std::string field;     // where a case gives it: clinical.pain_score, member.birth_date, ...
  FactSource source = FactSource::kClinical;
  std::string type;      // bool, number, date, enum, list, code, code list, history
  std::optional<double> min, max;    // numbers with declared bounds
  std::vector<std::string> values;   // enum / list vocabularies
  std::string meaning;
  bool declared = true;  // false: a key no loaded rule declares (typo in a case)
};

// `number 0..10`, `one of mri, ct, ...`, `list of nsaids, ...`, `bool`.
std::string TypeText(const FactDescription& d);

// Describes a fact key as the rules name it; unknown keys come back with declared = false.
FactDescription DescribeFact(const ir::Program& program, std::string_view key);

// The facts `node` reads (kSlot keys and history fields), in first-read order, without duplicates.
std::vector<std::string> FactsRead(const ir::Program& program, const ir::Node* node);

// Every fact key the program can describe: clinical facts (sorted) then the builtins.
std::vector<std::string> AllFactKeys(const ir::Program& program);

}  // namespace mskc::tool::repl
