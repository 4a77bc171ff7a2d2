// Internal to the case reader: typed access to simdjson DOM values with JSON paths and
// "expected X, found Y" errors. The first error wins; every step returns false once it failed.
#pragma once
#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "runtime/case/case_reader.h"
#include "runtime/core/date.h"

namespace mskc::cases::internal {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

// A JSON path as a chain of stack frames, rendered only when an error needs it.
struct Path {
  const Path* parent = nullptr;
  std::string_view key;
  int64_t index = -1;

  Path Field(std::string_view k) const { return Path{this, k, -1}; }
  Path Item(size_t i) const { return Path{this, {}, static_cast<int64_t>(i)}; }
  std::string Render() const;
};

// `"text"` as JSON, shortened when long; for "found ..." parts of messages.
std::string Quote(std::string_view text);
// Shortest text that reads back as `v` (`10.5`, `-0.1`, `10`).
std::string FormatNumber(double v);
// The value as it appeared (`12`, `"abc"`, `true`, `null`) or its kind (`a list`, `an object`).
std::string Describe(const element& e);

// The field `key` of `obj` when present and not null (`null` means absent).
bool Lookup(const object& obj, std::string_view key, element* out);

class Checker {
 public:
  bool Fail(const Path& path, std::string message);
  bool Missing(const Path& path) { return Fail(path, "missing required field"); }
  bool Expected(const Path& path, std::string_view what, const element& found);

  // Reads `obj[key]` as required: a missing or null field fails.
  bool Require(const object& obj, std::string_view key, const Path& obj_path, element* out);

  bool Object(const element& e, const Path& path, object* out);
  bool Array(const element& e, const Path& path, array* out);
  bool String(const element& e, const Path& path, std::string* out);
  bool StringView(const element& e, const Path& path, std::string_view* out);
  bool Bool(const element& e, const Path& path, bool* out);
  bool Number(const element& e, const Path& path, std::optional<double> min,
              std::optional<double> max, double* out);
  bool WholeNumber(const element& e, const Path& path, int64_t min, int64_t max, int64_t* out);
  bool DateValue(const element& e, const Path& path, Date* out);
  // A string out of `names`; returns its index.
  bool OneOf(const element& e, const Path& path, std::span<const std::string_view> names,
             size_t* index);

  template <typename E>
  bool Enum(const element& e, const Path& path, E* out) {
    size_t i = 0;
    if (!OneOf(e, path, Names(E{}), &i)) return false;
    *out = static_cast<E>(i);
    return true;
  }

  const std::optional<CaseError>& error() const { return error_; }

 private:
  std::optional<CaseError> error_;
};

// Shapes (case-format.md "Required fields"): `62323`, `G0260`; `M54.16`, `M54`.
bool IsProcedureCode(std::string_view code);
bool IsDiagnosisCode(std::string_view code);
// Two-letter postal codes of the states, DC and the territories (upper case).
bool IsUsStateCode(std::string_view code);

}  // namespace mskc::cases::internal
