// Session basics: loading rules, splitting and dispatching command lines, help and completion.
#include "tools/mskc/repl/session.h"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <set>

#include "runtime/core/did_you_mean.h"
#include "tools/mskc/commands.h"
#include "tools/mskc/repl/text.h"

namespace mskc::tool::repl {
namespace {

struct CommandHelp {
  const char* name;
  const char* usage;
  const char* text;
};

// The commands, in the order `help` lists them; the first line of each group is its heading.
constexpr CommandHelp kCommands[] = {
    {"show", "show [PATH]", "the case as JSON, or one part of it (show clinical, show member)"},
    {"set", "set NAME VALUE",
     "a clinical fact (set pain_score 6) or a case field by dotted path (set member.birth_date "
     "1970-01-01, set procedures[0].code 64483, set diagnoses [\"M54.16\"]); VALUE is JSON when "
     "it parses, else text"},
    {"add", "add LIST VALUE",
     "append to a list: add diagnoses G89.11, add complementary_modalities nsaids, "
     "add history {\"code\": \"62323\", \"date\": \"2021-01-04\", \"relief_percent\": 70}"},
    {"unset", "unset NAME", "remove a fact or field: unset pain_score, unset history[0]"},
    {"plan", "plan [CODE]", "switch the health plan (plan IBX); without CODE, list the plans"},
    {"dos", "dos [DATE]",
     "move the date of service, and the submission date with it: dos 2020-08-15, dos today"},
    {"load", "load FILE", "read a case from a JSON file"},
    {"save", "save FILE", "write the case to a JSON file"},
    {"reset", "reset", "back to the default case (an epidural request for today)"},
    {"eval", "eval [--json | --trace]",
     "evaluate the case: a summary, or the determination JSON as `mskc eval` prints it"},
    {"why", "why [not] CRITERION [line N]",
     "explain a criterion: the facts it read, the expression that decided it, and for an "
     "unknown criterion the facts that would settle it"},
    {"guidelines", "guidelines", "the guidelines, with the version in effect for the case"},
    {"versions", "versions GUIDELINE", "a guideline's versions, what each changed, which applies"},
    {"criteria", "criteria [GUIDELINE]",
     "the criteria in effect on the date of service (default: the case's guidelines)"},
    {"facts", "facts [WORD]", "the facts the rules read, with types, meanings and the case's values"},
    {"plans", "plans", "the health plans"},
    {"rules", "rules [DIR]", "recompile the rules (after editing a guideline) or load another folder"},
    {"help", "help [COMMAND]", "this list, or one command"},
    {"quit", "quit", "leave (also exit, or Ctrl-D)"},
};

std::vector<std::string> SplitWords(std::string_view line) {
  std::vector<std::string> words;
  std::string word;
  for (char c : line) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

// The text after the first word, trimmed.
std::string_view RestAfterCommand(std::string_view line) {
  size_t b = line.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  size_t e = line.find_first_of(" \t", b);
  if (e == std::string_view::npos) return {};
  line = line.substr(e);
  b = line.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  line = line.substr(b);
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back())))
    line.remove_suffix(1);
  return line;
}

std::vector<std::string_view> CommandNames() {
  std::vector<std::string_view> names;
  for (const CommandHelp& c : kCommands) names.emplace_back(c.name);
  names.emplace_back("exit");
  return names;
}

// Every path the document holds, dotted: member.birth_date, procedures[0].code, clinical.bmi.
void FlattenPaths(const Json& j, const std::string& prefix, std::vector<std::string>& out) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      std::string path = prefix.empty() ? it.key() : prefix + "." + it.key();
      out.push_back(path);
      FlattenPaths(*it, path, out);
    }
  } else if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i) {
      std::string path = prefix + "[" + std::to_string(i) + "]";
      out.push_back(path);
      FlattenPaths(j[i], path, out);
    }
  }
}

}  // namespace

Session::Session(SessionOptions options, std::ostream& out, std::ostream& err)
    : options_(std::move(options)),
      out_(out),
      err_(err),
      doc_(CaseDocument::DefaultCase(options_.today)) {}

Session::~Session() = default;

