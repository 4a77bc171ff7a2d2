// `mskc impact --old DIR --new DIR CASES.ndjson`: evaluates a corpus under two rule sets and
// reports which determinations change and why — outcome changes per case, criterion result
// changes per line (new and removed criteria included), guideline version and reason-code
// changes — each with the first few case ids.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <tuple>
#include <variant>

#include "runtime/case/case_reader.h"
#include "runtime/determination/json_writer.h"
#include "runtime/rules/decide.h"
#include "tools/mskc/commands.h"
#include "tools/mskc/repl/text.h"

namespace mskc::tool {
namespace {

using determination::Determination;
using determination::LineResult;
using json = nlohmann::ordered_json;

struct Tally {
  size_t count = 0;
  std::vector<std::string> examples;  // case ids, first seen first, no repeats
};

// Outcome (from, to); criterion (guideline, criterion, from, to) with "" for absent;
// version (from, to) as `id version`; reason code (code, "added" | "removed").
using OutcomeKey = std::pair<std::string, std::string>;
using CriterionKey = std::tuple<std::string, std::string, std::string, std::string>;
using VersionKey = std::pair<std::string, std::string>;
using ReasonKey = std::pair<std::string, std::string>;

struct Unreadable {
  long line = 0;
  std::string side;  // old, new, both
  std::string error;
};

struct Report {
  size_t cases = 0, changed = 0;
  std::map<OutcomeKey, Tally> outcomes;
  std::map<CriterionKey, Tally> criteria;
  std::map<VersionKey, Tally> versions;
  std::map<ReasonKey, Tally> reason_codes;
  std::map<VersionKey, Tally> texts;  // (guideline, criterion) whose text changed
  Tally other;  // changed in notes or validity windows only
  std::vector<Unreadable> unreadable;
};

void Count(Tally& t, const std::string& id, size_t max_examples) {
  ++t.count;
  if (t.examples.size() < max_examples &&
      std::find(t.examples.begin(), t.examples.end(), id) == t.examples.end())
    t.examples.push_back(id);
}

std::string Ref(const LineResult& line) {
  return line.guideline ? line.guideline->id + " " + line.guideline->version : "none";
}

// Compares two determinations of one case; true when anything but notes/windows/missing changed.
bool Compare(const Determination& a, const Determination& b, const std::string& id, size_t n,
             Report& r) {
  bool explained = false;
  if (a.outcome != b.outcome) {
    Count(r.outcomes[{std::string(OutcomeName(a.outcome)), std::string(OutcomeName(b.outcome))}], id, n);
    explained = true;
  }
  for (auto code : a.reason_codes.ToVector())
    if (!b.reason_codes.Has(code)) {
      Count(r.reason_codes[{std::string(ReasonCodeName(code)), "removed"}], id, n);
      explained = true;
    }
  for (auto code : b.reason_codes.ToVector())
    if (!a.reason_codes.Has(code)) {
      Count(r.reason_codes[{std::string(ReasonCodeName(code)), "added"}], id, n);
      explained = true;
    }
  const size_t lines = std::min(a.lines.size(), b.lines.size());
  for (size_t i = 0; i < lines; ++i) {
    const LineResult& la = a.lines[i];
    const LineResult& lb = b.lines[i];
    if (Ref(la) != Ref(lb)) {
      Count(r.versions[{Ref(la), Ref(lb)}], id, n);
      explained = true;
    }
    const std::string ga = la.guideline ? la.guideline->id : "";
    const std::string gb = lb.guideline ? lb.guideline->id : "";
    for (const auto& cb : lb.criteria) {
      auto it = std::find_if(la.criteria.begin(), la.criteria.end(),
                             [&](const auto& ca) { return ca.id == cb.id; });
      std::string to(CriterionResultName(cb.result));
      if (it == la.criteria.end() || ga != gb) {
        Count(r.criteria[{gb, cb.id, "", to}], id, n);
        explained = true;
      } else if (it->result != cb.result) {
        Count(r.criteria[{gb, cb.id, std::string(CriterionResultName(it->result)), to}], id, n);
        explained = true;
      }
      if (it != la.criteria.end() && ga == gb && it->text != cb.text) {
        Count(r.texts[{gb, cb.id}], id, n);
        explained = true;
      }
    }
    for (const auto& ca : la.criteria) {
      auto it = std::find_if(lb.criteria.begin(), lb.criteria.end(),
                             [&](const auto& cb) { return cb.id == ca.id; });
      if (it == lb.criteria.end() || ga != gb) {
        Count(r.criteria[{ga, ca.id, std::string(CriterionResultName(ca.result)), ""}], id, n);
        explained = true;
      }
    }
  }
  return explained;
}

// Keys ordered by count (most first), then by key.
template <typename Key>
std::vector<std::pair<Key, const Tally*>> ByCount(const std::map<Key, Tally>& m) {
  std::vector<std::pair<Key, const Tally*>> out;
  for (const auto& [k, t] : m) out.emplace_back(k, &t);
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second->count > b.second->count; });
  return out;
}

