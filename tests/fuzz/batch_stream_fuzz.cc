// Target (c): bytes as an NDJSON batch stream, split into lines exactly as `mskc batch` does
// (tools/mskc/command_batch.cc: blank lines skipped, a trailing CR dropped), every line read by
// one reused CaseReader (its parser buffers carry over from line to line, as in a worker) and
// decided; each line yields a determination or a batch error line.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <sstream>
#include <string>
#include <variant>

#include "runtime/case/case_reader.h"
#include "runtime/determination/json_writer.h"
#include "runtime/rules/decide.h"
#include "tests/fuzz/fuzz_support.h"

using namespace mskc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const fuzz::ShippedRules& rules = fuzz::Shipped();
  cases::CaseReader reader(rules.ruleset->program().facts);
  rules::DecideOptions options;
  options.sources = rules.sources.get();
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::string line;
  long line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    // The batch command catches std::exception per line (out of memory and the like); do the
    // same so that only crashes, not reported internal errors, stop the fuzzer.
    try {
      cases::CaseResult read = reader.Read(line);
      if (auto* error = std::get_if<cases::CaseError>(&read)) {
        (void)determination::BatchErrorJson(line_number, cases::FormatCaseError(*error));
        continue;
      }
      rules::DecideResult result = rules::Decide(*rules.ruleset, std::get<cases::Case>(read), options);
      if (auto* error = std::get_if<cases::CaseError>(&result)) {
        (void)determination::BatchErrorJson(line_number, cases::FormatCaseError(*error));
        continue;
      }
      (void)determination::ToJson(std::get<determination::Determination>(result),
                                  determination::JsonStyle{.pretty = false});
    } catch (const std::exception& e) {
      (void)determination::BatchErrorJson(line_number, std::string("internal error: ") + e.what());
    }
  }
  return 0;
}
