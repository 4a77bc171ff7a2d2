// Declarations: builtins, facts, code sets, lets, the frame layout.
#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "compiler/diag/did_you_mean.h"
#include "compiler/sema/checker.h"

namespace mskc::sema {

Checker::Checker(const std::vector<Module>& modules, const source::SourceManager& sources,
                 diag::DiagnosticEngine& diags)
    : modules_(modules), sources_(sources), diags_(diags),
      program_(std::make_unique<ir::Program>()) {}

diag::Diagnostic& Checker::Err(diag::DiagId id, ast::Span span, std::string message) {
  if (suppress_ > 0) {
    static thread_local diag::Diagnostic sink;
    sink = {};
    return sink;
  }
  return diags_.Error(id, span, std::move(message));
}

ir::Node* Checker::NewNode(ir::Op op, ir::ValueType type, ast::Span span) {
  ir::Node* n = program_->arena.New();
  n->op = op;
  n->type = type;
  n->span = span;
  return n;
}

std::unique_ptr<ir::Program> Checker::Run() {
  // Transitive imports (each module sees itself and everything it imports, recursively).
  reach_.assign(modules_.size(), {});
  for (size_t m = 0; m < modules_.size(); ++m) {
    std::vector<size_t> stack{m};
    while (!stack.empty()) {
      size_t cur = stack.back();
      stack.pop_back();
      if (!reach_[m].insert(cur).second) continue;
      for (size_t imp : modules_[cur].imports) stack.push_back(imp);
    }
  }
  DeclareBuiltins();
  CollectDeclarations();
  CheckDeclaredCodeSets();
  LayoutFrame();
  CheckGuidelines();
  CheckCodeOverlaps();
  CheckPlans();
  return std::move(program_);
}

bool Checker::Visible(size_t from_module, size_t decl_module) const {
  return reach_[from_module].count(decl_module) > 0;
}

std::optional<Date> Checker::ParseDate(const ast::DateText& d) {
  auto date = Date::Parse(d.text);
  if (!date) Err(diag::DiagId::kInvalidDate, d.span, fmt::format("`{}` is not a real date", d.text));
  return date;
}

namespace {

int32_t AddEnum(ir::Program& p, std::string name, std::vector<std::string> members) {
  p.enums.push_back({std::move(name), std::move(members)});
  return static_cast<int32_t>(p.enums.size() - 1);
}

Type EnumT(TypeKind k, int32_t id) {
  Type t = Type::Of(k);
  t.enum_id = id;
  return t;
}

}  // namespace

void Checker::DeclareBuiltins() {
  ir::Program& p = *program_;
  int32_t sex = AddEnum(p, "member.sex", {"F", "M", "U"});
  int32_t setting = AddEnum(p, "setting", {"outpatient", "inpatient"});
  int32_t site = AddEnum(p, "site_of_care", {"outpatient_hospital", "ambulatory_surgery_center",
                                             "office", "inpatient_hospital"});
  int32_t reasons = AddEnum(p, "site_of_care_reasons",
                            {"no_network_asc_in_reach", "asc_lacks_equipment",
                             "asa_class_3_or_higher", "bmi_over_50",
                             "severe_cardiopulmonary_disease", "uncontrolled_sleep_apnea",
                             "bleeding_disorder", "expected_overnight_stay", "age_under_18",
                             "no_asc_privileges"});
  int32_t lob = AddEnum(p, "line_of_business", {"commercial", "medicare", "medicaid"});
  int32_t laterality = AddEnum(p, "line.laterality", {"left", "right", "bilateral", "none"});

  builtins_ = {
      {"date_of_service", Type::Of(TypeKind::kDate)},
      {"submitted_on", Type::Of(TypeKind::kDate)},
      {"diagnoses", Type::Of(TypeKind::kCodeList)},
      {"history", Type::Of(TypeKind::kHistoryList)},
      {"setting", EnumT(TypeKind::kEnum, setting)},
      {"site_of_care", EnumT(TypeKind::kEnum, site)},
      {"site_of_care_reasons", EnumT(TypeKind::kEnumList, reasons)},
      {"urgent", Type::Of(TypeKind::kBool)},
      {"emergency", Type::Of(TypeKind::kBool)},
      {"line_of_business", EnumT(TypeKind::kEnum, lob)},
      {"requested_los_days", Type::Of(TypeKind::kNumber)},
  };
  member_fields_ = {
      {"birth_date", Type::Of(TypeKind::kDate)},
      {"age", Type::Of(TypeKind::kNumber)},
      {"sex", EnumT(TypeKind::kEnum, sex)},
  };
  line_fields_ = {
      {"code", Type::Of(TypeKind::kCode)},
      {"units", Type::Of(TypeKind::kNumber)},
      {"revision", Type::Of(TypeKind::kBool)},
      {"laterality", EnumT(TypeKind::kEnum, laterality)},
      {"modifiers", Type::Of(TypeKind::kCodeList)},
  };
}

void Checker::DeclareFact(size_t module, const ast::FactDecl& f) {
  const std::string& key = f.name.text;
  if (key.empty()) return;
  if (auto it = facts_.find(key); it != facts_.end()) {
    auto& d = Err(diag::DiagId::kDuplicateDefinition, f.name.span,
                  fmt::format("fact `{}` is declared twice", key));
    diags_.AddNote(d, it->second.decl->name.span, "first declared here");
    return;
  }
  if (builtins_.count(key) || key == "member" || key == "line") {
    Err(diag::DiagId::kDuplicateDefinition, f.name.span,
        fmt::format("`{}` is a builtin case field; choose another fact name", key));
    return;
  }
  FactInfo info;
  info.key = key;
  info.description = f.description;
  Type type;
  switch (f.type.kind) {
    case ast::FactType::Kind::kBool: type = Type::Of(TypeKind::kBool); info.type = FactType::kBool; break;
    case ast::FactType::Kind::kNumber:
      type = Type::Of(TypeKind::kNumber);
      info.type = FactType::kNumber;
      info.min = f.type.min;
      info.max = f.type.max;
      if (info.min && info.max && *info.min > *info.max)
        Err(diag::DiagId::kInvalidValue, f.type.span,
            fmt::format("the range of `{}` is empty: {} is above {}", key, *info.min, *info.max));
      break;
    case ast::FactType::Kind::kDate: type = Type::Of(TypeKind::kDate); info.type = FactType::kDate; break;
    case ast::FactType::Kind::kEnum:
    case ast::FactType::Kind::kList: {
      bool list = f.type.kind == ast::FactType::Kind::kList;
      std::vector<std::string> members;
      for (const ast::Name& m : f.type.members) {
        if (std::find(members.begin(), members.end(), m.text) != members.end()) {
          Err(diag::DiagId::kDuplicateDefinition, m.span,
              fmt::format("`{}` is listed twice in `{}`", m.text, key));
          continue;
        }
        members.push_back(m.text);
      }
      if (members.size() > 64)
        Err(diag::DiagId::kInvalidValue, f.type.span,
            fmt::format("`{}` has {} values; at most 64 are supported", key, members.size()));
      info.vocabulary = members;
      info.type = list ? FactType::kEnumList : FactType::kEnum;
      type = EnumT(list ? TypeKind::kEnumList : TypeKind::kEnum,
                   AddEnum(*program_, key, std::move(members)));
      break;
    }
  }
  facts_[key] = {module, &f, type};
  program_->facts.Add(std::move(info));
}

void Checker::CollectDeclarations() {
  for (size_t m = 0; m < modules_.size(); ++m) {
    const ast::File& file = modules_[m].file;
    for (const auto& f : file.facts) DeclareFact(m, f);
    for (const auto& c : file.codes) {
      if (auto it = codes_.find(c.name.text); it != codes_.end()) {
        auto& d = Err(diag::DiagId::kDuplicateDefinition, c.name.span,
                      fmt::format("code set `{}` is declared twice", c.name.text));
        diags_.AddNote(d, it->second.decl->name.span, "first declared here");
        continue;
      }
      codes_[c.name.text] = {m, &c};
    }
    for (const auto& l : file.lets) lets_.push_back({m, &l, ""});
    for (const auto& g : file.guidelines)
      for (const auto& l : g.lets) lets_.push_back({m, &l, g.id.text});
  }
  // Duplicate lets in one scope (top level, or one guideline).
  for (size_t i = 0; i < lets_.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (lets_[i].decl->name.text == lets_[j].decl->name.text &&
          lets_[i].guideline == lets_[j].guideline) {
        auto& d = Err(diag::DiagId::kDuplicateDefinition, lets_[i].decl->name.span,
                      fmt::format("`{}` is defined twice", lets_[i].decl->name.text));
        diags_.AddNote(d, lets_[j].decl->name.span, "first defined here");
        break;
      }
}

void Checker::LayoutFrame() {
  ir::FrameLayout& layout = program_->layout;
  auto add = [&](const std::string& key, const Type& t, bool builtin) {
    ir::Slot s;
    s.key = key;
    s.type = ToValueType(t);
    s.enum_id = t.enum_id;
    s.builtin = builtin;
    layout.slots.push_back(s);
  };
  for (const auto& [name, t] : builtins_) add(name, t, true);
  for (const auto& [name, t] : member_fields_) add("member." + name, t, true);
  for (const auto& [name, t] : line_fields_) add("line." + name, t, true);
  for (const auto& [name, f] : facts_) add(name, f.type, false);

  // Known bytes first (one per slot), then values by decreasing size for natural alignment.
  auto size_of = [](ir::ValueType t) -> uint32_t {
    switch (t) {
      case ir::ValueType::kBool: return 1;
      case ir::ValueType::kNumber: return 8;
      case ir::ValueType::kDate:
      case ir::ValueType::kEnum: return 4;
      default: return 16;
    }
  };
  uint32_t offset = static_cast<uint32_t>(layout.slots.size());
  offset = (offset + 7) & ~7u;
  for (uint32_t size : {16u, 8u, 4u, 1u}) {
    for (uint32_t i = 0; i < layout.slots.size(); ++i) {
      ir::Slot& s = layout.slots[i];
      s.known_offset = i;
      if (size_of(s.type) != size) continue;
      s.value_offset = offset;
      offset += size;
    }
  }
  layout.size = (offset + 7) & ~7u;
}

const ir::Node* Checker::SlotNode(const std::string& key, ast::Span span) {
  const auto& slots = program_->layout.slots;
  for (uint32_t i = 0; i < slots.size(); ++i) {
    if (slots[i].key != key) continue;
    ir::Node* n = NewNode(ir::Op::kSlot, slots[i].type, span);
    n->slot = i;
    n->enum_id = slots[i].enum_id;
    return n;
  }
  return nullptr;
}

bool Checker::ValidCodePattern(const std::string& code) const {
  if (code.empty()) return false;
  size_t n = code.size();
  if (code.back() == '*') --n;
  if (n == 0) return false;
  for (size_t i = 0; i < n; ++i) {
    char c = code[i];
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '.')) return false;
  }
  return true;
}

