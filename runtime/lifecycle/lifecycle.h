// The case lifecycle (program rules S1–S5, P13) as functions on a CaseRecord: each either
// changes the record and appends its audit events, or refuses with a reason code and leaves the
// record as it was. Pure: no clock, no store; "now" is an argument.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/determination/determination.h"
#include "runtime/lifecycle/case_record.h"

namespace mskc::lifecycle {

// Refusals of `mskc case` commands (exit 1; determination-format.md, last paragraph).
enum class RefusalCode : uint8_t {
  kIllegalTransition, kReviewerNotAuthorized, kP2pNotOffered, kDosOutsideWindow,
  kReconsiderationWindowExceeded, kNotFound,
};
std::string_view RefusalCodeName(RefusalCode c);

struct Refusal {
  RefusalCode code;
  std::string message;  // one sentence; names only order ids, statuses and dates
};
using Step = std::optional<Refusal>;  // nullopt: done
using Events = std::vector<AuditEvent>;

inline constexpr int kUrgentPendHours = 72;
inline constexpr int kReconsiderationDays = 10;

// A new record from the determination made at submit (status per outcome, line decisions,
// windows, S5 deadline from `now`). Order number, ids and JSON are filled in by the caller.
CaseRecord RecordFromDetermination(const determination::Determination& d, const cases::Case& c,
                                   int pend_days, Timestamp now);

// S5: receipt (or a reconsideration) + 72 hours when urgent, else + the plan's days.
Timestamp DeadlineFrom(Timestamp start, bool urgent, int pend_days);

// Closes an In Progress case whose deadline has come (now ≥ deadline): awaiting lines denied
// with INFO_NOT_PROVIDED, status Non-Authorized, denied at the deadline. True when it closed.
bool ApplyDueDeadline(CaseRecord& r, Timestamp now, Events& events);

enum class ReviewDecision : uint8_t { kApprove, kEscalate, kDeny };
std::string_view ReviewDecisionName(ReviewDecision d);

struct ReviewRequest {
  Role role = Role::kNurse;  // kNurse or kPhysician
  ReviewDecision decision = ReviewDecision::kApprove;
  std::optional<int> line;   // 1-based; nullopt: every line awaiting review
  std::string reason;        // the reviewer's text, kept in the audit log
};

Step Review(CaseRecord& r, const ReviewRequest& request, Timestamp now, Events& events);
Step Cancel(CaseRecord& r, Timestamp now, Events& events);
Step Void(CaseRecord& r, Timestamp now, Events& events);
Step Reconsider(CaseRecord& r, Timestamp now, Events& events);
Step ChangeDateOfService(CaseRecord& r, Date new_dos, Timestamp now, Events& events);
Step RecordPeerToPeer(CaseRecord& r, PeerToPeer what, Timestamp now, Events& events);

// `update`: refused unless In Progress; otherwise the caller re-evaluates the merged case and
// passes the new determination to ApplyReevaluation.
Step CheckUpdatable(const CaseRecord& r);
void ApplyReevaluation(CaseRecord& r, const determination::Determination& d, Timestamp now,
                       Events& events);

// The status once no line awaits review: every line approved (or not required / notification
// only) → Authorized; every reviewed line denied → Non-Authorized; else Multiple Decisions
// Rendered.
CaseStatus SettledStatus(const std::vector<LineRecord>& lines);

// The case window: the window of the approved (or notification-only) line that ends first.
void RecomputeCaseWindow(CaseRecord& r);

}  // namespace mskc::lifecycle
