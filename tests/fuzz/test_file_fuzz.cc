// Target (d): bytes as a guideline test file (YAML, docs/testing.md) → test-file reader. The
// reader promises never to throw or crash: a malformed file is a FileError, a malformed test a
// test with `error` set. The first few well-formed tests' patched cases are then read and decided
// as `mskc test` would (shipped library, interpreter).
// `base:` paths resolve against a per-process temporary folder holding one valid `case.json`;
// every `/` and `..` of the input is replaced by `_` first, so no input can make the reader open
// a file outside that folder.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/case/case_reader.h"
#include "runtime/determination/json_writer.h"
#include "runtime/rules/decide.h"
#include "runtime/testing/test_file_reader.h"
#include "tests/fuzz/fuzz_support.h"

using namespace mskc;

namespace {

// A file inside the temporary folder that `base: case.json` finds: a small valid case, so the
// fuzzer gets past the base and into the tests.
const fuzz::ProcessTempDir& BaseDir() {
  static const fuzz::ProcessTempDir dir = [] {
    fuzz::ProcessTempDir d;
    FILE* f = fopen((d.path() + "/case.json").c_str(), "w");
    if (f != nullptr) {
      fputs(R"({"case_id":"F-1","submitted_on":"2021-03-01","date_of_service":"2021-03-01",)"
            R"("member":{"id":"M1","birth_date":"1970-01-01","plan":"DEFAULT"},)"
            R"("procedures":[{"code":"62323"}],"clinical":{}})",
            f);
      fclose(f);
    }
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  // Keep reads inside the temporary folder: no absolute and no parent-relative base paths.
  for (std::string needle : {"/", ".."})
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at))
      text[at] = '_';
  testing::ReadResult result = testing::ParseTestFile(text, "fuzz.test.yaml", BaseDir().path());
  auto* file = std::get_if<testing::TestFile>(&result);
  if (file == nullptr) return 0;
  const fuzz::ShippedRules& rules = fuzz::Shipped();
  constexpr size_t kDecidedTests = 4;  // bounds the time per input; the reader is the target
  size_t decided = 0;
  for (const testing::TestCase& test : file->tests) {
    if (!test.error.empty() || decided++ == kDecidedTests) continue;
    cases::CaseResult read = cases::ReadCase(test.case_json, rules.ruleset->program().facts);
    if (auto* c = std::get_if<cases::Case>(&read)) {
      rules::DecideResult r = rules::Decide(*rules.ruleset, *c);
      if (auto* d = std::get_if<determination::Determination>(&r)) (void)determination::ToJson(*d);
    }
  }
  return 0;
}