void Checker::AddCodeItems(const std::vector<ast::SetItem>& items, size_t module, CodeSet& out,
                           std::set<std::string>& visiting) {
  for (const ast::SetItem& item : items) {
    if (item.kind == ast::SetItem::Kind::kName) {
      auto it = codes_.find(item.low);
      if (it == codes_.end()) {
        std::vector<std::string> names;
        for (const auto& [n, _] : codes_) names.push_back(n);
        auto& d = Err(diag::DiagId::kUnknownName, item.span,
                      fmt::format("unknown code set `{}`", item.low));
        if (auto near = diag::ClosestMatch(item.low, names))
          diags_.AddNote(d, std::nullopt, fmt::format("did you mean `{}`?", *near));
        continue;
      }
      if (!Visible(module, it->second.module)) {
        auto& d = Err(diag::DiagId::kUnknownName, item.span,
                      fmt::format("code set `{}` is not imported here", item.low));
        diags_.AddNote(d, it->second.decl->name.span, "it is declared here");
        continue;
      }
      if (!visiting.insert(item.low).second) {
        Err(diag::DiagId::kRecursion, item.span,
            fmt::format("code set `{}` includes itself", item.low));
        continue;
      }
      AddCodeItems(it->second.decl->items, it->second.module, out, visiting);
      visiting.erase(item.low);
      continue;
    }
    if (!ValidCodePattern(item.low) || (!item.high.empty() && !ValidCodePattern(item.high))) {
      Err(diag::DiagId::kInvalidCode, item.span,
          fmt::format("`{}` is not a valid code: use digits, capital letters and dots, with an "
                      "optional `*` at the end",
                      item.high.empty() ? item.low : item.low + ".." + item.high));
      continue;
    }
    if (!item.high.empty()) {
      if (item.low.size() != item.high.size() || item.low > item.high ||
          item.low.back() == '*' || item.high.back() == '*') {
        Err(diag::DiagId::kInvalidCode, item.span,
            fmt::format("invalid code range `{}..{}`: both ends need the same length, the low "
                        "end first, and no `*`",
                        item.low, item.high));
        continue;
      }
      out.AddRange(item.low, item.high);
    } else if (item.low.back() == '*') {
      out.AddPrefix(item.low.substr(0, item.low.size() - 1));
    } else {
      out.AddExact(item.low);
    }
  }
}

// Every declared code set is expanded once, used or not, so that a cycle through other sets is
// an error even when no criterion reads the set.
void Checker::CheckDeclaredCodeSets() {
  for (const auto& [name, sym] : codes_) {
    CodeSet unused;
    std::set<std::string> visiting{name};
    AddCodeItems(sym.decl->items, sym.module, unused, visiting);
  }
}

CodeSet Checker::BuildCodeSet(const std::vector<ast::SetItem>& items, size_t module) {
  CodeSet set;
  std::set<std::string> visiting;
  AddCodeItems(items, module, set, visiting);
  return set;
}

std::unique_ptr<ir::Program> Check(const std::vector<Module>& modules,
                                   const source::SourceManager& sources,
                                   diag::DiagnosticEngine& diags) {
  Checker checker(modules, sources, diags);
  return checker.Run();
}

}  // namespace mskc::sema
