#include "runtime/determination/outcome.h"

namespace mskc::determination {

std::string_view OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kApproved: return "approved";
    case Outcome::kPended: return "pended";
    case Outcome::kNotRequired: return "not_required";
    case Outcome::kNotificationOnly: return "notification_only";
    case Outcome::kDeniedAdministrative: return "denied_administrative";
    case Outcome::kRejected: return "rejected";
  }
  return "pended";
}

std::string_view CaseStatusName(CaseStatus s) {
  switch (s) {
    case CaseStatus::kAuthorized: return "Authorized";
    case CaseStatus::kInProgress: return "In Progress";
    case CaseStatus::kCompleted: return "Completed";
    case CaseStatus::kNonAuthorized: return "Non-Authorized";
    case CaseStatus::kMultipleDecisionsRendered: return "Multiple Decisions Rendered";
    case CaseStatus::kVoluntarilyCancelled: return "Voluntarily Cancelled";
    case CaseStatus::kNotReviewedErrorEntry: return "Not Reviewed/Error Entry";
    case CaseStatus::kOtherImpact: return "Other Impact";
  }
  return "In Progress";
}

std::string_view ReviewName(Review r) {
  switch (r) {
    case Review::kNone: return "none";
    case Review::kNurse: return "nurse";
    case Review::kPhysician: return "physician";
  }
  return "none";
}

std::string_view NoteKindName(NoteKind k) {
  switch (k) {
    case NoteKind::kEducation: return "education";
    case NoteKind::kRecommendation: return "recommendation";
    case NoteKind::kNotice: return "notice";
  }
  return "notice";
}

CaseStatus StatusFor(Outcome o) {
  switch (o) {
    case Outcome::kApproved: return CaseStatus::kAuthorized;
    case Outcome::kPended: return CaseStatus::kInProgress;
    case Outcome::kNotificationOnly: return CaseStatus::kCompleted;
    case Outcome::kNotRequired: return CaseStatus::kCompleted;
    case Outcome::kDeniedAdministrative: return CaseStatus::kNonAuthorized;
    case Outcome::kRejected: return CaseStatus::kNotReviewedErrorEntry;
  }
  return CaseStatus::kInProgress;
}

std::optional<Outcome> ParseOutcome(std::string_view name) {
  for (int i = 0; i <= static_cast<int>(Outcome::kRejected); ++i) {
    auto o = static_cast<Outcome>(i);
    if (OutcomeName(o) == name) return o;
  }
  return std::nullopt;
}

}  // namespace mskc::determination
