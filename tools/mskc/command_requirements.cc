// `mskc requirements CODE`: the checklist a provider's office needs before submitting — the
// criteria of the guideline version that applies to CODE on the date of service under the plan,
// and the facts they read, all derived from the compiled rules (never written by hand).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <iostream>

#include "runtime/core/did_you_mean.h"
#include "runtime/rules/notification.h"
#include "runtime/rules/scope.h"
#include "tools/mskc/commands.h"
#include "tools/mskc/repl/fact_catalog.h"
#include "tools/mskc/repl/text.h"

namespace mskc::tool {
namespace {

using json = nlohmann::ordered_json;
using repl::FactDescription;
using repl::FactSource;
using repl::Join;
using repl::Pad;

struct Fact {
  FactDescription description;
  std::vector<std::string> criteria;  // ids of the criteria reading it
};

struct Checklist {
  std::string code, plan;
  Date dos;
  std::string requirement;  // clinical_review, not_managed, manual_review
  std::string reason_code;  // NOT_MANAGED / MANUAL_REVIEW; empty for clinical review
  std::string message;
  const ir::Guideline* guideline = nullptr;
  const ir::Version* version = nullptr;
  std::vector<std::vector<std::string>> criterion_facts;  // parallel to version->criteria
  std::vector<Fact> facts;                                // clinical, case, history; first use
  bool site_of_care_review = false;
  std::vector<std::string> notification_only_with;  // diagnoses making the code notification only
};

bool IsProcedureCode(const std::string& code) {
  return code.size() == 5 && std::all_of(code.begin(), code.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'A' && c <= 'Z');
         });
}

void CollectFacts(const ir::Program& program, Checklist& list) {
  for (const ir::Criterion& criterion : list.version->criteria) {
    std::vector<std::string> keys = repl::FactsRead(program, criterion.expr);
    for (const std::string& key : keys) {
      auto it = std::find_if(list.facts.begin(), list.facts.end(),
                             [&](const Fact& f) { return f.description.key == key; });
      if (it == list.facts.end()) {
        list.facts.push_back(Fact{repl::DescribeFact(program, key), {}});
        it = list.facts.end() - 1;
      }
      it->criteria.push_back(criterion.id);
    }
    list.criterion_facts.push_back(std::move(keys));
  }
  // Clinical facts first (what the office must look up), then case fields, then history.
  std::stable_sort(list.facts.begin(), list.facts.end(), [](const Fact& a, const Fact& b) {
    return a.description.source < b.description.source;
  });
}

Checklist Build(const ir::Program& program, const Plan& plan, const std::string& code, Date dos) {
  Checklist list;
  list.code = code;
  list.plan = plan.code;
  list.dos = dos;
  rules::ScopedLine s = rules::ScopeLine(program, plan, code, dos);
  // Dates of service before the plan's program start leave every code unmanaged (step 3).
  if (rules::BeforeProgramStart(plan, dos)) s.scope = rules::LineScope::kNotManaged;
  const std::string head = code + " under plan " + plan.code + " on " + dos.ToString();
  switch (s.scope) {
    case rules::LineScope::kNotManaged: {
      list.requirement = "not_managed";
      list.reason_code = "NOT_MANAGED";
      const ir::Guideline* g = program.GuidelineForCode(code);
      if (rules::BeforeProgramStart(plan, dos)) {
        list.message = head + ": no prior authorization is needed; the plan's program starts on " +
                       plan.program_start->ToString();
      } else if (g != nullptr) {
        list.message = head + ": no prior authorization is needed; the plan does not manage " +
                       g->id + " (" + g->title + ")";
      } else {
        list.message = head + ": no prior authorization is needed; the code is outside the program";
      }
      return list;
    }
    case rules::LineScope::kManualReview:
      list.requirement = "manual_review";
      list.reason_code = "MANUAL_REVIEW";
      list.message = head +
                     ": in the program's scope without an automated guideline; the request is "
                     "pended for nurse review, so send the clinical notes that support it";
      return list;
    case rules::LineScope::kGuideline:
      break;
  }
  list.requirement = "clinical_review";
  list.guideline = s.guideline;
  list.version = s.version;
  list.message = head + ": prior authorization with clinical review; every criterion must be met";
  CollectFacts(program, list);
  list.site_of_care_review = plan.site_of_care_codes.Contains(code);
  for (const char* dx : {"G89.11", "G89.12", "G89.18"})
    if (rules::IsNotificationOnly(code, {dx})) list.notification_only_with.emplace_back(dx);
  return list;
}