bool Session::LoadRules(const std::string& dir) {
  out_.flush();
  LoadedRules loaded = tool::LoadRules(dir, options_.backend);
  if (!loaded.ruleset) return false;
  sources_ = std::move(loaded.sources);
  ruleset_ = std::move(loaded.ruleset);
  options_.rules_dir = dir;
  return true;
}

std::string Session::Banner() const {
  const ir::Program& p = program();
  std::string text = "mskc repl: " + Plural(p.guidelines.size(), "guideline") + ", " +
                     Plural(p.plans.size(), "plan") + ", " +
                     Plural(p.facts.facts().size(), "fact") + " from " + options_.rules_dir + "\n";
  text += Fit("The case is an epidural request (62323) for " + options_.today.ToString() +
                  " under plan DEFAULT, with no clinical facts yet.", 0) + "\n";
  text += "Try `eval`, `set pain_score 6`, `why not radicular_pain`, `facts`, or `help`.\n";
  return text;
}

std::string Session::Paint(std::string_view text, int color) const {
  if (!options_.color) return std::string(text);
  return "\033[" + std::to_string(color) + "m" + std::string(text) + "\033[0m";
}

std::string Session::Fit(std::string_view text, size_t column) const {
  if (options_.width < column + 30) return std::string(text);
  return Wrap(text, options_.width - column - 1, column);
}

CommandStatus Session::Fail(const std::string& message) {
  out_.flush();
  err_ << Paint("error:", 31) << " " << Fit(message, 7) << "\n";
  err_.flush();
  return CommandStatus::kError;
}

CommandStatus Session::Execute(std::string_view line) {
  std::vector<std::string> words = SplitWords(line);
  if (words.empty() || words[0][0] == '#') return CommandStatus::kOk;
  const std::string& cmd = words[0];
  Args args(words.begin() + 1, words.end());
  std::string_view rest = RestAfterCommand(line);
  CommandStatus status;
  if (cmd == "quit" || cmd == "exit" || cmd == "q") return CommandStatus::kQuit;
  if (cmd == "help" || cmd == "?") {
    status = Help(args);
  } else if (cmd == "show") {
    status = Show(args);
  } else if (cmd == "set") {
    status = Set(rest, /*append=*/false);
  } else if (cmd == "add") {
    status = Set(rest, /*append=*/true);
  } else if (cmd == "unset") {
    status = Unset(args);
  } else if (cmd == "plan") {
    status = PlanCommand(args);
  } else if (cmd == "dos") {
    status = Dos(args);
  } else if (cmd == "load") {
    status = Load(rest);
  } else if (cmd == "save") {
    status = Save(rest);
  } else if (cmd == "reset") {
    status = Reset();
  } else if (cmd == "eval") {
    status = Eval(args);
  } else if (cmd == "why") {
    status = Why(args);
  } else if (cmd == "guidelines") {
    status = Guidelines();
  } else if (cmd == "versions") {
    status = Versions(args);
  } else if (cmd == "criteria") {
    status = Criteria(args);
  } else if (cmd == "facts") {
    status = Facts(args);
  } else if (cmd == "plans") {
    status = Plans();
  } else if (cmd == "rules" || cmd == "reload") {
    status = Rules(args);
  } else {
    std::string message = "unknown command '" + cmd + "'";
    if (auto close = ClosestMatch(cmd, CommandNames())) message += "; did you mean '" + *close + "'?";
    else message += "; type `help` for the commands";
    status = Fail(message);
  }
  out_.flush();
  return status;
}

CommandStatus Session::Help(const Args& args) {
  if (!args.empty()) {
    for (const CommandHelp& c : kCommands) {
      if (args[0] == c.name) {
        out_ << c.usage << "\n  " << Wrap(c.text, 96, 2) << "\n";
        return CommandStatus::kOk;
      }
    }
    return Fail("no command '" + args[0] + "'; type `help` for the commands");
  }
  auto section = [&](const char* title, std::initializer_list<std::string_view> names) {
    out_ << title << "\n";
    for (std::string_view name : names) {
      for (const CommandHelp& c : kCommands) {
        if (name != c.name) continue;
        out_ << "  " << Pad(c.usage, 30) << Wrap(c.text, 68, 32) << "\n";
      }
    }
  };
  section("Building the case:", {"show", "set", "add", "unset", "plan", "dos", "load", "save", "reset"});
  section("Evaluating:", {"eval", "why"});
  section("Browsing the rules:", {"guidelines", "versions", "criteria", "facts", "plans", "rules"});
  section("Session:", {"help", "quit"});
  out_ << "Tab completes commands, fact names, case fields, criteria, guidelines and plans.\n";
  return CommandStatus::kOk;
}

