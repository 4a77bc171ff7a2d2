// Target (b): bytes as one case JSON → case reader → Decide (shipped library, interpreter) →
// determination JSON, with and without traces. Whatever the bytes, the answer is a determination
// or a CaseError, never a crash, a hang or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "runtime/case/case_reader.h"
#include "runtime/determination/json_writer.h"
#include "runtime/rules/decide.h"
#include "tests/fuzz/fuzz_support.h"

using namespace mskc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const fuzz::ShippedRules& rules = fuzz::Shipped();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  cases::CaseResult read = cases::ReadCase(text, rules.ruleset->program().facts);
  if (auto* error = std::get_if<cases::CaseError>(&read)) {
    (void)cases::FormatCaseError(*error);
    return 0;
  }
  rules::DecideOptions options;
  // The last byte picks traces, so both paths of the writer are covered from one corpus.
  options.trace = size > 0 && (data[size - 1] & 1) != 0;
  options.sources = rules.sources.get();
  rules::DecideResult result = rules::Decide(*rules.ruleset, std::get<cases::Case>(read), options);
  if (auto* error = std::get_if<cases::CaseError>(&result)) {
    (void)cases::FormatCaseError(*error);
    return 0;
  }
  const auto& d = std::get<determination::Determination>(result);
  (void)determination::ToJson(d);
  (void)determination::ToJson(d, determination::JsonStyle{.pretty = false});
  return 0;
}
