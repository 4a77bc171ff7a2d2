// Browsing the loaded rules: guidelines, versions, criteria, facts and plans.
#include <algorithm>
#include <cctype>
#include <iostream>

#include "runtime/core/did_you_mean.h"
#include "runtime/rules/scope.h"
#include "tools/mskc/repl/fact_catalog.h"
#include "tools/mskc/repl/session.h"
#include "tools/mskc/repl/text.h"

namespace mskc::tool::repl {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// A guideline by id, or the guideline covering a procedure code.
const ir::Guideline* FindGuideline(const ir::Program& p, const std::string& name) {
  for (const ir::Guideline& g : p.guidelines)
    if (g.id == name) return &g;
  return p.GuidelineForCode(name);
}

const ir::Criterion* FindCriterion(const ir::Version& v, const std::string& id) {
  for (const ir::Criterion& c : v.criteria)
    if (c.id == id) return &c;
  return nullptr;
}

// `+ therapy, - old, ~ advanced_imaging (changed)` relative to the previous version.
std::string VersionChanges(const source::SourceManager& sources, const ir::Version& prev,
                           const ir::Version& v) {
  std::vector<std::string> parts;
  for (const ir::Criterion& c : v.criteria) {
    const ir::Criterion* old = FindCriterion(prev, c.id);
    if (old == nullptr) {
      parts.push_back("+" + c.id);
    } else if (old->text != c.text ||
               (old->expr != c.expr && old->expr != nullptr && c.expr != nullptr &&
                old->expr->span.valid() && c.expr->span.valid() &&
                sources.Text(old->expr->span) != sources.Text(c.expr->span))) {
      parts.push_back("~" + c.id);
    }
  }
  for (const ir::Criterion& c : prev.criteria)
    if (FindCriterion(v, c.id) == nullptr) parts.push_back("-" + c.id);
  if (v.notes.size() > prev.notes.size())
    parts.push_back("+" + Plural(v.notes.size() - prev.notes.size(), "note"));
  else if (v.notes.size() < prev.notes.size())
    parts.push_back("-" + Plural(prev.notes.size() - v.notes.size(), "note"));
  return Join(parts, " ");
}

}  // namespace

CommandStatus Session::Guidelines() {
  auto dos = CurrentDos();
  std::vector<std::string> used;
  const Plan* plan = CurrentPlan();
  if (const auto* procedures = doc_.Get({PathStep{"procedures", std::nullopt}});
      procedures != nullptr && procedures->is_array()) {
    for (const auto& line : *procedures)
      if (line.is_object() && line.contains("code") && line["code"].is_string())
        if (const ir::Guideline* g = program().GuidelineForCode(line["code"].get<std::string>()))
          used.push_back(g->id);
  }
  size_t id_width = 0;
  for (const ir::Guideline& g : program().guidelines) id_width = std::max(id_width, g.id.size());
  for (const ir::Guideline& g : program().guidelines) {
    const bool in_case = std::find(used.begin(), used.end(), g.id) != used.end();
    std::string in_effect = "-";
    if (dos) {
      if (const ir::Version* v = g.VersionFor(*dos)) in_effect = v->label;
    }
    out_ << (in_case ? "* " : "  ") << Pad(g.id, id_width + 2) << Pad(in_effect, 12)
         << Pad(Plural(g.versions.size(), "version"), 12) << g.title;
    if (plan != nullptr && !rules::PlanManages(*plan, g)) out_ << " (not managed by " << plan->code << ")";
    out_ << "\n";
  }
  if (dos) out_ << "(the version column: in effect on " << dos->ToString() << ")\n";
  if (!used.empty()) out_ << "(* the case's lines)\n";
  return CommandStatus::kOk;
}

CommandStatus Session::Versions(const Args& args) {
  if (args.size() != 1) return Fail("usage: versions GUIDELINE (an id such as ipm.epidural, or a code)");
  const ir::Guideline* g = FindGuideline(program(), args[0]);
  if (g == nullptr) {
    std::vector<std::string> ids;
    for (const ir::Guideline& x : program().guidelines) ids.push_back(x.id);
    std::string message = "no guideline '" + args[0] + "'";
    std::vector<std::string> containing;
    for (const std::string& id : ids)
      if (id.find(args[0]) != std::string::npos) containing.push_back(id);
    if (auto close = ClosestMatch(args[0], ids)) message += "; did you mean " + *close + "?";
    else if (!containing.empty()) message += "; did you mean " + Join(containing, " or ") + "?";
    else message += " (`guidelines` lists them)";
    return Fail(message);
  }
  auto dos = CurrentDos();
  const ir::Version* current = dos ? g->VersionFor(*dos) : nullptr;
  out_ << g->id << ": " << g->title << " (" << FamilyKindName(g->kind) << ")\n";
  out_ << "  codes: " << g->codes.ToString() << "\n";
  if (!g->citation.empty()) out_ << "  source: " << Fit(g->citation, 10) << "\n";
  for (size_t i = 0; i < g->versions.size(); ++i) {
    const ir::Version& v = g->versions[i];
    out_ << (&v == current ? "* " : "  ") << Pad(v.label, 12) << Pad(VersionRange(*g, v), 26)
         << Plural(v.criteria.size(), "criterion");
    if (i > 0) {
      std::string changes = VersionChanges(*sources_, g->versions[i - 1], v);
      if (!changes.empty()) out_ << "  " << changes;
    }
    out_ << "\n";
  }
  if (g->versions.size() > 1) out_ << "(+ added, - removed, ~ changed since the version before)\n";
  if (current != nullptr) out_ << "(* in effect on the case's date of service, " << dos->ToString() << ")\n";
  else if (dos) out_ << "(no version is in effect on " << dos->ToString() << ")\n";
  return CommandStatus::kOk;
}

