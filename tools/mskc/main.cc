// mskc: the command line (cli.md). Parses arguments with CLI11 and hands each subcommand its
// typed options; every path out of here is an exit code from exit_code.h.
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>
#include <string>

#include "runtime/store/case_views.h"
#include "tools/mskc/command_case.h"
#include "tools/mskc/commands.h"

namespace mskc::tool {
namespace {

void AddBackendOption(CLI::App& cmd, std::string& backend) {
  cmd.add_option("--backend", backend, "evaluation backend: jit or interp")
      ->check(CLI::IsMember({"jit", "interp"}));
}

driver::Backend ToBackend(const std::string& name) {
  return name == "interp" ? driver::Backend::kInterpreter : driver::Backend::kJit;
}

int Main(int argc, char** argv) {
  CLI::App app{"mskc: compile clinical prior-authorization guidelines and evaluate cases"};
  app.require_subcommand(1);
  std::string default_rules = driver::DefaultRulesDir();

  CheckOptions check;
  check.rules_dir = default_rules;
  CLI::App* check_cmd = app.add_subcommand("check", "parse and type-check guideline files");
  check_cmd->add_option("paths", check.paths, "guideline files or folders (default: the rules)");
  check_cmd->add_option("--rules", check.rules_dir, "rules folder checked when no PATH is given");

  EvalOptions eval;
  eval.rules_dir = default_rules;
  std::string eval_backend = "jit";
  CLI::App* eval_cmd = app.add_subcommand("eval", "evaluate one case (JSON file or - for stdin)");
  eval_cmd->add_option("--rules", eval.rules_dir, "rules folder: guidelines and plans");
  eval_cmd->add_flag("--trace", eval.trace, "show the facts and expression behind each criterion");
  AddBackendOption(*eval_cmd, eval_backend);
  eval_cmd->add_option("case", eval.case_path, "case JSON file, or - for stdin")->required();

  BatchOptions batch;
  batch.rules_dir = default_rules;
  std::string batch_backend = "jit";
  CLI::App* batch_cmd = app.add_subcommand("batch", "evaluate NDJSON cases from stdin");
  batch_cmd->add_option("--rules", batch.rules_dir, "rules folder: guidelines and plans");
  batch_cmd->add_option("--threads", batch.threads, "worker threads")
      ->check(CLI::Range(1, 1024));
  batch_cmd->add_flag("--trace", batch.trace, "show the facts and expression behind each criterion");
  AddBackendOption(*batch_cmd, batch_backend);

  TestOptions test;
  test.rules_dir = default_rules;
  std::string test_backend;
  double coverage_min = 0;
  CLI::App* test_cmd = app.add_subcommand("test", "run guideline test files (*.test.yaml)");
  test_cmd->add_option("paths", test.paths, "test files or folders (default: the rules folder)");
  test_cmd->add_option("--rules", test.rules_dir, "rules folder: guidelines and plans");
  test_cmd->add_option("--backend", test_backend,
                       "run only this backend (default: both, which must agree)")
      ->check(CLI::IsMember({"jit", "interp"}));
  test_cmd->add_flag("-v,--verbose", test.verbose, "list passing tests too");
  test_cmd->add_flag("--trace", test.trace, "show the criterion trace of failing tests");
  test_cmd->add_flag("--coverage", test.coverage, "print criterion-outcome coverage");
  CLI::Option* min_option =
      test_cmd->add_option("--coverage-min", coverage_min, "fail below this coverage percentage")
          ->check(CLI::Range(0.0, 100.0));
  test_cmd->add_option("--coverage-scope", test.coverage_scope,
                       "all: every guideline version; tested: guidelines some test reached "
                       "(default: all without PATHs, tested with PATHs)")
      ->check(CLI::IsMember({"all", "tested"}));
  ReplOptions repl;
  repl.rules_dir = default_rules;
  std::string repl_backend = "interp";
  CLI::App* repl_cmd = app.add_subcommand("repl", "interactive evaluation: build a case, eval, why");
  repl_cmd->add_option("--rules", repl.rules_dir, "rules folder: guidelines and plans");
  AddBackendOption(*repl_cmd, repl_backend);
  repl_cmd->add_option("--today", repl.today, "the default case's date (YYYY-MM-DD; default: today)");

  RequirementsOptions requirements;
  requirements.rules_dir = default_rules;
  CLI::App* requirements_cmd = app.add_subcommand(
      "requirements", "what a request for a procedure code needs: criteria and the facts they read");
  requirements_cmd->add_option("code", requirements.code, "procedure code (CPT/HCPCS)")->required();
  requirements_cmd->add_option("--plan", requirements.plan, "health plan (default: DEFAULT)");
  requirements_cmd->add_option("--dos", requirements.dos, "date of service (default: today)");
  requirements_cmd->add_flag("--json", requirements.json, "JSON for portals");
  requirements_cmd->add_option("--rules", requirements.rules_dir, "rules folder: guidelines and plans");

  ImpactOptions impact;
  std::string impact_backend = "jit";
  CLI::App* impact_cmd =
      app.add_subcommand("impact", "which determinations of a corpus change between two rule sets");
  impact_cmd->add_option("--old", impact.old_rules, "rules folder before the change")->required();
  impact_cmd->add_option("--new", impact.new_rules, "rules folder after the change")->required();
  impact_cmd->add_option("cases", impact.cases_path, "NDJSON cases, or - for stdin")->required();
  impact_cmd->add_option("--examples", impact.examples, "case ids shown per kind of change")
      ->check(CLI::Range(0, 1000));
  impact_cmd->add_flag("--json", impact.json, "JSON report");
  AddBackendOption(*impact_cmd, impact_backend);
  CaseCommand case_cmd(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help
      app.exit(e);
      return ToInt(ExitCode::kOk);
    }
    std::string message = e.what();
    bool is_case = argc > 1 && std::string(argv[1]) == "case";
    if (message.find("subcommand is required") != std::string::npos)
      message = is_case ? "expected a case command: submit, show, review, p2p, update, cancel, "
                          "void, reconsider, change-dos, list, tick or history"
                        : "expected a command: check, eval, batch, test, repl, requirements, "
                          "impact or case";
    // `mskc case` always answers with JSON on stdout, usage mistakes included.
    if (is_case) std::cout << store::ErrorJson(message) << "\n";
    std::cerr << "error: " << message << "\nRun `mskc " << (is_case ? "case " : "")
              << "--help` for more information.\n";
    return ToInt(ExitCode::kUsage);
  }

