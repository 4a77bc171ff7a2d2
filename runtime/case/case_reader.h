// Reads one case (case-format.md) from JSON into a typed `Case`, validating it once at the edge:
// required fields, types, enumerations, code shapes, ranges and dates. Clinical facts are checked
// against the loaded rule set's fact dictionary. Never throws and never crashes on any input.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "runtime/case/case.h"
#include "runtime/core/fact_dictionary.h"

namespace mskc::cases {

// Why a case was refused. `path` names the field as a JSON path (`procedures[0].code`,
// `member.birth_date`, `clinical.pain_score`; empty for the document itself); `message` is one
// sentence in the "expected X, found Y" form, lowercase, without a final period.
struct CaseError {
  std::string path;
  std::string message;
};

// `procedures[0].code: expected a procedure code of 5 digits or capital letters, found "6232"`;
// just the message when the path is empty.
std::string FormatCaseError(const CaseError& error);

using CaseResult = std::variant<Case, CaseError>;

// One-off read (a thread-local reader is reused between calls on the same thread).
CaseResult ReadCase(std::string_view json, const FactDictionary& facts);

// Reads cases with one reusable JSON parser (its buffers grow to the largest case seen), which
// makes batch reading cheap. Not thread-safe: use one reader per thread. `facts` must outlive it.
class CaseReader {
 public:
  explicit CaseReader(const FactDictionary& facts);
  ~CaseReader();
  CaseReader(CaseReader&&) noexcept;
  CaseReader& operator=(CaseReader&&) noexcept;

  CaseResult Read(std::string_view json);

 private:
  friend CaseResult ReadCase(std::string_view json, const FactDictionary& facts);

  struct Impl;
  const FactDictionary* facts_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mskc::cases
