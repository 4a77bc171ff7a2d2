// Finds guideline test files (`*.test.yaml`) under files and folders, in a stable order.
#pragma once
#include <string>
#include <vector>

namespace mskc::testing {

inline constexpr char kTestFileSuffix[] = ".test.yaml";

struct Discovered {
  std::vector<std::string> files;   // sorted, without duplicates
  std::vector<std::string> errors;  // "`PATH`: no such file or folder" ...
};

// A file path is taken as is (whatever its name); a folder is searched recursively for
// `*.test.yaml`. Never throws.
Discovered DiscoverTestFiles(const std::vector<std::string>& paths);

}  // namespace mskc::testing