std::string Examples(const Tally& t) {
  return t.examples.empty() ? "" : " (" + repl::Join(t.examples, ", ") + ")";
}

std::string CriterionChange(const CriterionKey& k) {
  const auto& [g, c, from, to] = k;
  std::string name = (g.empty() ? "" : g + "/") + c;
  if (from.empty()) return name + ": new, " + to;
  if (to.empty()) return name + ": removed, was " + from;
  return name + ": " + from + " → " + to;
}

// `ipm.epidural: 2018-01-01 → 2020-08-16`, or both references when the guideline changed.
std::string VersionChange(const VersionKey& k) {
  const size_t a = k.first.find(' '), b = k.second.find(' ');
  if (a != std::string::npos && b != std::string::npos &&
      k.first.compare(0, a, k.second, 0, b) == 0)
    return k.first.substr(0, a) + ": " + k.first.substr(a + 1) + " → " + k.second.substr(b + 1);
  return k.first + " → " + k.second;
}

void PrintText(std::ostream& out, const Report& r) {
  out << "impact: " << repl::Plural(r.cases, "case") << ", " << r.changed
      << (r.changed == 1 ? " determination changes, " : " determinations change, ")
      << r.cases - r.changed - r.unreadable.size() << " unchanged";
  if (!r.unreadable.empty()) out << ", " << r.unreadable.size() << " unreadable";
  out << "\n";
  if (!r.outcomes.empty()) {
    out << "\noutcomes:\n";
    for (const auto& [k, t] : ByCount(r.outcomes))
      out << "  " << k.first << " → " << k.second << ": " << t->count << Examples(*t) << "\n";
  }
  if (!r.criteria.empty() || !r.texts.empty()) out << "\ncriteria:\n";
  for (const auto& [k, t] : ByCount(r.criteria))
    out << "  " << CriterionChange(k) << " on " << repl::Plural(t->count, "line") << Examples(*t)
        << "\n";
  for (const auto& [k, t] : ByCount(r.texts))
    out << "  " << k.first << "/" << k.second << ": text changed on "
        << repl::Plural(t->count, "line") << Examples(*t) << "\n";
  if (!r.versions.empty()) {
    out << "\nguideline versions:\n";
    for (const auto& [k, t] : ByCount(r.versions))
      out << "  " << VersionChange(k) << " on " << repl::Plural(t->count, "line") << Examples(*t)
          << "\n";
  }
  if (!r.reason_codes.empty()) {
    out << "\nreason codes:\n";
    for (const auto& [k, t] : ByCount(r.reason_codes))
      out << "  " << k.first << " " << k.second << " on " << repl::Plural(t->count, "case")
          << Examples(*t) << "\n";
  }
  if (r.other.count > 0)
    out << "\nother changes (notes, validity windows): "
        << repl::Plural(r.other.count, "case") << Examples(r.other) << "\n";
  if (!r.unreadable.empty()) {
    out << "\nunreadable lines:\n";
    for (const Unreadable& u : r.unreadable)
      out << "  line " << u.line << " (" << u.side << " rules): " << u.error << "\n";
  }
}

json TallyJson(const Tally& t) { return json{{"count", t.count}, {"examples", t.examples}}; }

