// Reads guideline test files (docs/testing.md): YAML with a base case, tests that patch it, and
// the parts of the determination each test expects. Never throws and never crashes: a malformed
// file is a FileError with its line; a malformed test is kept with its `error` set, so the other
// tests of the file still run.
#pragma once
#include <string>
#include <string_view>
#include <variant>

#include "runtime/testing/test_file.h"

namespace mskc::testing {

using ReadResult = std::variant<TestFile, FileError>;

// Reads the file at `path`; `base:` paths are relative to its folder.
ReadResult ReadTestFile(const std::string& path);

// Parses test-file text; `path` names it in errors and `base_dir` resolves `base:` paths.
ReadResult ParseTestFile(std::string_view text, const std::string& path,
                         const std::string& base_dir);

}  // namespace mskc::testing
