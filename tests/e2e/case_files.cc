#include "tests/e2e/case_files.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace mskc::e2e {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kCaseSuffix = ".case.json";
constexpr std::string_view kExpectedSuffix = ".expected.json";

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// `epidural/age-day before` → `epidural_age_day_before`: gtest names allow [A-Za-z0-9_] only.
std::string TestName(const std::string& relative_stem) {
  std::string name;
  for (char c : relative_stem) {
    bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    name += word ? c : '_';
  }
  return name;
}

}  // namespace

std::string SourceDir() {
  if (const char* env = std::getenv("MSKC_SOURCE_DIR"); env != nullptr && *env != '\0') return env;
  return MSKC_E2E_SOURCE_DIR;
}

std::vector<CaseFile> DiscoverCases(const std::string& cases_dir) {
  std::vector<CaseFile> found;
  std::error_code ec;
  if (!fs::is_directory(cases_dir, ec)) return found;
  for (auto it = fs::recursive_directory_iterator(cases_dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string path = it->path().string();
    if (!EndsWith(path, kCaseSuffix)) continue;
    std::string stem = path.substr(0, path.size() - kCaseSuffix.size());
    std::string expected = stem + std::string(kExpectedSuffix);
    if (!fs::is_regular_file(expected, ec)) continue;
    std::string relative = fs::relative(stem, cases_dir, ec).generic_string();
    found.push_back({TestName(relative), relative, path, expected});
  }
  std::sort(found.begin(), found.end(),
            [](const CaseFile& a, const CaseFile& b) { return a.name < b.name; });
  return found;
}

bool ReadFile(const std::string& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

}  // namespace mskc::e2e
