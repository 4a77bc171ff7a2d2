// The case a REPL session edits: a JSON document in the case format (case-format.md), changed one
// field at a time by dotted paths (`member.birth_date`, `procedures[0].code`, `pain_score`).
// It is only read into a typed `cases::Case` when evaluated, so it may be invalid in between.
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "runtime/core/date.h"
#include "runtime/core/fact_dictionary.h"

namespace mskc::tool::repl {

// Keys keep the order they were written in, so `show` reads like the case file.
using Json = nlohmann::ordered_json;

// One step of a path: an object key or an array index.
struct PathStep {
  std::string key;              // empty for an index step
  std::optional<size_t> index;  // set for `[N]`
};

// `procedures[0].code` → {procedures}{[0]}{code}. nullopt (with `error` set) on bad syntax.
std::optional<std::vector<PathStep>> ParsePath(std::string_view text, std::string* error);
std::string FormatPath(const std::vector<PathStep>& path);

// The top-level fields of the case envelope, in case-format.md order.
const std::vector<std::string>& EnvelopeFields();

// The value typed after `set NAME`: JSON when it parses as JSON, else the text as a string,
// coerced to what the field holds (codes and dates stay strings, list fields take bare words,
// bool facts take yes/no). `key` is the last key of the path; `fact` the clinical fact, if any.
Json ParseValue(std::string_view text, std::string_view key, const FactInfo* fact);

// JSON text that never throws: invalid UTF-8 typed by a user becomes U+FFFD.
inline std::string Dump(const Json& j, int indent = -1) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

class CaseDocument {
 public:
  // An epidural request (62323, lumbar radiculopathy) for `today` by a typical adult member,
  // with no clinical facts yet.
  static Json DefaultCase(Date today);

  explicit CaseDocument(Json doc) : doc_(std::move(doc)) {}

  const Json& doc() const { return doc_; }
  void Replace(Json doc) { doc_ = std::move(doc); }

  // Sets the value at `path`, creating objects on the way; an index equal to the array's size
  // appends. Returns an error message on failure (the document is then unchanged).
  std::optional<std::string> Set(const std::vector<PathStep>& path, Json value);
  // Appends to the list at `path` (created when absent).
  std::optional<std::string> Append(const std::vector<PathStep>& path, Json value);
  // Removes the key or array element at `path`.
  std::optional<std::string> Unset(const std::vector<PathStep>& path);
  // The value at `path`, or nullptr.
  const Json* Get(const std::vector<PathStep>& path) const;

 private:
  Json doc_;
};

}  // namespace mskc::tool::repl