CommandStatus Session::Criteria(const Args& args) {
  if (args.size() > 1) return Fail("usage: criteria [GUIDELINE]");
  auto dos = CurrentDos();
  if (!dos) return Fail("the case has no valid date of service (`dos DATE` sets one)");
  std::vector<const ir::Guideline*> shown;
  if (!args.empty()) {
    const ir::Guideline* g = FindGuideline(program(), args[0]);
    if (g == nullptr) return Fail("no guideline '" + args[0] + "' (`guidelines` lists them)");
    shown.push_back(g);
  } else if (const auto* procedures = doc_.Get({PathStep{"procedures", std::nullopt}});
             procedures != nullptr && procedures->is_array()) {
    for (const auto& line : *procedures) {
      if (!line.is_object() || !line.contains("code") || !line["code"].is_string()) continue;
      const ir::Guideline* g = program().GuidelineForCode(line["code"].get<std::string>());
      if (g != nullptr && std::find(shown.begin(), shown.end(), g) == shown.end()) shown.push_back(g);
    }
    if (shown.empty()) return Fail("no line of the case has a guideline; try `criteria GUIDELINE`");
  }
  for (const ir::Guideline* g : shown) {
    const ir::Version* v = g->VersionFor(*dos);
    if (v == nullptr) {
      out_ << g->id << ": no version in effect on " << dos->ToString() << "\n";
      continue;
    }
    out_ << g->id << " version " << v->label << " (in effect on " << dos->ToString() << ")\n";
    size_t width = 0;
    for (const ir::Criterion& c : v->criteria) width = std::max(width, c.id.size());
    for (const ir::Criterion& c : v->criteria) {
      out_ << "  " << Pad(c.id, width + 2) << Fit(c.text, width + 4) << "\n";
      out_ << "  " << Pad("", width + 2) << "reads " << Join(FactsRead(program(), c.expr), ", ")
           << "\n";
    }
  }
  return CommandStatus::kOk;
}

CommandStatus Session::Facts(const Args& args) {
  const std::string filter = args.empty() ? "" : Lower(args[0]);
  const bool envelope_only = filter == "case";
  const Json* clinical = doc_.Get({PathStep{"clinical", std::nullopt}});
  std::vector<FactDescription> rows;
  for (const std::string& key : AllFactKeys(program())) {
    FactDescription d = DescribeFact(program(), key);
    const bool is_clinical = d.source == FactSource::kClinical;
    if (envelope_only ? is_clinical : (filter.empty() && !is_clinical)) continue;
    if (!envelope_only && !filter.empty() && Lower(d.key).find(filter) == std::string::npos &&
        Lower(d.meaning).find(filter) == std::string::npos)
      continue;
    rows.push_back(std::move(d));
  }
  if (rows.empty()) return Fail("no fact matches '" + args[0] + "'");
  size_t width = 0;
  for (const auto& d : rows) width = std::max(width, d.key.size());
  for (const FactDescription& d : rows) {
    const bool vocabulary = !d.values.empty();
    std::string type = vocabulary ? (d.type == "enum" ? "one of" : "list of") : TypeText(d);
    out_ << "  " << Pad(d.key, width + 2) << Pad(type, 15) << " " << Fit(d.meaning, width + 20);
    if (d.source == FactSource::kClinical && clinical != nullptr && clinical->is_object() &&
        clinical->contains(d.key))
      out_ << "  " << Paint("= " + Dump((*clinical)[d.key]), 36);
    if (d.source != FactSource::kClinical && d.field != d.key) out_ << " [" << d.field << "]";
    out_ << "\n";
    if (vocabulary)
      out_ << "  " << Pad("", width + 2 + 16) << Fit(Join(d.values, ", "), width + 20) << "\n";
  }
  if (filter.empty())
    out_ << "(" << Plural(rows.size(), "clinical fact")
         << "; `facts case` lists the case fields the rules read, `facts WORD` searches)\n";
  return CommandStatus::kOk;
}

CommandStatus Session::Plans() {
  const Plan* current = CurrentPlan();
  for (const Plan& p : program().plans) {
    out_ << (&p == current ? "* " : "  ") << Pad(p.code, 12) << p.name;
    if (p.program_start) out_ << "; program start " << p.program_start->ToString();
    if (p.soft_launch_from && p.soft_launch_to)
      out_ << "; soft launch " << p.soft_launch_from->ToString() << " to "
           << p.soft_launch_to->ToString();
    if (!p.manages_all) out_ << "; manages " << Join(p.families, ", ");
    out_ << "\n";
  }
  if (current != nullptr) out_ << "(* the case's plan; `plan CODE` switches)\n";
  return CommandStatus::kOk;
}

}  // namespace mskc::tool::repl