json FactJson(const Fact& f) {
  const FactDescription& d = f.description;
  json j{{"key", d.key}, {"field", d.field}, {"source", repl::FactSourceName(d.source)},
         {"type", d.type}};
  if (d.min) j["min"] = *d.min;
  if (d.max) j["max"] = *d.max;
  if (!d.values.empty()) j["values"] = d.values;
  j["meaning"] = d.meaning;
  j["criteria"] = f.criteria;
  return j;
}

std::string ToJson(const Checklist& list, const source::SourceManager& sources) {
  json j{{"code", list.code}, {"plan", list.plan}, {"date_of_service", list.dos.ToString()},
         {"requirement", list.requirement}};
  j["reason_code"] = list.reason_code.empty() ? json(nullptr) : json(list.reason_code);
  j["message"] = list.message;
  if (list.guideline == nullptr) {
    j["guideline"] = nullptr;
    j["criteria"] = json::array();
    j["facts"] = json::array();
    j["notes"] = json::array();
    j["site_of_care_review"] = false;
    j["notification_only_with"] = json::array();
    return j.dump(2, ' ', false, json::error_handler_t::replace);
  }
  const ir::Version& v = *list.version;
  json g{{"id", list.guideline->id}, {"title", list.guideline->title},
         {"kind", FamilyKindName(list.guideline->kind)}, {"version", v.label}};
  auto end = repl::VersionEnd(*list.guideline, v);
  g["effective_until"] = end ? json(end->ToString()) : json(nullptr);
  g["source"] = list.guideline->citation;
  j["guideline"] = g;
  json criteria = json::array();
  for (size_t i = 0; i < v.criteria.size(); ++i) {
    const ir::Criterion& c = v.criteria[i];
    json cj{{"id", c.id}, {"text", c.text}};
    if (!c.citation.empty()) cj["citation"] = c.citation;
    cj["facts"] = list.criterion_facts[i];
    criteria.push_back(cj);
  }
  j["criteria"] = criteria;
  json facts = json::array();
  for (const Fact& f : list.facts) facts.push_back(FactJson(f));
  j["facts"] = facts;
  json notes = json::array();
  for (const ir::Note& n : v.notes) {
    json nj{{"kind", ir::NoteKindName(n.kind)}, {"text", n.text}};
    if (n.condition != nullptr && n.condition->span.valid())
      nj["when"] = std::string(sources.Text(n.condition->span));
    notes.push_back(nj);
  }
  j["notes"] = notes;
  j["site_of_care_review"] = list.site_of_care_review;
  j["notification_only_with"] = list.notification_only_with;
  return j.dump(2, ' ', false, json::error_handler_t::replace);
}

void PrintFacts(std::ostream& out, const std::vector<Fact>& facts, FactSource source,
                const char* heading) {
  std::vector<const Fact*> rows;
  size_t width = 0, type_width = 0;
  for (const Fact& f : facts) {
    if (f.description.source != source) continue;
    rows.push_back(&f);
    width = std::max(width, f.description.key.size());
    type_width = std::max(type_width, f.description.values.empty()
                                          ? repl::TypeText(f.description).size()
                                          : std::string("list of").size());
  }
  type_width += 2;
  if (rows.empty()) return;
  out << "\n" << heading << "\n";
  for (const Fact* f : rows) {
    const FactDescription& d = f->description;
    const bool vocabulary = !d.values.empty();
    std::string type = vocabulary ? (d.type == "enum" ? "one of" : "list of") : repl::TypeText(d);
    out << "  " << Pad(d.key, width + 2) << Pad(type, type_width) << d.meaning;
    if (d.source != FactSource::kClinical && d.field != d.key) out << " [" << d.field << "]";
    out << " (for " << Join(f->criteria, ", ") << ")\n";
    if (vocabulary) out << "  " << Pad("", width + 2 + type_width) << Join(d.values, ", ") << "\n";
  }
}