  if (check_cmd->parsed()) return ToInt(RunCheck(check));
  if (eval_cmd->parsed()) {
    eval.backend = ToBackend(eval_backend);
    return ToInt(RunEval(eval));
  }
  if (batch_cmd->parsed()) {
    batch.backend = ToBackend(batch_backend);
    return ToInt(RunBatch(batch));
  }
  if (test_cmd->parsed()) {
    test.backend = test_backend;
    if (min_option->count() > 0) test.coverage_min = coverage_min;
    return ToInt(RunTest(test));
  }
  if (repl_cmd->parsed()) {
    repl.backend = ToBackend(repl_backend);
    return ToInt(RunRepl(repl));
  }
  if (requirements_cmd->parsed()) return ToInt(RunRequirements(requirements));
  if (impact_cmd->parsed()) {
    impact.backend = ToBackend(impact_backend);
    return ToInt(RunImpact(impact));
  }
  if (case_cmd.parsed()) return ToInt(case_cmd.Run());
  return ToInt(ExitCode::kUsage);
}

}  // namespace
}  // namespace mskc::tool

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // Untied: reading stdin must not flush stdout, which batch's writer thread owns.
  std::cin.tie(nullptr);
  try {
    return mskc::tool::Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return mskc::tool::ToInt(mskc::tool::ExitCode::kUsage);
  }
}
