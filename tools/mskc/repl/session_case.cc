// Building the case: set / add / unset / show / load / save / reset / plan / dos.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "runtime/core/did_you_mean.h"
#include "runtime/rules/scope.h"
#include "tools/mskc/repl/session.h"
#include "tools/mskc/repl/text.h"

namespace mskc::tool::repl {
namespace {



bool StartsWithPath(const std::string& path, const std::string& prefix) {
  if (path.compare(0, prefix.size(), prefix) != 0) return false;
  return path.size() == prefix.size() || path[prefix.size()] == '.' || path[prefix.size()] == '[';
}

bool IsStringList(std::string_view key) {
  return key == "diagnoses" || key == "modifiers" || key == "site_of_care_reasons";
}

// The last named (non-index) step of a path.
std::string LastKey(const std::vector<PathStep>& path) {
  for (auto it = path.rbegin(); it != path.rend(); ++it)
    if (!it->index) return it->key;
  return "";
}

}  // namespace

std::optional<std::vector<PathStep>> Session::ResolveName(std::string_view name,
                                                          std::string* error) const {
  auto path = ParsePath(name, error);
  if (!path) return std::nullopt;
  const std::string& first = path->front().key;
  const auto& envelope = EnvelopeFields();
  if (std::find(envelope.begin(), envelope.end(), first) != envelope.end()) return path;
  if (program().facts.Find(first) != nullptr) {
    path->insert(path->begin(), PathStep{"clinical", std::nullopt});
    return path;
  }
  std::vector<std::string> candidates = envelope;
  for (const auto& [key, info] : program().facts.facts()) candidates.push_back(key);
  for (const char* member : {"member.birth_date", "member.sex", "member.id", "procedures[0].code"})
    candidates.emplace_back(member);
  *error = "'" + std::string(name) + "' is neither a clinical fact of the loaded rules nor a case field";
  if (auto close = ClosestMatch(first, candidates)) {
    *error += "; did you mean " + *close + "?";
  } else if (first == "birth_date" || first == "sex" || first == "code") {
    *error += "; did you mean " + std::string(first == "code" ? "procedures[0]." : "member.") +
              first + "?";
  } else {
    *error += " (`facts` lists the facts; clinical.NAME sets an undeclared one)";
  }
  return std::nullopt;
}

CommandStatus Session::Set(std::string_view rest, bool append) {
  const char* verb = append ? "add" : "set";
  size_t split = rest.find_first_of(" \t");
  std::string name(rest.substr(0, split));
  std::string_view value_text;
  if (split != std::string_view::npos) {
    value_text = rest.substr(split);
    value_text.remove_prefix(std::min(value_text.find_first_not_of(" \t"), value_text.size()));
  }
  if (name.empty() || value_text.empty())
    return Fail(std::string("usage: ") + verb + (append ? " LIST VALUE" : " NAME VALUE") +
                (append ? "" : " (`unset NAME` removes one)"));
  std::string error;
  auto path = ResolveName(name, &error);
  if (!path) return Fail(error);

  const std::string key = LastKey(*path);
  const FactInfo* fact = (*path)[0].key == "clinical" && path->size() >= 2
                             ? program().facts.Find((*path)[1].key)
                             : nullptr;
  // One element of a list (`add ...`, `set diagnoses[1] ...`): coerced as an item of it.
  const bool element = append || path->back().index.has_value();
  Json value;
  if (element) {
    const bool strings = IsStringList(key) || (fact != nullptr && fact->type == FactType::kEnumList);
    value = ParseValue(value_text, strings ? "code" : "", nullptr);
  } else {
    value = ParseValue(value_text, key, fact);
  }

  Json before = doc_.doc();
  std::optional<std::string> failed = append ? doc_.Append(*path, value) : doc_.Set(*path, value);
  if (failed) return Fail(*failed);

  const std::string shown = FormatPath(*path);
  std::optional<cases::CaseError> bad = Validate();
  if (bad) {
    // A value that is wrong in itself is refused; a case left incomplete by another field
    // (inpatient setting before its site of care, say) is kept so it can be finished.
    const bool own = StartsWithPath(bad->path, shown) ||
                     (append && StartsWithPath(bad->path, FormatPath(*path)));
    if (own && shown != "site_of_care" && shown != "setting") {
      doc_.Replace(std::move(before));
      return Fail(cases::FormatCaseError(*bad));
    }
  }
  const Json* now = doc_.Get(*path);
  std::string display = (path->front().key == "clinical" && path->size() >= 2 && fact != nullptr)
                            ? FormatPath({path->begin() + 1, path->end()})
                            : shown;
  out_ << display << " = " << (now != nullptr ? Dump(*now) : "null") << "\n";
  if (bad) {
    out_ << Paint("note:", 33) << " the case is not valid yet: " << cases::FormatCaseError(*bad)
         << "\n";
  } else if (auto read = ReadCase(); auto* c = std::get_if<cases::Case>(&read)) {
    for (const std::string& w : c->warnings)
      if (w.find(key) != std::string::npos) out_ << Paint("warning:", 33) << " " << w << "\n";
  }
  return CommandStatus::kOk;
}

CommandStatus Session::Unset(const Args& args) {
  if (args.empty()) return Fail("usage: unset NAME (a fact or a case field)");
  for (const std::string& name : args) {
    std::string error;
    auto path = ResolveName(name, &error);
    if (!path) return Fail(error);
    if (auto failed = doc_.Unset(*path)) return Fail(name + " is not set");
    out_ << name << " unset\n";
  }
  return CommandStatus::kOk;
}

CommandStatus Session::Show(const Args& args) {
  if (args.empty()) {
    out_ << Dump(doc_.doc(), 2) << "\n";
    return CommandStatus::kOk;
  }
  for (const std::string& name : args) {
    std::string error;
    auto path = ResolveName(name, &error);
    if (!path) return Fail(error);
    const Json* value = doc_.Get(*path);
    if (value == nullptr) {
      out_ << name << " is not set" << ((*path)[0].key == "clinical" ? " (unknown)" : "") << "\n";
      continue;
    }
    if (args.size() > 1 || value->is_primitive()) out_ << name << " = ";
    out_ << Dump(*value, value->is_primitive() ? -1 : 2) << "\n";
  }
  return CommandStatus::kOk;
}

CommandStatus Session::Load(std::string_view rest) {
  if (rest.empty()) return Fail("usage: load FILE");
  std::string path(rest);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Fail("'" + path + "' is a folder, not a case file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail("cannot read '" + path + "': " + std::strerror(errno));
  std::string text;
  try {
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } catch (const std::exception&) {
    return Fail("cannot read '" + path + "'");
  }
  Json parsed = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return Fail("'" + path + "' is not valid JSON");
  if (!parsed.is_object()) return Fail("'" + path + "' does not hold a JSON object (a case)");
  doc_.Replace(std::move(parsed));
  const Json& d = doc_.doc();
  const size_t lines = d.contains("procedures") && d["procedures"].is_array() ? d["procedures"].size() : 0;
  const size_t facts = d.contains("clinical") && d["clinical"].is_object() ? d["clinical"].size() : 0;
  std::string id = d.contains("case_id") && d["case_id"].is_string() ? d["case_id"].get<std::string>() : "?";
  out_ << "loaded case " << id << ": " << Plural(lines, "line") << ", " << Plural(facts, "clinical fact")
       << "\n";
  if (auto bad = Validate())
    out_ << Paint("note:", 33) << " the case is not valid yet: " << cases::FormatCaseError(*bad) << "\n";
  return CommandStatus::kOk;
}

CommandStatus Session::Save(std::string_view rest) {
  if (rest.empty()) return Fail("usage: save FILE");
  std::string path(rest);
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return Fail("cannot write '" + path + "': " + std::strerror(errno));
  file << Dump(doc_.doc(), 2) << "\n";
  file.close();
  if (!file) return Fail("cannot write '" + path + "': " + std::strerror(errno));
  out_ << "saved the case to " << path << "\n";
  return CommandStatus::kOk;
}

CommandStatus Session::Reset() {
  doc_.Replace(CaseDocument::DefaultCase(options_.today));
  out_ << "the case is the default again: an epidural request (62323) for "
       << options_.today.ToString() << " under plan DEFAULT, no clinical facts\n";
  return CommandStatus::kOk;
}

CommandStatus Session::PlanCommand(const Args& args) {
  if (args.empty()) return Plans();
  const Plan* found = nullptr;
  for (const Plan& p : program().plans) {
    std::string upper = args[0];
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (p.code == args[0] || p.code == upper) found = &p;
  }
  if (found == nullptr) {
    std::vector<std::string> codes;
    for (const Plan& p : program().plans) codes.push_back(p.code);
    std::string message = "no plan '" + args[0] + "'";
    if (auto close = ClosestMatch(args[0], codes)) message += "; did you mean " + *close + "?";
    else message += "; the plans are " + Join(codes, ", ");
    return Fail(message);
  }
  doc_.Set({PathStep{"health_plan", std::nullopt}}, found->code);
  out_ << "plan " << found->code << " (" << found->name << ")\n";
  PrintScope();
  return CommandStatus::kOk;
}

CommandStatus Session::Dos(const Args& args) {
  if (args.empty()) {
    auto dos = CurrentDos();
    out_ << "date of service " << (dos ? dos->ToString() : "not set") << "\n";
    PrintScope();
    return CommandStatus::kOk;
  }
  std::optional<Date> date = args[0] == "today" ? std::optional<Date>(options_.today)
                                                : Date::Parse(args[0]);
  if (!date) return Fail("expected a date as YYYY-MM-DD (or `today`), found \"" + args[0] + "\"");
  const std::string day = date->ToString();
  doc_.Set({PathStep{"date_of_service", std::nullopt}}, day);
  doc_.Set({PathStep{"submitted_on", std::nullopt}}, day);
  std::string extra;
  if (doc_.Get({PathStep{"performed_on", std::nullopt}}) != nullptr) {
    doc_.Unset({PathStep{"performed_on", std::nullopt}});
    extra = "; performed_on removed, the request is no longer retrospective";
  }
  out_ << "date of service " << day << " (submitted the same day" << extra << ")\n";
  PrintScope();
  return CommandStatus::kOk;
}

void Session::PrintScope() {
  const Plan* plan = CurrentPlan();
  auto dos = CurrentDos();
  const Json* procedures = doc_.Get({PathStep{"procedures", std::nullopt}});
  if (plan == nullptr || !dos || procedures == nullptr || !procedures->is_array()) return;
  for (size_t i = 0; i < procedures->size(); ++i) {
    const Json& line = (*procedures)[i];
    if (!line.is_object() || !line.contains("code") || !line["code"].is_string()) continue;
    const std::string code = line["code"].get<std::string>();
    rules::ScopedLine s = rules::ScopeLine(program(), *plan, code, *dos);
    out_ << "  line " << i + 1 << " " << code << ": ";
    if (rules::BeforeProgramStart(*plan, *dos)) s.scope = rules::LineScope::kNotManaged;
    switch (s.scope) {
      case rules::LineScope::kGuideline:
        out_ << s.guideline->id << " version " << s.version->label << " ("
             << VersionRange(*s.guideline, *s.version) << ")\n";
        break;
      case rules::LineScope::kManualReview:
        out_ << "manual review (in scope, no automated guideline)\n";
        break;
      case rules::LineScope::kNotManaged:
        if (rules::BeforeProgramStart(*plan, *dos))
          out_ << "not managed: before " << plan->code << "'s program start "
               << plan->program_start->ToString() << "\n";
        else
          out_ << "not managed under " << plan->code << "\n";
        break;
    }
  }
}

const Plan* Session::CurrentPlan() const {
  const Json* plan = doc_.Get({PathStep{"health_plan", std::nullopt}});
  if (plan == nullptr || !plan->is_string()) return nullptr;
  return program().FindPlan(plan->get<std::string>());
}

std::optional<Date> Session::CurrentDos() const {
  for (const char* key : {"performed_on", "date_of_service"}) {
    const Json* v = doc_.Get({PathStep{key, std::nullopt}});
    if (v != nullptr && v->is_string()) {
      if (auto d = Date::Parse(v->get<std::string>())) return d;
    }
  }
  return std::nullopt;
}

}  // namespace mskc::tool::repl
