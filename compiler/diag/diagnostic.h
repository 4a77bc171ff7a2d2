// One compiler message: severity, a stable id, a primary span, a one-sentence message, notes.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "compiler/source/span.h"

namespace mskc::diag {

enum class Severity : uint8_t { kError, kWarning, kNote };

// Stable identifiers, one per kind of message (golden tests and docs/diagnostics.md key on them).
enum class DiagId : uint16_t {
  kIoError,
  kSyntaxError,
  kUnknownName,
  kUnknownFact,
  kUnknownEnumMember,
  kUnknownField,
  kUnknownImport,
  kImportCycle,
  kTypeMismatch,
  kDuplicateDefinition,
  kDuplicateCriterion,
  kDuplicateGuideline,
  kVersionOverlap,
  kVersionOrder,
  kInvalidDate,
  kInvalidCode,
  kInvalidValue,
  kMissingHeader,
  kCodeOverlap,
  kUnknownVersion,
  kRecursion,
  kArity,
  kTooManyErrors,
};

struct Note {
  std::optional<source::Span> span;
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::kError;
  DiagId id = DiagId::kSyntaxError;
  source::Span span;
  std::string message;
  std::vector<Note> notes;
};

}  // namespace mskc::diag