void PrintText(std::ostream& out, const Checklist& list, const source::SourceManager& sources) {
  out << list.message;
  if (!list.reason_code.empty()) out << " (" << list.reason_code << ")";
  out << "\n";
  if (list.guideline == nullptr) return;
  const ir::Guideline& g = *list.guideline;
  const ir::Version& v = *list.version;
  out << "Guideline: " << g.id << ", " << g.title << ", version " << v.label << " ("
      << repl::VersionRange(g, v) << ")\n";
  if (!g.citation.empty()) out << "Source: " << g.citation << "\n";
  out << "\nCriteria:\n";
  size_t width = 0;
  for (const ir::Criterion& c : v.criteria) width = std::max(width, c.id.size());
  const size_t digits = std::to_string(v.criteria.size()).size();
  for (size_t i = 0; i < v.criteria.size(); ++i) {
    const ir::Criterion& c = v.criteria[i];
    std::string number = std::to_string(i + 1) + ".";
    out << "  " << std::string(digits + 1 - number.size(), ' ') << number << " "
        << Pad(c.id, width + 2) << c.text << "\n";
    out << std::string(2 + digits + 2 + width + 2, ' ') << "reads "
        << Join(list.criterion_facts[i], ", ") << "\n";
  }
  PrintFacts(out, list.facts, FactSource::kClinical, "Clinical facts to send (`clinical`):");
  PrintFacts(out, list.facts, FactSource::kCase, "Case fields the criteria read:");
  PrintFacts(out, list.facts, FactSource::kHistory,
             "Prior services the criteria read (`history` items, dated before the service):");
  std::vector<std::string> also;
  if (list.site_of_care_review)
    also.push_back("A hospital outpatient site of care needs a reason in site_of_care_reasons, "
                   "or the request goes to a physician for site-of-care review.");
  if (!list.notification_only_with.empty())
    also.push_back("With diagnosis " + Join(list.notification_only_with, ", ") +
                   " the request is notification only: recorded, not reviewed.");
  for (const ir::Note& n : v.notes) {
    std::string text = std::string(ir::NoteKindName(n.kind)) + ": " + n.text;
    if (n.condition != nullptr && n.condition->span.valid())
      text += " (when " + std::string(sources.Text(n.condition->span)) + ")";
    also.push_back(text);
  }
  if (also.empty()) return;
  out << "\nAlso:\n";
  for (const std::string& line : also) out << "  - " << line << "\n";
}

}  // namespace

ExitCode RunRequirements(const RequirementsOptions& options) {
  if (!IsProcedureCode(options.code)) {
    std::cerr << "error: expected a procedure code of 5 digits or capital letters, found \""
              << options.code << "\"\n";
    return ExitCode::kUsage;
  }
  Date dos = repl::Today();
  if (!options.dos.empty()) {
    auto parsed = Date::Parse(options.dos);
    if (!parsed) {
      std::cerr << "error: --dos: expected a date as YYYY-MM-DD, found \"" << options.dos << "\"\n";
      return ExitCode::kUsage;
    }
    dos = *parsed;
  }
  LoadedRules rules = LoadRules(options.rules_dir, driver::Backend::kInterpreter);
  if (!rules.ruleset) return ExitCode::kUsage;
  const ir::Program& program = rules.ruleset->program();
  const Plan* plan = program.FindPlan(options.plan);
  if (plan == nullptr) {
    std::vector<std::string> codes;
    for (const Plan& p : program.plans) codes.push_back(p.code);
    std::cerr << "error: --plan: no plan '" << options.plan << "'";
    if (auto close = ClosestMatch(options.plan, codes)) std::cerr << "; did you mean " << *close << "?";
    else std::cerr << "; the plans are " << Join(codes, ", ");
    std::cerr << "\n";
    return ExitCode::kUsage;
  }
  Checklist list = Build(program, *plan, options.code, dos);
  if (options.json) std::cout << ToJson(list, *rules.sources) << "\n";
  else PrintText(std::cout, list, *rules.sources);
  std::cout.flush();
  return ExitCode::kOk;
}

}  // namespace mskc::tool
