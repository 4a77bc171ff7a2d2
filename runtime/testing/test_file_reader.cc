#include "runtime/testing/test_file_reader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>

#include "runtime/testing/case_patch.h"
#include "runtime/testing/expectation_reader.h"
#include "runtime/testing/yaml_read.h"

namespace mskc::testing {
namespace {

namespace fs = std::filesystem;
using internal::Fail;
using internal::ReadError;

// yaml-cpp reports nesting beyond its depth limit (500) as "bad file".
std::string YamlMessage(const YAML::Exception& e) {
  return e.msg == "bad file" ? "the YAML is nested too deeply" : e.msg;
}

// Cases are a few levels deep; a deeper base is refused before it is parsed, so that copying
// and printing it (both recursive) stay bounded.
constexpr int kMaxBaseDepth = 64;
constexpr size_t kMaxTests = 100000;
constexpr int kMaxGroupDepth = 32;

int NestingDepth(std::string_view json) {
  int depth = 0, max_depth = 0;
  bool in_string = false, escaped = false;
  for (char c : json) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '{' || c == '[')
      max_depth = std::max(max_depth, ++depth);
    else if (c == '}' || c == ']')
      --depth;
  }
  return max_depth;
}

bool ReadText(const std::string& path, std::string& text) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

// A case as JSON: `base: FILE` (relative to `base_dir`) or an inline `base_case:` map.
Json ReadBase(const YAML::Node& owner, const std::string& base_dir) {
  const YAML::Node base = owner["base"];
  const YAML::Node inline_case = owner["base_case"];
  if (base && inline_case) Fail(base, "give either `base` or `base_case`, not both");
  if (inline_case) {
    internal::RequireMap(inline_case, "`base_case`");
    return internal::ToJson(inline_case);
  }
  std::string name = internal::ReadString(base, "base");
  fs::path file = fs::path(name).is_absolute() ? fs::path(name) : fs::path(base_dir) / name;
  std::string text;
  if (!ReadText(file.string(), text)) Fail(base, "cannot read the base case `" + name + "`");
  if (NestingDepth(text) > kMaxBaseDepth)
    Fail(base, "the base case `" + name + "` is nested too deeply");
  Json doc;
  try {
    doc = Json::parse(text);
  } catch (const Json::exception& e) {
    std::string reason = e.what();
    // nlohmann's text starts with "[json.exception.parse_error.101] parse error at ...".
    if (size_t close = reason.find("] "); close != std::string::npos)
      reason = reason.substr(close + 2);
    Fail(base, "the base case `" + name + "` is not valid JSON: " + reason);
  }
  if (!doc.is_object()) Fail(base, "the base case `" + name + "` is not a JSON object");
  return doc;
}

void ApplyPatches(const YAML::Node& test, Json& doc) {
  if (const YAML::Node unset = test["unset"]) {
    if (!unset.IsSequence())
      Fail(unset, "`unset`: expected a list of paths, found " + internal::Found(unset));
    for (const auto& item : unset) {
      std::string path = internal::ReadString(item, "unset");
      if (auto error = UnsetPath(doc, path)) Fail(item, *error);
    }
  }
  if (const YAML::Node set = test["set"]) {
    internal::RequireMap(set, "`set`");
    std::set<std::string> seen;
    for (auto it = set.begin(); it != set.end(); ++it) {
      std::string path = internal::ReadString(it->first, "set");
      if (!seen.insert(path).second) Fail(it->first, "duplicate path `" + path + "` in `set`");
      if (auto error = SetPath(doc, path, internal::ToJson(it->second))) Fail(it->first, *error);
    }
  }
}

// The case a test or group starts from: its own `base`/`base_case`, else the enclosing one.
Json StartingCase(const YAML::Node& node, const Json* outer, const std::string& base_dir) {
  if (node["base"] || node["base_case"]) return ReadBase(node, base_dir);
  if (outer == nullptr)
    Fail(node, "no base case: give `base` or `base_case` in the file or in the test");
  return *outer;
}

