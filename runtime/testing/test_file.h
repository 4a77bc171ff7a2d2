// A guideline test file (docs/testing.md) as typed data: each test is a case (a base case plus
// the facts that differ) and the parts of the determination it expects. Expected values are kept
// in their output spelling ("approved", "2021-03-12", "met"), checked when the file is read.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mskc::testing {

// The spelling of an absent date or guideline in expectations and mismatch messages.
inline constexpr char kAbsent[] = "null";

// Expected parts of one determination line; unset parts are not checked.
struct LineExpectation {
  std::optional<std::string> code;
  std::optional<std::string> outcome;
  std::optional<std::string> guideline;  // guideline id, or kAbsent (no guideline applied)
  std::optional<std::string> version;    // version label, e.g. "2020-08-16"
  // (criterion id, met | unmet | unknown | absent), in file order; only the listed ones are
  // checked unless `others` is set, which every criterion not listed must have.
  std::vector<std::pair<std::string, std::string>> criteria;
  std::optional<std::string> others;
  std::optional<std::vector<std::string>> unmet;      // compared as sets
  std::optional<std::vector<std::string>> missing;    // compared as sets
  std::optional<std::string> valid_from, expires_on;  // date or kAbsent
};

struct NoteExpectation {
  std::string kind;                     // education | recommendation | notice
  std::optional<int> line;              // when given, the note's line must equal it
  std::optional<std::string> contains;  // a substring of the text
};

struct Expectation {
  std::optional<std::string> outcome, status, review;
  std::optional<std::vector<std::string>> reason_codes;  // compared as sets
  std::optional<std::string> valid_from, expires_on;     // date or kAbsent
  std::optional<std::vector<NoteExpectation>> notes;     // in order, exact count
  std::optional<std::vector<std::string>> warnings;      // substrings, in order, exact count
  // The case must be refused (bad input) with this JSON path ("" = the document itself).
  std::optional<std::string> error_path;
  std::map<int, LineExpectation> lines;  // 1-based line number → its expected parts
};

struct TestCase {
  std::string name;
  int line = 0;           // 1-based line of the test in its file
  std::string case_json;  // the base case with this test's patches applied
  Expectation expect;
  // Non-empty when the test itself is malformed (bad patch path, unknown outcome name ...); the
  // test then fails with this message and is not evaluated. `error_line` locates it.
  std::string error;
  int error_line = 0;
};

struct TestFile {
  std::string path;
  std::string guideline;  // informative `guideline:` field; may be empty
  int guideline_line = 0;
  std::vector<TestCase> tests;
};

// Why a whole file could not be read (unreadable, not YAML, wrong top-level shape, bad base).
struct FileError {
  std::string path;
  int line = 0;  // 1-based; 0 when not tied to a line
  int column = 0;
  std::string message;
};

}  // namespace mskc::testing
