#include "tools/mskc/repl/fact_catalog.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include <fmt/format.h>

namespace mskc::tool::repl {
namespace {

// The case-envelope builtins and history fields (rule_ir.h, "Builtin slot keys"): where a case
// gives each one and what it means. Types and vocabularies come from the program.
struct Builtin {
  const char* key;
  const char* field;
  FactSource source;
  const char* type;
  const char* meaning;
};

constexpr Builtin kBuiltins[] = {
    {"date_of_service", "date_of_service", FactSource::kCase, "date",
     "Date of service (the date performed, on a retrospective request)"},
    {"submitted_on", "submitted_on", FactSource::kCase, "date",
     "Date the request reached the program"},
    {"member.birth_date", "member.birth_date", FactSource::kCase, "date", "Member's date of birth"},
    {"member.age", "member.birth_date", FactSource::kCase, "number",
     "Member's age in completed years on the date of service"},
    {"member.sex", "member.sex", FactSource::kCase, "enum", "Member's sex"},
    {"diagnoses", "diagnoses", FactSource::kCase, "code list",
     "ICD-10-CM diagnosis codes of the request, primary first"},
    {"history", "history", FactSource::kHistory, "history",
     "Prior services dated before the date of service (code, date, level, relief ...)"},
    {"setting", "setting", FactSource::kCase, "enum", "Outpatient or inpatient request"},
    {"site_of_care", "site_of_care", FactSource::kCase, "enum",
     "Where the service is to be performed"},
    {"site_of_care_reasons", "site_of_care_reasons", FactSource::kCase, "list",
     "Why a hospital outpatient site is needed"},
    {"urgent", "urgent", FactSource::kCase, "bool", "Urgent request"},
    {"emergency", "emergency", FactSource::kCase, "bool",
     "Emergency presentation (acute fracture, trauma or neurological condition)"},
    {"line_of_business", "line_of_business", FactSource::kCase, "enum",
     "Commercial, Medicare or Medicaid"},
    {"requested_los_days", "requested_los_days", FactSource::kCase, "number",
     "Requested length of stay, in days (inpatient requests)"},
    {"line.code", "procedures[].code", FactSource::kCase, "code",
     "Procedure code (CPT/HCPCS) of the line"},
    {"line.units", "procedures[].units", FactSource::kCase, "number",
     "Units of the line (levels, for facet and medial branch codes)"},
    {"line.revision", "procedures[].revision", FactSource::kCase, "bool",
     "The line is a revision of an earlier procedure"},
    {"line.laterality", "procedures[].laterality", FactSource::kCase, "enum",
     "Side of the line's procedure"},
    {"line.modifiers", "procedures[].modifiers", FactSource::kCase, "code list",
     "Modifiers of the line's procedure code"},
    {"history.code", "history[].code", FactSource::kHistory, "code",
     "Procedure code of a prior service"},
    {"history.date", "history[].date", FactSource::kHistory, "date", "Date of a prior service"},
    {"history.level", "history[].level", FactSource::kHistory, "code",
     "Spinal level of a prior service"},
    {"history.laterality", "history[].laterality", FactSource::kHistory, "code",
     "Side of a prior service"},
    {"history.relief_percent", "history[].relief_percent", FactSource::kHistory, "number",
     "Pain relief after a prior service, in percent"},
    {"history.relief_weeks", "history[].relief_weeks", FactSource::kHistory, "number",
     "How many weeks the relief after a prior service lasted"},
    {"history.functional_improvement", "history[].functional_improvement", FactSource::kHistory,
     "bool", "A prior service improved function"},
};

std::string_view FactTypeName(FactType t) {
  switch (t) {
    case FactType::kBool: return "bool";
    case FactType::kNumber: return "number";
    case FactType::kDate: return "date";
    case FactType::kEnum: return "enum";
    case FactType::kEnumList: return "list";
  }
  return "bool";
}

std::string Number(double x) {
  if (std::floor(x) == x && std::fabs(x) < 1e15) return fmt::format("{}", static_cast<long long>(x));
  return fmt::format("{}", x);
}

std::string JoinValues(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

// The vocabulary of a builtin enum: from its slot when the layout has one, else by enum name.
std::vector<std::string> BuiltinValues(const ir::Program& program, std::string_view key) {
  int32_t id = -1;
  if (const ir::Slot* slot = program.layout.Find(key)) id = slot->enum_id;
  if (id < 0) {
    for (size_t i = 0; i < program.enums.size(); ++i)
      if (program.enums[i].name == key) id = static_cast<int32_t>(i);
  }
  if (id < 0 || static_cast<size_t>(id) >= program.enums.size()) return {};
  return program.enums[static_cast<size_t>(id)].members;
}

void Walk(const ir::Program& program, const ir::Node* node,
          std::unordered_set<const ir::Node*>& seen, std::vector<std::string>& out) {
  if (node == nullptr || !seen.insert(node).second) return;
  std::string key;
  if (node->op == ir::Op::kSlot && node->slot < program.layout.slots.size()) {
    key = program.layout.slots[node->slot].key;
  } else if (node->op == ir::Op::kField) {
    key = std::string(ir::HistoryFieldKey(node->field));
  }
  if (!key.empty() && std::find(out.begin(), out.end(), key) == out.end()) out.push_back(key);
  for (const ir::Node* operand : node->a) Walk(program, operand, seen, out);
}

}  // namespace

std::string_view FactSourceName(FactSource s) {
  switch (s) {
    case FactSource::kClinical: return "clinical";
    case FactSource::kCase: return "case";
    case FactSource::kHistory: return "history";
  }
  return "clinical";
}

std::string TypeText(const FactDescription& d) {
  if (d.type == "number" && (d.min || d.max))
    return "number " + (d.min ? Number(*d.min) : "") + ".." + (d.max ? Number(*d.max) : "");
  if (d.type == "enum" && !d.values.empty()) return "one of " + JoinValues(d.values);
  if (d.type == "list" && !d.values.empty()) return "list of " + JoinValues(d.values);
  if (d.type == "history") return "prior services";
  return d.type;
}

FactDescription DescribeFact(const ir::Program& program, std::string_view key) {
  FactDescription d;
  d.key = std::string(key);
  if (const FactInfo* info = program.facts.Find(d.key)) {
    d.field = "clinical." + d.key;
    d.source = FactSource::kClinical;
    d.type = std::string(FactTypeName(info->type));
    d.min = info->min;
    d.max = info->max;
    d.values = info->vocabulary;
    d.meaning = info->description;
    return d;
  }
  for (const Builtin& b : kBuiltins) {
    if (key != b.key) continue;
    d.field = b.field;
    d.source = b.source;
    d.type = b.type;
    d.meaning = b.meaning;
    if (d.type == "enum" || d.type == "list") d.values = BuiltinValues(program, key);
    if (d.key == "history.relief_percent") {
      d.min = 0;
      d.max = 100;
    }
    return d;
  }
  d.field = "clinical." + d.key;
  d.type = "unknown";
  d.declared = false;
  return d;
}

std::vector<std::string> FactsRead(const ir::Program& program, const ir::Node* node) {
  std::vector<std::string> out;
  std::unordered_set<const ir::Node*> seen;
  Walk(program, node, seen, out);
  return out;
}

std::vector<std::string> AllFactKeys(const ir::Program& program) {
  std::vector<std::string> keys;
  for (const auto& [key, info] : program.facts.facts()) keys.push_back(key);
  for (const Builtin& b : kBuiltins) keys.emplace_back(b.key);
  return keys;
}

}  // namespace mskc::tool::repl