TestCase ReadTest(const YAML::Node& node, const Json* outer, const std::string& base_dir,
                  const std::string& prefix, int default_line) {
  TestCase test;
  test.line = internal::LineOf(node);
  test.name = prefix + "test at line " + std::to_string(test.line);
  try {
    internal::CheckKeys(node, "a test",
                        {"name", "line", "base", "base_case", "set", "unset", "expect"});
    if (!node["name"]) Fail(node, "a test needs a `name`");
    test.name = prefix + internal::ReadString(node["name"], "name");
    int line = node["line"] ? internal::ReadPositiveInt(node["line"], "line") : default_line;
    Json doc = StartingCase(node, outer, base_dir);
    ApplyPatches(node, doc);
    test.case_json = doc.dump();
    if (!node["expect"]) Fail(node, "a test needs an `expect`");
    test.expect = internal::ReadExpectation(node["expect"], line);
  } catch (const ReadError& e) {
    test.error = e.message;
    test.error_line = e.line != 0 ? e.line : test.line;
  } catch (const YAML::Exception& e) {
    test.error = YamlMessage(e);
    test.error_line = e.mark.line >= 0 ? e.mark.line + 1 : test.line;
  }
  return test;
}

// A list of tests and groups. A group (`group: NAME` with `tests:`) patches the enclosing case
// for every test inside it; its name prefixes theirs. A malformed group is one failing test.
void ReadTests(const YAML::Node& list, const Json* outer, const std::string& base_dir,
               const std::string& prefix, int default_line, int depth, std::vector<TestCase>& out) {
  // An aliased list inside itself would recurse forever.
  if (depth > kMaxGroupDepth) Fail(list, "groups are nested too deeply");
  if (!list.IsSequence() || list.size() == 0)
    Fail(list, "`tests`: expected a list of tests, found " + internal::Found(list));
  for (const auto& node : list) {
    // Aliased groups can multiply tests exponentially; no real file comes near this.
    if (out.size() >= kMaxTests) Fail(node, "too many tests (more than 100000, aliases expanded)");
    if (!node.IsMap() || !node["group"]) {
      out.push_back(ReadTest(node, outer, base_dir, prefix, default_line));
      continue;
    }
    std::string name = prefix + "group at line " + std::to_string(internal::LineOf(node));
    try {
      internal::CheckKeys(node, "a group",
                          {"group", "line", "base", "base_case", "set", "unset", "tests"});
      name = prefix + internal::ReadString(node["group"], "group");
      int line = node["line"] ? internal::ReadPositiveInt(node["line"], "line") : default_line;
      Json doc = StartingCase(node, outer, base_dir);
      ApplyPatches(node, doc);
      if (!node["tests"]) Fail(node, "a group needs `tests`");
      ReadTests(node["tests"], &doc, base_dir, name + ": ", line, depth + 1, out);
    } catch (const ReadError& e) {
      TestCase bad;
      bad.name = name;
      bad.line = internal::LineOf(node);
      bad.error = e.message;
      bad.error_line = e.line != 0 ? e.line : bad.line;
      out.push_back(std::move(bad));
    }
  }
}

}  // namespace

ReadResult ParseTestFile(std::string_view text, const std::string& path,
                         const std::string& base_dir) {
  FileError error{path, 0, 0, ""};
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (!root.IsMap()) {
      error.line = 1;
      error.message = "expected a map with `tests`, found " + internal::Found(root);
      return error;
    }
    internal::CheckKeys(root, "the test file",
                        {"guideline", "base", "base_case", "set", "unset", "tests"});
    TestFile file;
    file.path = path;
    if (root["guideline"]) {
      file.guideline = internal::ReadString(root["guideline"], "guideline");
      file.guideline_line = internal::LineOf(root["guideline"]);
    }
    std::optional<Json> base;
    if (root["base"] || root["base_case"]) base = ReadBase(root, base_dir);
    if (!base && (root["set"] || root["unset"]))
      Fail(root, "`set` and `unset` at the top need a `base` or `base_case`");
    if (base) ApplyPatches(root, *base);
    const YAML::Node tests = root["tests"];
    if (!tests) Fail(root, "the file has no `tests`");
    ReadTests(tests, base ? &*base : nullptr, base_dir, "", 1, 0, file.tests);
    return file;
  } catch (const ReadError& e) {
    error.line = e.line;
    error.column = e.column;
    error.message = e.message;
  } catch (const YAML::Exception& e) {
    error.line = e.mark.line >= 0 ? e.mark.line + 1 : 0;
    error.column = e.mark.column >= 0 ? e.mark.column + 1 : 0;
    error.message = YamlMessage(e);
  } catch (const std::exception& e) {
    error.message = e.what();
  }
  return error;
}

ReadResult ReadTestFile(const std::string& path) {
  std::string text;
  if (!ReadText(path, text)) return FileError{path, 0, 0, "cannot read the file"};
  return ParseTestFile(text, path, fs::path(path).parent_path().string());
}

}  // namespace mskc::testing
