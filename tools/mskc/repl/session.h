// One `mskc repl` session: the loaded rules, the case being built, and the commands that edit,
// evaluate and explain it. Reading lines and the terminal are the caller's (command_repl.cc);
// a Session only writes to the two streams it is given.
#pragma once
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "compiler/driver/ruleset.h"
#include "compiler/source/source_manager.h"
#include "runtime/case/case.h"
#include "runtime/case/case_reader.h"
#include "runtime/core/date.h"
#include "runtime/core/plan.h"
#include "tools/mskc/repl/case_document.h"

namespace mskc::tool::repl {

struct SessionOptions {
  std::string rules_dir;
  driver::Backend backend = driver::Backend::kInterpreter;
  Date today;
  bool color = false;  // ANSI colours (terminals only)
  size_t width = 0;    // terminal columns long texts are wrapped to; 0 = never wrapped
};

enum class CommandStatus : uint8_t { kOk, kError, kQuit };

class Session {
 public:
  Session(SessionOptions options, std::ostream& out, std::ostream& err);
  ~Session();

  // Compiles the rules folder; false (diagnostics printed) when it does not compile.
  bool LoadRules(const std::string& dir);
  // Runs one command line. Errors are printed as one `error: ...` line.
  CommandStatus Execute(std::string_view line);
  // Candidates for the word being typed (see Completer in line_reader.h).
  std::optional<std::vector<std::string>> Complete(const std::string& line,
                                                   const std::string& word) const;
  // One-line summary of the rules and the case, shown when a terminal session starts.
  std::string Banner() const;
  void set_width(size_t width) { options_.width = width; }

 private:
  using Args = std::vector<std::string>;

  // session.cc
  CommandStatus Help(const Args& args);
  CommandStatus Rules(const Args& args);
  CommandStatus Fail(const std::string& message);
  std::string Paint(std::string_view text, int color) const;  // ANSI colour code, e.g. 32
  // `text` printed at `column`: wrapped to the terminal's width, continuing at that column.
  std::string Fit(std::string_view text, size_t column) const;

  // session_case.cc: building the case.
  CommandStatus Set(std::string_view rest, bool append);
  CommandStatus Unset(const Args& args);
  CommandStatus Show(const Args& args);
  CommandStatus Load(std::string_view rest);
  CommandStatus Save(std::string_view rest);
  CommandStatus Reset();
  CommandStatus PlanCommand(const Args& args);
  CommandStatus Dos(const Args& args);
  // A `set NAME` name as a document path: envelope fields as written, anything else a fact.
  std::optional<std::vector<PathStep>> ResolveName(std::string_view name, std::string* error) const;
  // Prints which guideline version applies to each line (after `plan` / `dos`).
  void PrintScope();

  // session_eval.cc: evaluating and explaining.
  CommandStatus Eval(const Args& args);
  CommandStatus Why(const Args& args);
  // The current case read with the loaded rules' facts, or why it cannot be.
  std::variant<cases::Case, cases::CaseError> ReadCase() const;
  // Why the current case cannot be evaluated (bad input or an unknown plan), if it cannot.
  std::optional<cases::CaseError> Validate() const;

  // session_browse.cc: what the rules hold.
  CommandStatus Guidelines();
  CommandStatus Versions(const Args& args);
  CommandStatus Criteria(const Args& args);
  CommandStatus Facts(const Args& args);
  CommandStatus Plans();
  // The plan and effective date of service the document names (best effort when invalid).
  const Plan* CurrentPlan() const;
  std::optional<Date> CurrentDos() const;
  std::vector<std::string> CriterionNames() const;

  const ir::Program& program() const { return ruleset_->program(); }

  SessionOptions options_;
  std::ostream& out_;
  std::ostream& err_;
  std::unique_ptr<source::SourceManager> sources_;
  std::unique_ptr<driver::Ruleset> ruleset_;
  CaseDocument doc_;
};

}  // namespace mskc::tool::repl