std::string ToJson(const Report& r) {
  json j{{"cases", r.cases}, {"changed", r.changed},
         {"unchanged", r.cases - r.changed - r.unreadable.size()}};
  json outcomes = json::array();
  for (const auto& [k, t] : ByCount(r.outcomes)) {
    json o{{"from", k.first}, {"to", k.second}};
    o.update(TallyJson(*t));
    outcomes.push_back(o);
  }
  j["outcomes"] = outcomes;
  json criteria = json::array();
  for (const auto& [k, t] : ByCount(r.criteria)) {
    const auto& [g, c, from, to] = k;
    json o{{"guideline", g}, {"criterion", c}};
    o["from"] = from.empty() ? json(nullptr) : json(from);
    o["to"] = to.empty() ? json(nullptr) : json(to);
    o.update(TallyJson(*t));
    criteria.push_back(o);
  }
  j["criteria"] = criteria;
  json texts = json::array();
  for (const auto& [k, t] : ByCount(r.texts)) {
    json o{{"guideline", k.first}, {"criterion", k.second}};
    o.update(TallyJson(*t));
    texts.push_back(o);
  }
  j["texts"] = texts;
  json versions = json::array();
  for (const auto& [k, t] : ByCount(r.versions)) {
    json o{{"from", k.first}, {"to", k.second}};
    o.update(TallyJson(*t));
    versions.push_back(o);
  }
  j["versions"] = versions;
  json codes = json::array();
  for (const auto& [k, t] : ByCount(r.reason_codes)) {
    json o{{"code", k.first}, {"change", k.second}};
    o.update(TallyJson(*t));
    codes.push_back(o);
  }
  j["reason_codes"] = codes;
  j["other"] = TallyJson(r.other);
  json unreadable = json::array();
  for (const Unreadable& u : r.unreadable)
    unreadable.push_back(json{{"line", u.line}, {"rules", u.side}, {"error", u.error}});
  j["unreadable"] = unreadable;
  return j.dump(2, ' ', false, json::error_handler_t::replace);
}

// One side's determination of a line, or its error message.
std::variant<Determination, std::string> Evaluate(const driver::Ruleset& ruleset,
                                                  cases::CaseReader& reader,
                                                  std::string_view text) {
  cases::CaseResult read = reader.Read(text);
  if (auto* e = std::get_if<cases::CaseError>(&read)) return cases::FormatCaseError(*e);
  rules::DecideResult d = rules::Decide(ruleset, std::get<cases::Case>(read));
  if (auto* e = std::get_if<cases::CaseError>(&d)) return cases::FormatCaseError(*e);
  return std::move(std::get<Determination>(d));
}

}  // namespace

ExitCode RunImpact(const ImpactOptions& options) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (options.cases_path != "-") {
    file.open(options.cases_path, std::ios::binary);
    if (!file) {
      std::cerr << "error: cannot read '" << options.cases_path << "': " << std::strerror(errno)
                << "\n";
      return ExitCode::kUsage;
    }
    in = &file;
  }
  LoadedRules old_rules = LoadRules(options.old_rules, options.backend);
  if (!old_rules.ruleset) return ExitCode::kUsage;
  LoadedRules new_rules = LoadRules(options.new_rules, options.backend);
  if (!new_rules.ruleset) return ExitCode::kUsage;
  cases::CaseReader old_reader(old_rules.ruleset->program().facts);
  cases::CaseReader new_reader(new_rules.ruleset->program().facts);

  const size_t n = static_cast<size_t>(std::max(options.examples, 0));
  Report report;
  std::string text;
  long line_no = 0;
  const determination::JsonStyle compact{false};
  while (std::getline(*in, text)) {
    ++line_no;
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    ++report.cases;
    auto a = Evaluate(*old_rules.ruleset, old_reader, text);
    auto b = Evaluate(*new_rules.ruleset, new_reader, text);
    auto* da = std::get_if<Determination>(&a);
    auto* db = std::get_if<Determination>(&b);
    if (da == nullptr || db == nullptr) {
      Unreadable u{line_no, da == nullptr && db == nullptr ? "both" : (da == nullptr ? "old" : "new"),
                   da == nullptr ? std::get<std::string>(a) : std::get<std::string>(b)};
      report.unreadable.push_back(std::move(u));
      continue;
    }
    if (determination::ToJson(*da, compact) == determination::ToJson(*db, compact)) continue;
    ++report.changed;
    const std::string id = da->case_id.empty() ? "line " + std::to_string(line_no) : da->case_id;
    if (!Compare(*da, *db, id, n, report)) Count(report.other, id, n);
  }
  if (in->bad()) {
    std::cerr << "error: cannot read '" << options.cases_path << "'\n";
    return ExitCode::kUsage;
  }
  if (options.json) std::cout << ToJson(report) << "\n";
  else PrintText(std::cout, report);
  std::cout.flush();
  return ExitCode::kOk;
}

}  // namespace mskc::tool
