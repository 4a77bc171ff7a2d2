// Evaluating the case (`eval`) and explaining one criterion (`why`, `why not`).
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "compiler/interp/interpreter.h"
#include "runtime/case/frame_builder.h"
#include "runtime/core/business_calendar.h"
#include "runtime/core/did_you_mean.h"
#include "runtime/determination/json_writer.h"
#include "runtime/rules/decide.h"
#include "runtime/rules/scope.h"
#include "tools/mskc/repl/fact_catalog.h"
#include "tools/mskc/repl/session.h"
#include "tools/mskc/repl/text.h"

namespace mskc::tool::repl {
namespace {

using determination::Determination;
using determination::LineResult;
using determination::Outcome;

int OutcomeColor(Outcome o) {
  switch (o) {
    case Outcome::kApproved: return 32;
    case Outcome::kPended: return 33;
    case Outcome::kDeniedAdministrative:
    case Outcome::kRejected: return 31;
    default: return 36;
  }
}

int TriColor(Tri t) { return t == Tri::kTrue ? 32 : (t == Tri::kFalse ? 31 : 33); }

std::vector<std::string> CodeNames(const determination::ReasonCodeSet& set) {
  std::vector<std::string> names;
  for (auto code : set.ToVector()) names.emplace_back(determination::ReasonCodeName(code));
  return names;
}

// What `why` is asked about: [not] CRITERION [line N].
struct WhyQuery {
  bool negated = false;
  std::string guideline;  // from `guideline/criterion`; empty = any
  std::string criterion;
  std::optional<size_t> line;  // 1-based
};

std::optional<WhyQuery> ParseWhy(const std::vector<std::string>& args, std::string* error) {
  WhyQuery q;
  size_t i = 0;
  if (i < args.size() && args[i] == "not") {
    q.negated = true;
    ++i;
  }
  if (i >= args.size()) {
    *error = "usage: why [not] CRITERION [line N]";
    return std::nullopt;
  }
  std::string name = args[i++];
  if (size_t slash = name.rfind('/'); slash != std::string::npos) {
    q.guideline = name.substr(0, slash);
    name = name.substr(slash + 1);
  }
  q.criterion = name;
  if (i < args.size()) {
    if (args[i] != "line" || i + 2 != args.size()) {
      *error = "usage: why [not] CRITERION [line N]";
      return std::nullopt;
    }
    const std::string& n = args[i + 1];
    if (n.empty() || n.size() > 6 || !std::all_of(n.begin(), n.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) || n == "0") {
      *error = "expected a line number from 1, found \"" + n + "\"";
      return std::nullopt;
    }
    q.line = static_cast<size_t>(std::stoul(n));
  }
  return q;
}

// The source file of a span, relative to the rules folder when under it (sources are registered
// relative to the working folder, or absolute).
std::string Location(const source::SourceManager& sources, const source::Span& span,
                     const std::string& rules_dir) {
  if (!span.valid()) return "";
  namespace fs = std::filesystem;
  std::string path = sources.Path(span.file);
  std::error_code ec;
  fs::path file = fs::absolute(path, ec).lexically_normal();
  fs::path rules = fs::absolute(rules_dir, ec).lexically_normal();
  fs::path rel = file.lexically_relative(rules);
  if (!ec && !rel.empty() && rel.native().rfind("..", 0) != 0) path = rel.string();
  return path + ":" + std::to_string(sources.Locate(span.file, span.begin).line);
}

// Source text on one line: every run of whitespace becomes one space.
std::string OneLine(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::variant<cases::Case, cases::CaseError> Session::ReadCase() const {
  cases::CaseResult read = cases::ReadCase(Dump(doc_.doc()), program().facts);
  if (auto* error = std::get_if<cases::CaseError>(&read)) return *error;
  return std::move(std::get<cases::Case>(read));
}

std::optional<cases::CaseError> Session::Validate() const {
  auto read = ReadCase();
  if (auto* error = std::get_if<cases::CaseError>(&read)) return *error;
  const std::string& plan = std::get<cases::Case>(read).health_plan;
  if (program().FindPlan(plan) == nullptr) {
    std::vector<std::string> codes;
    for (const Plan& p : program().plans) codes.push_back(p.code);
    return cases::CaseError{"health_plan", "expected one of the known plans (" +
                                               Join(codes, ", ") + "), found \"" + plan + "\""};
  }
  return std::nullopt;
}

CommandStatus Session::Eval(const Args& args) {
  bool json = false, trace = false;
  for (const std::string& a : args) {
    if (a == "--json" || a == "json") json = true;
    else if (a == "--trace" || a == "trace") json = trace = true;
    else return Fail("usage: eval [--json | --trace]");
  }
  auto read = ReadCase();
  if (auto* bad = std::get_if<cases::CaseError>(&read))
    return Fail("the case is not valid: " + cases::FormatCaseError(*bad));
  const cases::Case& c = std::get<cases::Case>(read);
  rules::DecideOptions decide;
  decide.trace = trace;
  decide.sources = sources_.get();
  rules::DecideResult result = rules::Decide(*ruleset_, c, decide);
  if (auto* bad = std::get_if<cases::CaseError>(&result))
    return Fail("the case is not valid: " + cases::FormatCaseError(*bad));
  const Determination& d = std::get<Determination>(result);
  if (json) {
    out_ << determination::ToJson(d) << "\n";
    return CommandStatus::kOk;
  }

  out_ << Paint(determination::OutcomeName(d.outcome), OutcomeColor(d.outcome)) << " ("
       << determination::CaseStatusName(d.status) << ")";
  if (d.review != determination::Review::kNone)
    out_ << ", review by " << determination::ReviewName(d.review);
  if (d.valid_from && d.expires_on)
    out_ << ", valid " << d.valid_from->ToString() << " to " << d.expires_on->ToString();
  if (!d.reason_codes.empty()) out_ << ": " << Join(CodeNames(d.reason_codes), ", ");
  out_ << "\n";
  std::string first_open;  // the first criterion not met, for the hint
  for (size_t i = 0; i < d.lines.size(); ++i) {
    const LineResult& line = d.lines[i];
    out_ << "  line " << i + 1 << " " << line.code << ": "
         << Paint(determination::OutcomeName(line.outcome), OutcomeColor(line.outcome));
    if (line.guideline) out_ << ", " << line.guideline->id << " version " << line.guideline->version;
    if (d.lines.size() > 1 && !line.reason_codes.empty())
      out_ << " [" << Join(CodeNames(line.reason_codes), ", ") << "]";
    out_ << "\n";
    size_t width = 0;
    for (const auto& cr : line.criteria) width = std::max(width, cr.id.size());
    for (const auto& cr : line.criteria) {
      std::string mark = Pad(CriterionResultName(cr.result), 9);
      out_ << "    " << Paint(mark, TriColor(cr.result)) << Pad(cr.id, width + 2)
           << Fit(cr.text, 4 + 9 + width + 2) << "\n";
      if (cr.result != Tri::kTrue && first_open.empty()) first_open = cr.id;
    }
    if (!line.missing.empty()) out_ << "    missing: " << Fit(Join(line.missing, ", "), 13) << "\n";
  }
  for (const auto& note : d.notes) {
    std::string head = "  " + std::string(determination::NoteKindName(note.kind));
    if (note.line) head += " (line " + std::to_string(*note.line) + ")";
    head += ": ";
    out_ << head << Fit(note.text, head.size()) << "\n";
  }
  for (const std::string& w : d.warnings)
    out_ << "  " << Paint("warning:", 33) << " " << Fit(w, 11) << "\n";
  if (options_.color && !first_open.empty())
    out_ << "  (`why not " << first_open << "` explains a criterion; `set FACT VALUE` adds a fact)\n";
  return CommandStatus::kOk;
}

CommandStatus Session::Why(const Args& args) {
  std::string error;
  auto query = ParseWhy(args, &error);
  if (!query) return Fail(error);
  auto read = ReadCase();
  if (auto* bad = std::get_if<cases::CaseError>(&read))
    return Fail("the case is not valid: " + cases::FormatCaseError(*bad));
  const cases::Case& c = std::get<cases::Case>(read);
  const ir::Program& p = program();
  const Plan* plan = p.FindPlan(c.health_plan);
  if (plan == nullptr) return Fail("no plan '" + c.health_plan + "' (`plans` lists them)");
  const Date dos = c.EffectiveDateOfService();
  if (query->line && *query->line > c.procedures.size())
    return Fail("the case has " + Plural(c.procedures.size(), "line"));

  // The first line (or the line asked for) whose guideline version has the criterion.
  size_t line_index = 0;
  const ir::Guideline* guideline = nullptr;
  const ir::Criterion* criterion = nullptr;
  const ir::Version* version = nullptr;
  std::vector<std::string> seen_versions;  // versions in effect without the criterion
  for (size_t i = 0; i < c.procedures.size() && criterion == nullptr; ++i) {
    if (query->line && *query->line != i + 1) continue;
    rules::ScopedLine s = rules::ScopeLine(p, *plan, c.procedures[i].code, dos);
    if (s.scope != rules::LineScope::kGuideline) continue;
    if (!query->guideline.empty() && s.guideline->id != query->guideline) continue;
    for (const ir::Criterion& cr : s.version->criteria) {
      if (cr.id != query->criterion) continue;
      line_index = i;
      guideline = s.guideline;
      version = s.version;
      criterion = &cr;
      break;
    }
    if (criterion == nullptr)
      seen_versions.push_back(s.guideline->id + " version " + s.version->label);
  }
  if (criterion == nullptr) {
    // Say whether the criterion exists at all, and where.
    std::vector<std::string> elsewhere, names;
    for (const ir::Guideline& g : p.guidelines) {
      for (const ir::Version& v : g.versions) {
        for (const ir::Criterion& cr : v.criteria) {
          names.push_back(cr.id);
          if (cr.id == query->criterion && (query->guideline.empty() || g.id == query->guideline))
            elsewhere.push_back(g.id + " version " + v.label);
        }
      }
    }
    // Prefer the versions of the guidelines the case's lines use.
    std::vector<std::string> own;
    for (const std::string& v : elsewhere)
      for (const std::string& seen : seen_versions)
        if (v.compare(0, v.find(' '), seen, 0, seen.find(' ')) == 0) own.push_back(v);
    if (!own.empty()) elsewhere = own;
    if (elsewhere.size() > 3) {
      elsewhere.resize(3);
      elsewhere.push_back("...");
    }
    if (!elsewhere.empty()) {
      elsewhere.erase(std::unique(elsewhere.begin(), elsewhere.end()), elsewhere.end());
      std::string message = "'" + query->criterion + "' is not a criterion in effect for ";
      message += query->line ? "line " + std::to_string(*query->line) : "this case";
      message += " on " + dos.ToString();
      if (!seen_versions.empty()) message += " (" + Join(seen_versions, ", ") + " applies)";
      message += "; it is in " + Join(elsewhere, ", ");
      return Fail(message);
    }
    std::vector<std::string> current = CriterionNames();
    std::string message = "no criterion '" + query->criterion + "'";
    auto close = ClosestMatch(query->criterion, current);
    if (!close) close = ClosestMatch(query->criterion, names);
    if (close)
      message += "; did you mean " + *close + "?";
    else if (!current.empty())
      message += "; the case's criteria are " + Join(current, ", ");
    return Fail(message);
  }

  // The same context Decide evaluates with: the plan's calendar and the program's code sets.
  std::optional<BusinessCalendar> own_calendar;
  if (!plan->closure_dates.empty()) own_calendar.emplace(plan->closure_dates);
  const BusinessCalendar& calendar = own_calendar ? *own_calendar : FederalCalendar();
  std::vector<const void*> code_sets;
  for (const CodeSet& set : p.code_sets) code_sets.push_back(&set);
  abi::EvalContext ctx{&calendar, code_sets.data()};
  cases::CaseFrame frame(p, c);
  frame.SetLine(c.procedures[line_index]);
  interp::Explanation e = interp::Explain(p, *criterion, frame.data(), ctx);

  const std::string result(CriterionResultName(e.result));
  out_ << criterion->id << " is " << Paint(result, TriColor(e.result)) << " on line "
       << line_index + 1 << " (" << c.procedures[line_index].code << ", " << guideline->id
       << " version " << version->label << ")\n";
  out_ << "  " << Fit(criterion->text, 2) << "\n";
  if (!criterion->citation.empty()) out_ << "  source: " << criterion->citation << "\n";
  if (!e.reads.empty()) {
    size_t width = 0;
    for (const auto& r : e.reads) width = std::max(width, r.key.size());
    out_ << "  facts read:\n";
    for (const auto& r : e.reads) out_ << "    " << Pad(r.key, width + 2) << r.value << "\n";
  }
  if (e.deciding.valid()) {
    out_ << "  decided by: " << OneLine(sources_->Text(e.deciding));
    std::string where = Location(*sources_, e.deciding, options_.rules_dir);
    if (!where.empty()) out_ << "  (" << where << ")";
    out_ << "\n";
  }
  if (e.result == Tri::kUnknown && !e.missing.empty()) {
    out_ << "  would be settled by:\n";
    size_t width = 0;
    for (const auto& key : e.missing) width = std::max(width, key.size());
    for (const auto& key : e.missing) {
      FactDescription fd = DescribeFact(p, key);
      const bool vocabulary = !fd.values.empty();
      std::string type = vocabulary ? (fd.type == "enum" ? "one of" : "list of") : TypeText(fd);
      out_ << "    " << Pad(key, width + 2) << Pad(type, 15) << " " << Fit(fd.meaning, width + 22);
      if (fd.source != FactSource::kClinical) out_ << " [" << fd.field << "]";
      out_ << "\n";
      if (vocabulary)
        out_ << "    " << Pad("", width + 18) << Fit(Join(fd.values, ", "), width + 22) << "\n";
    }
  }
  // Case-level rules decide some cases before any criterion is looked at.
  rules::DecideResult decided = rules::Decide(*ruleset_, c);
  if (auto* d = std::get_if<Determination>(&decided)) {
    const LineResult& line = d->lines[line_index];
    if (line.criteria.empty())
      out_ << "  note: line " << line_index + 1 << " is decided without its criteria ("
           << determination::OutcomeName(line.outcome) << ": "
           << Join(CodeNames(line.reason_codes), ", ") << ")\n";
  }
  if (query->negated && e.result == Tri::kTrue)
    out_ << "  (it is met: nothing stands in its way)\n";
  return CommandStatus::kOk;
}

std::vector<std::string> Session::CriterionNames() const {
  std::vector<std::string> names;
  const Plan* plan = CurrentPlan();
  auto dos = CurrentDos();
  const Json* procedures = doc_.Get({PathStep{"procedures", std::nullopt}});
  if (plan != nullptr && dos && procedures != nullptr && procedures->is_array()) {
    for (const auto& line : *procedures) {
      if (!line.is_object() || !line.contains("code") || !line["code"].is_string()) continue;
      rules::ScopedLine s = rules::ScopeLine(program(), *plan, line["code"].get<std::string>(), *dos);
      if (s.scope != rules::LineScope::kGuideline) continue;
      for (const ir::Criterion& cr : s.version->criteria) names.push_back(cr.id);
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace mskc::tool::repl
