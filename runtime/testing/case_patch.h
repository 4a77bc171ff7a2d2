// Patching a case JSON by dotted paths (`clinical.pain_score`, `procedures[0].code`): how a test
// states "the base case, with these facts changed or removed". Never throws.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mskc::testing {

using Json = nlohmann::ordered_json;

// One step of a path: an object key, or a list index.
struct PathStep {
  bool is_index = false;
  std::string key;
  size_t index = 0;
};

// `a.b[2].c` → [a, b, [2], c]. Errors (an empty key, `[x]`, an unclosed bracket) come back as
// one lowercase sentence.
std::variant<std::vector<PathStep>, std::string> ParsePath(std::string_view path);

// Sets the value at `path`, creating missing objects on the way (and a list for `[0]`); an index
// equal to a list's length appends. Returns an error message, or nullopt when done.
std::optional<std::string> SetPath(Json& doc, std::string_view path, Json value);

// Removes the key or list element at `path` (later elements move up). Removing something that
// is not there is an error: it is most likely a misspelled path.
std::optional<std::string> UnsetPath(Json& doc, std::string_view path);

// A short name of a JSON value's kind for messages: "a number", "an object" ...
std::string_view KindName(const Json& value);

}  // namespace mskc::testing