CommandStatus Session::Rules(const Args& args) {
  std::string dir = args.empty() ? options_.rules_dir : args[0];
  if (!LoadRules(dir)) return Fail("kept the rules loaded before");
  const ir::Program& p = program();
  out_ << "loaded " << Plural(p.guidelines.size(), "guideline") << ", "
       << Plural(p.plans.size(), "plan") << " and " << Plural(p.facts.facts().size(), "fact")
       << "\n";
  return CommandStatus::kOk;
}

std::optional<std::vector<std::string>> Session::Complete(const std::string& line,
                                                          const std::string& word) const {
  std::vector<std::string> words = SplitWords(line);
  // The words before the one being completed.
  if (!word.empty() && !words.empty()) words.pop_back();
  std::vector<std::string> pool;
  if (words.empty()) {
    for (std::string_view name : CommandNames()) pool.emplace_back(name);
  } else {
    const std::string& cmd = words[0];
    const size_t position = words.size();  // 1 = first argument
    if (cmd == "load" || cmd == "save" || cmd == "rules") return std::nullopt;
    if ((cmd == "set" || cmd == "unset" || cmd == "add" || cmd == "show") && position == 1) {
      for (const auto& [key, info] : program().facts.facts()) pool.push_back(key);
      if (cmd != "show") {
        for (const std::string& f : EnvelopeFields()) pool.push_back(f);
      }
      FlattenPaths(doc_.doc(), "", pool);
    } else if (cmd == "set" && position >= 2) {
      std::string error;
      if (auto path = ResolveName(words[1], &error)) {
        const std::string key = path->back().key;
        const FactInfo* info = program().facts.Find(key);
        const bool list = info != nullptr && info->type == FactType::kEnumList;
        if (position > 2 && !list && key != "diagnoses" && key != "site_of_care_reasons") {
          // One value only.
        } else if (info != nullptr) {
          pool = info->vocabulary;
          if (info->type == FactType::kBool) pool = {"true", "false"};
        } else {
          for (const ir::EnumType& e : program().enums)
            if (e.name == key || e.name == "line." + key || e.name == "member." + key)
              pool = e.members;
          if (key == "urgent" || key == "emergency" || key == "revision" || key == "enrolled" ||
              key == "in_network" || key == "benefit_covers_service")
            pool = {"true", "false"};
        }
      }
    } else if (cmd == "add" && position == 2) {
      if (const FactInfo* info = program().facts.Find(words[1])) pool = info->vocabulary;
      if (words[1] == "site_of_care_reasons")
        for (const ir::EnumType& e : program().enums)
          if (e.name == "site_of_care_reasons") pool = e.members;
    } else if (cmd == "why") {
      if (position == 1) pool.push_back("not");
      if (position == 1 || (position == 2 && words[1] == "not")) {
        for (const std::string& name : CriterionNames()) pool.push_back(name);
      }
    } else if ((cmd == "versions" || cmd == "criteria") && position == 1) {
      for (const ir::Guideline& g : program().guidelines) pool.push_back(g.id);
    } else if (cmd == "plan" && position == 1) {
      for (const Plan& p : program().plans) pool.push_back(p.code);
    } else if (cmd == "dos" && position == 1) {
      pool.push_back("today");
    } else if (cmd == "facts" && position == 1) {
      for (const auto& [key, info] : program().facts.facts()) pool.push_back(key);
    } else if (cmd == "help" && position == 1) {
      for (std::string_view name : CommandNames()) pool.emplace_back(name);
    } else if (cmd == "eval" && position == 1) {
      pool = {"--json", "--trace"};
    }
  }
  std::set<std::string> unique;
  for (const std::string& candidate : pool)
    if (candidate.compare(0, word.size(), word) == 0) unique.insert(candidate);
  return std::vector<std::string>(unique.begin(), unique.end());
}

}  // namespace mskc::tool::repl
