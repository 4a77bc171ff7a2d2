// Rule IR: the typed, resolved, let-inlined form of a checked program. It is what both backends
// consume — the reference interpreter walks it, codegen emits LLVM IR from it — so their
// semantics are defined here, once. Produced by sema (compiler/sema) from the AST.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/source/span.h"
#include "runtime/core/code_set.h"
#include "runtime/core/date.h"
#include "runtime/core/fact_dictionary.h"
#include "runtime/core/family_kind.h"
#include "runtime/core/plan.h"
#include "runtime/core/reason_code.h"

namespace mskc::ir {

// ---------------------------------------------------------------------------------------------
// Frame layout
// ---------------------------------------------------------------------------------------------

// What a slot (or an expression) holds at run time. Encodings in the frame (see runtime/core/abi.h):
//   kBool     uint8_t 0/1                 kNumber  double
//   kDate     int32_t days since epoch    kEnum    int32_t ordinal in its EnumType (-1 = not a member)
//   kCode     abi::StrRef                 kEnumList    abi::List of int32_t ordinals (-1 = not a member)
//   kCodeList abi::List of abi::StrRef    kHistoryList abi::List of abi::HistoryItem
// kHistoryItem only types quantifier variables. kTri is never stored: it is kBool's evaluated form.
enum class ValueType : uint8_t {
  kBool, kNumber, kDate, kEnum, kCode, kEnumList, kCodeList, kHistoryList, kHistoryItem,
};

struct EnumType {
  std::string name;                  // e.g. "imaging_type", "setting"
  std::vector<std::string> members;  // ordinal = index
};

// One typed slot of the flat frame. Every slot has a known byte at `known_offset` (1 = known);
// builtins that are always present still have one (the frame builder sets it to 1).
struct Slot {
  std::string key;          // fact key as in the case (`pain_score`) or builtin (`line.code`)
  ValueType type = ValueType::kBool;
  int32_t enum_id = -1;     // kEnum / kEnumList: index into Program::enums
  uint32_t value_offset = 0;
  uint32_t known_offset = 0;
  bool builtin = false;     // from the case envelope, not `clinical`
};

// Builtin slot keys the frame builder fills from the case envelope (all builtin = true):
//   date_of_service (kDate, effective: performed_on on retrospective cases), submitted_on (kDate),
//   member.birth_date (kDate), member.age (kNumber: completed years on date_of_service),
//   member.sex (kEnum sex), diagnoses (kCodeList), history (kHistoryList: ONLY items dated
//   strictly before date_of_service), setting (kEnum), site_of_care (kEnum),
//   site_of_care_reasons (kEnumList), urgent (kBool), emergency (kBool),
//   line_of_business (kEnum), requested_los_days (kNumber, unknown when absent),
//   line.code (kCode), line.units (kNumber), line.revision (kBool), line.laterality (kEnum),
//   line.modifiers (kCodeList).
// The line.* slots are rewritten per procedure line before each evaluation.
struct FrameLayout {
  std::vector<Slot> slots;
  uint32_t size = 0;   // bytes; frames are 8-byte aligned
  const Slot* Find(std::string_view key) const {
    for (const auto& s : slots) if (s.key == key) return &s;
    return nullptr;
  }
};

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

enum class Op : uint8_t {
  // Leaves.
  kBoolConst,     // bool_value
  kNumberConst,   // number_value
  kDateConst,     // date_value (days)
  kEnumConst,     // int_value = ordinal, enum_id set
  kSlot,          // slot index: value of the frame slot; unknown when its known byte is 0
  kVar,           // the element bound by the enclosing quantifier `var_depth` levels out (0 = innermost)
  kField,         // field `field` of a[0] (a kHistoryItem var); unknown when the field is absent
  // Logic (Kleene). kAnd / kOr are n-ary and short-circuit on a deciding operand.
  kNot, kAnd, kOr,
  kAtLeast,       // int_value = N: true when ≥ N operands true; false when even all unknowns
                  // becoming true cannot reach N; else unknown
  kIf,            // a[0] cond, a[1] then, a[2] else; unknown cond → unknown
  // Comparison: numbers, dates, enums (eq/ne), bools (eq/ne). Any unknown operand → unknown.
  kEq, kNe, kLt, kLe, kGt, kGe,
  // Number arithmetic; unknown in → unknown out; division by zero → unknown.
  kAdd, kSub, kMul, kDiv, kNeg,
  // Dates. a[0] date, a[1] number (truncated toward zero to an integer count).
  kDateAddDays, kDateAddMonths, kDateAddBusinessDays,
  kDaysBetween,   // a[1] − a[0] in calendar days (number)
  kAgeYears,      // completed years from a[0] (birth) to a[1] (number), mskc_age_years
  // Membership.
  kInCodeSet,     // a[0] kCode in Program::code_sets[int_value]
  kInEnumSet,     // a[0] kEnum ordinal in enum_set (bitmask of ordinals < 64)
  kListHasAny,    // a[0] kEnumList holds any ordinal of enum_set (empty list → false)
  kListSize,      // a[0] any list kind → number of items
  // Quantifiers over a[0] (a list). The element is bound as kVar depth 0 inside a[1] (filter,
  // may be null = true) and a[2] (predicate / key, may be null = true). Unknown list → unknown.
  kAny,           // OR over elements of AND(filter, pred); empty → false
  kAll,           // AND over elements of OR(NOT filter, pred); empty → true
  kCount,         // number of elements whose filter is true; unknown if any filter is unknown
  kCountDistinct, // number of distinct a[2] values (number/date/enum/code) among elements whose
                  // filter is true; unknown if any such filter or key is unknown
  kLatest,        // history lists only: among elements whose filter is true (unknown if any
                  // filter is unknown), those with the greatest `date`; AND of pred over them;
                  // none → true
};

enum class HistoryField : uint8_t {
  kCode, kDate, kLevel, kLaterality, kReliefPercent, kReliefWeeks, kFunctionalImprovement,
};
// `history.relief_percent` etc.: the key reported in `missing` for an absent field.
std::string_view HistoryFieldKey(HistoryField f);

struct Node {
  Op op = Op::kBoolConst;
  ValueType type = ValueType::kBool;  // result type (kBool results are evaluated as Tri)
  std::vector<const Node*> a;         // operands; may contain nullptr where documented
  bool bool_value = false;
  double number_value = 0;
  int32_t date_value = 0;
  int64_t int_value = 0;              // enum ordinal, code-set id, kAtLeast N
  uint64_t enum_set = 0;
  int32_t enum_id = -1;
  uint32_t slot = 0;
  uint32_t var_depth = 0;
  HistoryField field = HistoryField::kCode;
  source::Span span;                  // the source text this node came from (trace, explain)
};

// Owns every node of a program; nodes are immutable once built and may be shared (inlined lets).
class NodeArena {
 public:
  Node* New() { nodes_.push_back(std::make_unique<Node>()); return nodes_.back().get(); }
  size_t size() const { return nodes_.size(); }
 private:
  std::vector<std::unique_ptr<Node>> nodes_;
};

// ---------------------------------------------------------------------------------------------
// Guidelines
// ---------------------------------------------------------------------------------------------

struct Criterion {
  std::string id;
  std::string text;
  std::string citation;   // may be empty
  std::optional<ReasonCode> unmet_reason;  // added to the determination when unmet
  const Node* expr = nullptr;  // kBool
  source::Span span;
};

enum class NoteKind : uint8_t { kEducation, kRecommendation, kNotice };
std::string_view NoteKindName(NoteKind k);

struct Note {
  NoteKind kind = NoteKind::kNotice;
  std::string text;
  const Node* condition = nullptr;  // kBool or nullptr (always); shown when true
};

struct Version {
  Date start;                   // effective from (first version: also every earlier DOS)
  std::optional<Date> until;    // inclusive; absent = the day before the next version's start
  std::string label;            // the start date as written, e.g. "2020-08-16"
  std::vector<Criterion> criteria;
  std::vector<Note> notes;
};

struct Guideline {
  std::string id;               // "ipm.epidural"
  std::string title;
  FamilyKind kind = FamilyKind::kPainManagement;
  CodeSet codes;
  std::string citation;
  std::vector<Version> versions;  // sorted by start
  source::Span span;

  // The version in effect on `dos`, or nullptr (only when explicit `until`s leave a gap).
  const Version* VersionFor(Date dos) const;
};

struct Program {
  NodeArena arena;
  FrameLayout layout;
  std::vector<EnumType> enums;
  std::vector<CodeSet> code_sets;      // referenced by kInCodeSet
  std::vector<Guideline> guidelines;
  std::vector<Plan> plans;
  FactDictionary facts;                // declared clinical facts (for the case reader)

  const Guideline* GuidelineForCode(std::string_view code) const;
  const Plan* FindPlan(std::string_view code) const;
};

}  // namespace mskc::ir
