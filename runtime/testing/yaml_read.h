// Internal to runtime/testing: reading typed values out of yaml-cpp nodes. A malformed value
// throws ReadError, which the file reader catches (per test, or for the whole file), so no
// exception leaves the library.
#pragma once
#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/testing/case_patch.h"

namespace mskc::testing::internal {

struct ReadError {
  int line = 0;  // 1-based; 0 = unknown
  int column = 0;
  std::string message;
};

[[noreturn]] void Fail(const YAML::Node& at, std::string message);
int LineOf(const YAML::Node& node);
int ColumnOf(const YAML::Node& node);

// A description of a node's shape for "expected X, found Y": "a list", "`abc`" ...
std::string Found(const YAML::Node& node);

// A plain scalar's JSON value under the YAML 1.2 core schema (null, true/false, integers,
// decimals); quoted scalars and everything else are strings.
Json ScalarToJson(const YAML::Node& node);
// Maps, lists and scalars, recursively; duplicate map keys and values of more than 100000 items
// (aliases expanded) are errors.
Json ToJson(const YAML::Node& node);

std::string ReadString(const YAML::Node& node, std::string_view what);
int ReadPositiveInt(const YAML::Node& node, std::string_view what);
std::vector<std::string> ReadStringList(const YAML::Node& node, std::string_view what);
// `name` must be one of `allowed` (with a did-you-mean); returns it.
std::string ReadChoice(const YAML::Node& node, std::string_view what,
                       const std::vector<std::string>& allowed);
// A `YYYY-MM-DD` date, or null (`~`, `null`) for "absent" (returned as kAbsent).
std::string ReadDateOrAbsent(const YAML::Node& node, std::string_view what);

// Every key of map `node` must be in `allowed`; the first other one fails (with did-you-mean).
// Also fails on a duplicate key.
void CheckKeys(const YAML::Node& node, std::string_view what,
               std::initializer_list<std::string_view> allowed);

// `node` must be a map; `what` names it as written in messages ("`set`", "a test").
void RequireMap(const YAML::Node& node, std::string_view what);

}  // namespace mskc::testing::internal
