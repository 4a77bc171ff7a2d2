// The vocabulary of a determination (determination-format.md): the automatic outcome, the
// portal's case status and who reviews next. Typed here, spelled only when written out.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace mskc::determination {

enum class Outcome : uint8_t {
  kApproved, kPended, kNotRequired, kNotificationOnly, kDeniedAdministrative, kRejected,
};

enum class CaseStatus : uint8_t {
  kAuthorized, kInProgress, kCompleted, kNonAuthorized, kMultipleDecisionsRendered,
  kVoluntarilyCancelled, kNotReviewedErrorEntry, kOtherImpact,
};

enum class Review : uint8_t { kNone, kNurse, kPhysician };

enum class NoteKind : uint8_t { kEducation, kRecommendation, kNotice };

std::string_view OutcomeName(Outcome o);
std::optional<Outcome> ParseOutcome(std::string_view name);
std::string_view CaseStatusName(CaseStatus s);
std::string_view ReviewName(Review r);
std::string_view NoteKindName(NoteKind k);

// "Status per outcome" (program-rules.md, Settled details).
CaseStatus StatusFor(Outcome o);

}  // namespace mskc::determination
