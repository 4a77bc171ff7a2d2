// `mskc eval CASE.json|-`: one determination as JSON on stdout; a bad case is exit 2 with
// `error: <json path>: <message>` on stderr.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <variant>

#include "runtime/case/case_reader.h"
#include "runtime/determination/json_writer.h"
#include "runtime/rules/decide.h"
#include "tools/mskc/commands.h"
#include "tools/mskc/read_input.h"

namespace mskc::tool {

ExitCode RunEval(const EvalOptions& options) {
  std::string text;
  if (std::string problem = ReadInput(options.case_path, text); !problem.empty()) {
    std::cerr << "error: " << problem << "\n";
    return ExitCode::kUsage;
  }
  LoadedRules rules = LoadRules(options.rules_dir, options.backend);
  if (!rules.ruleset) return ExitCode::kUsage;

  cases::CaseResult read = cases::ReadCase(text, rules.ruleset->program().facts);
  if (auto* error = std::get_if<cases::CaseError>(&read)) {
    std::cerr << "error: " << cases::FormatCaseError(*error) << "\n";
    return ExitCode::kUsage;
  }
  rules::DecideOptions decide;
  decide.trace = options.trace;
  decide.sources = rules.sources.get();
  rules::DecideResult result = rules::Decide(*rules.ruleset, std::get<cases::Case>(read), decide);
  if (auto* error = std::get_if<cases::CaseError>(&result)) {
    std::cerr << "error: " << cases::FormatCaseError(*error) << "\n";
    return ExitCode::kUsage;
  }
  std::cout << determination::ToJson(std::get<determination::Determination>(result)) << "\n";
  std::cout.flush();
  return ExitCode::kOk;
}

}  // namespace mskc::tool
