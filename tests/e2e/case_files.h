// Finds the end-to-end cases: every `cases/**/NAME.case.json` with a `NAME.expected.json` beside
// it, under the source tree named by MSKC_SOURCE_DIR (set by mskc_gtest) or, when that is unset
// (test discovery at build time), the source tree this binary was configured from.
#pragma once
#include <string>
#include <vector>

namespace mskc::e2e {

struct CaseFile {
  std::string name;           // gtest-safe: `epidural_age_day_before_18th_birthday`
  std::string relative;       // `epidural/age_day_before_18th_birthday`
  std::string case_path;      // absolute
  std::string expected_path;  // absolute
};

std::string SourceDir();
// Sorted by name; empty when the folder is missing.
std::vector<CaseFile> DiscoverCases(const std::string& cases_dir);
// Reads the whole file into `text`; false when it cannot be read.
bool ReadFile(const std::string& path, std::string& text);

}  // namespace mskc::e2e
