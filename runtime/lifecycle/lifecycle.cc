#include "runtime/lifecycle/lifecycle.h"

#include <algorithm>

#include "runtime/lifecycle/transitions.h"

namespace mskc::lifecycle {
namespace {

std::string StatusText(CaseStatus s) { return std::string(determination::CaseStatusName(s)); }

Refusal Illegal(const CaseRecord& r, Command command) {
  std::string allowed;
  for (CaseStatus s : AllowedFrom(command))
    allowed += (allowed.empty() ? "" : " or ") + StatusText(s);
  return Refusal{RefusalCode::kIllegalTransition,
                 std::string("`") + std::string(CommandName(command)) + "` needs a case that is " +
                     allowed + "; " + FormatOrderId(r.order_number) + " is " +
                     StatusText(r.status)};
}

void AddEvent(const CaseRecord& r, Events& events, Timestamp at, Role actor, std::string event,
              CaseStatus from, std::optional<ReasonCode> reason = std::nullopt,
              std::optional<int> line = std::nullopt, std::string detail = {}) {
  AuditEvent e;
  e.order_number = r.order_number;
  e.at = at;
  e.actor = actor;
  e.event = std::move(event);
  e.from = from;
  e.to = r.status;
  e.reason = reason;
  e.line = line;
  e.detail = std::move(detail);
  events.push_back(std::move(e));
}

bool AnyAwaiting(const CaseRecord& r) {
  return std::any_of(r.lines.begin(), r.lines.end(),
                     [](const LineRecord& l) { return IsAwaiting(l.state); });
}

// Once nothing awaits review the case takes its settled status; a denial among its lines starts
// the reconsideration clock.
void SettleIfDone(CaseRecord& r, Timestamp now, DenialKind kind) {
  if (AnyAwaiting(r)) return;
  r.status = SettledStatus(r.lines);
  r.deadline.reset();
  bool denied = std::any_of(r.lines.begin(), r.lines.end(),
                            [](const LineRecord& l) { return l.state == LineState::kDenied; });
  if (denied) {
    r.denied_at = now;
    r.denial = kind;
  }
  RecomputeCaseWindow(r);
}

}  // namespace

std::string_view RefusalCodeName(RefusalCode c) {
  switch (c) {
    case RefusalCode::kIllegalTransition: return "ILLEGAL_TRANSITION";
    case RefusalCode::kReviewerNotAuthorized: return "REVIEWER_NOT_AUTHORIZED";
    case RefusalCode::kP2pNotOffered: return "P2P_NOT_OFFERED";
    case RefusalCode::kDosOutsideWindow: return "DOS_OUTSIDE_WINDOW";
    case RefusalCode::kReconsiderationWindowExceeded: return "RECONSIDERATION_WINDOW_EXCEEDED";
    case RefusalCode::kNotFound: return "NOT_FOUND";
  }
  return "ILLEGAL_TRANSITION";
}

std::string_view ReviewDecisionName(ReviewDecision d) {
  switch (d) {
    case ReviewDecision::kApprove: return "approve";
    case ReviewDecision::kEscalate: return "escalate";
    case ReviewDecision::kDeny: return "deny";
  }
  return "approve";
}

Timestamp DeadlineFrom(Timestamp start, bool urgent, int pend_days) {
  return urgent ? start.AddHours(kUrgentPendHours) : start.AddDays(pend_days);
}

CaseRecord RecordFromDetermination(const determination::Determination& d, const cases::Case& c,
                                   int pend_days, Timestamp now) {
  CaseRecord r;
  r.case_id = c.case_id;
  r.member_id = c.member.id;
  r.plan = c.health_plan;
  r.urgent = c.urgent;
  r.status = d.status;
  r.received_at = now;
  r.updated_at = now;
  r.pend_days = pend_days;
  r.date_of_service = c.EffectiveDateOfService();
  r.valid_from = d.valid_from;
  r.expires_on = d.expires_on;
  for (size_t i = 0; i < d.lines.size(); ++i) {
    const determination::LineResult& l = d.lines[i];
    LineRecord line;
    line.number = static_cast<int>(i) + 1;
    line.code = l.code;
    if (i < c.procedures.size()) line.laterality = c.procedures[i].laterality;
    line.outcome = l.outcome;
    line.state = StateForOutcome(l.outcome, l.review);
    line.window_from = l.window_from ? l.window_from : l.valid_from;
    line.window_to = l.window_to ? l.window_to : l.expires_on;
    r.lines.push_back(std::move(line));
  }
  if (d.outcome == Outcome::kDeniedAdministrative) {
    r.denied_at = now;
    r.denial = DenialKind::kAdministrative;
  }
  if (r.status == CaseStatus::kInProgress) r.deadline = DeadlineFrom(now, r.urgent, pend_days);
  return r;
}

bool ApplyDueDeadline(CaseRecord& r, Timestamp now, Events& events) {
  if (r.status != CaseStatus::kInProgress || !r.deadline || now < *r.deadline) return false;
  Timestamp at = *r.deadline;
  CaseStatus from = r.status;
  for (LineRecord& l : r.lines) {
    if (!IsAwaiting(l.state)) continue;
    l.state = LineState::kDenied;
    l.reason = ReasonCode::kInfoNotProvided;
  }
  r.status = CaseStatus::kNonAuthorized;
  r.status_reason = ReasonCode::kInfoNotProvided;
  r.deadline.reset();
  r.denied_at = at;
  r.denial = DenialKind::kDeadline;
  r.updated_at = now;
  RecomputeCaseWindow(r);
  AddEvent(r, events, at, Role::kSystem, "deadline", from, ReasonCode::kInfoNotProvided,
           std::nullopt, "pend deadline reached without the information or peer-to-peer");
  return true;
}

Step Review(CaseRecord& r, const ReviewRequest& request, Timestamp now, Events& events) {
  if (request.role == Role::kNurse && request.decision == ReviewDecision::kDeny)
    return Refusal{RefusalCode::kReviewerNotAuthorized,
                   "a nurse may approve or escalate, never deny: a denial needs a physician"};
  if (request.role == Role::kPhysician && request.decision == ReviewDecision::kEscalate)
    return Refusal{RefusalCode::kIllegalTransition,
                   "a physician approves or denies; only a nurse escalates"};
  if (!IsAllowed(Command::kReview, r.status)) return Illegal(r, Command::kReview);

  std::vector<LineRecord*> targets;
  if (request.line) {
    int n = *request.line;
    if (n < 1 || n > static_cast<int>(r.lines.size()))
      return Refusal{RefusalCode::kNotFound, FormatOrderId(r.order_number) + " has no line " +
                                                 std::to_string(n) + " (it has " +
                                                 std::to_string(r.lines.size()) + ")"};
    LineRecord& line = r.lines[n - 1];
    if (!IsAwaiting(line.state))
      return Refusal{RefusalCode::kIllegalTransition,
                     "line " + std::to_string(n) + " of " + FormatOrderId(r.order_number) +
                         " is not awaiting review (it is " +
                         std::string(LineStateName(line.state)) + ")"};
    targets.push_back(&line);
  } else {
    for (LineRecord& l : r.lines)
      if (IsAwaiting(l.state)) targets.push_back(&l);
    if (targets.empty())
      return Refusal{RefusalCode::kIllegalTransition,
                     "no line of " + FormatOrderId(r.order_number) + " is awaiting review"};
  }
  if (request.role == Role::kNurse) {
    for (const LineRecord* l : targets)
      if (l->state == LineState::kAwaitingPhysician)
        return Refusal{RefusalCode::kReviewerNotAuthorized,
                       "line " + std::to_string(l->number) + " of " +
                           FormatOrderId(r.order_number) + " awaits a physician's review"};
  }
  if (request.decision == ReviewDecision::kDeny && r.p2p == PeerToPeer::kNone)
    return Refusal{RefusalCode::kP2pNotOffered,
                   "a physician may deny only after a peer-to-peer discussion was offered "
                   "(`mskc case p2p " + FormatOrderId(r.order_number) + " --offered`)"};

  CaseStatus from = r.status;
  for (LineRecord* l : targets) {
    switch (request.decision) {
      case ReviewDecision::kApprove: l->state = LineState::kApproved; break;
      case ReviewDecision::kEscalate: l->state = LineState::kAwaitingPhysician; break;
      case ReviewDecision::kDeny: l->state = LineState::kDenied; break;
    }
    l->reason.reset();
  }
  r.updated_at = now;
  SettleIfDone(r, now, DenialKind::kClinical);
  std::string detail(ReviewDecisionName(request.decision));
  if (!request.reason.empty()) detail += ": " + request.reason;
  AddEvent(r, events, now, request.role, "review", from, std::nullopt, request.line, detail);
  return std::nullopt;
}

namespace {

// Cancel and void: the case leaves the review path for good, from the statuses the table allows.
Step Close(CaseRecord& r, Command command, CaseStatus to, Role actor, const char* detail,
           Timestamp now, Events& events) {
  if (!IsAllowed(command, r.status)) return Illegal(r, command);
  CaseStatus from = r.status;
  r.status = to;
  r.deadline.reset();
  r.updated_at = now;
  AddEvent(r, events, now, actor, std::string(CommandName(command)), from, std::nullopt,
           std::nullopt, detail);
  return std::nullopt;
}

}  // namespace

Step Cancel(CaseRecord& r, Timestamp now, Events& events) {
  return Close(r, Command::kCancel, CaseStatus::kVoluntarilyCancelled, Role::kProvider,
               "withdrawn by the provider", now, events);
}

Step Void(CaseRecord& r, Timestamp now, Events& events) {
  return Close(r, Command::kVoid, CaseStatus::kNotReviewedErrorEntry, Role::kStaff,
               "entered by mistake", now, events);
}

Step Reconsider(CaseRecord& r, Timestamp now, Events& events) {
  if (!IsAllowed(Command::kReconsider, r.status)) return Illegal(r, Command::kReconsider);
  if ((r.denial != DenialKind::kClinical && r.denial != DenialKind::kDeadline) || !r.denied_at)
    return Refusal{RefusalCode::kIllegalTransition,
                   FormatOrderId(r.order_number) +
                       " was denied administratively; administrative denials are not reconsidered"};
  int days = DaysBetween(r.denied_at->date(), now.date());
  if (days < 0)
    return Refusal{RefusalCode::kIllegalTransition,
                   "the reconsideration is dated before the denial of " +
                       r.denied_at->date().ToString()};
  if (days > kReconsiderationDays)
    return Refusal{RefusalCode::kReconsiderationWindowExceeded,
                   "reconsideration must be asked within " +
                       std::to_string(kReconsiderationDays) + " calendar days of the denial of " +
                       r.denied_at->date().ToString() + " (this is day " + std::to_string(days) +
                       ")"};
  CaseStatus from = r.status;
  for (LineRecord& l : r.lines) {
    if (l.state != LineState::kDenied) continue;
    l.state = LineState::kAwaitingPhysician;
    l.reason.reset();
  }
  r.status = CaseStatus::kInProgress;
  r.status_reason.reset();
  r.denial = DenialKind::kNone;
  r.denied_at.reset();
  r.deadline = DeadlineFrom(now, r.urgent, r.pend_days);
  r.valid_from.reset();
  r.expires_on.reset();
  r.updated_at = now;
  AddEvent(r, events, now, Role::kProvider, "reconsider", from, std::nullopt, std::nullopt,
           "day " + std::to_string(days) + " after the denial; denied lines back to physician review");
  return std::nullopt;
}

Step ChangeDateOfService(CaseRecord& r, Date new_dos, Timestamp now, Events& events) {
  if (!IsAllowed(Command::kChangeDateOfService, r.status))
    return Illegal(r, Command::kChangeDateOfService);
  if (!r.valid_from || !r.expires_on)
    return Refusal{RefusalCode::kDosOutsideWindow,
                   FormatOrderId(r.order_number) +
                       " has no validity window to move the date of service within; a new "
                       "request is needed"};
  if (new_dos < *r.valid_from || new_dos > *r.expires_on)
    return Refusal{RefusalCode::kDosOutsideWindow,
                   "the new date of service " + new_dos.ToString() + " is outside the window " +
                       r.valid_from->ToString() + " to " + r.expires_on->ToString() +
                       "; a new request is needed"};
  CaseStatus from = r.status;
  std::string detail = "date of service " + r.date_of_service.ToString() + " -> " +
                       new_dos.ToString();
  r.date_of_service = new_dos;
  r.updated_at = now;
  AddEvent(r, events, now, Role::kProvider, "change-dos", from, std::nullopt, std::nullopt,
           detail);
  return std::nullopt;
}

Step RecordPeerToPeer(CaseRecord& r, PeerToPeer what, Timestamp now, Events& events) {
  if (!IsAllowed(Command::kPeerToPeer, r.status)) return Illegal(r, Command::kPeerToPeer);
  CaseStatus from = r.status;
  r.p2p = what;
  r.updated_at = now;
  AddEvent(r, events, now, Role::kPhysician, "p2p", from, std::nullopt, std::nullopt,
           std::string("peer-to-peer ") + std::string(PeerToPeerName(what)));
  return std::nullopt;
}

Step CheckUpdatable(const CaseRecord& r) {
  if (!IsAllowed(Command::kUpdate, r.status)) return Illegal(r, Command::kUpdate);
  return std::nullopt;
}

void ApplyReevaluation(CaseRecord& r, const determination::Determination& d, Timestamp now,
                       Events& events) {
  CaseStatus from = r.status;
  int approved = 0;
  for (size_t i = 0; i < r.lines.size() && i < d.lines.size(); ++i) {
    LineRecord& line = r.lines[i];
    const determination::LineResult& l = d.lines[i];
    line.outcome = l.outcome;
    if (l.window_from || l.valid_from) {
      line.window_from = l.window_from ? l.window_from : l.valid_from;
      line.window_to = l.window_to ? l.window_to : l.expires_on;
    }
    if (!IsAwaiting(line.state)) continue;
    LineState next = StateForOutcome(l.outcome, l.review);
    // An escalation stands: a line a nurse sent on stays with the physician.
    if (next == LineState::kAwaitingNurse && line.state == LineState::kAwaitingPhysician) continue;
    line.state = next;
    if (next == LineState::kApproved) ++approved;
  }
  r.updated_at = now;
  SettleIfDone(r, now, DenialKind::kClinical);
  AddEvent(r, events, now, Role::kProvider, "update", from, std::nullopt, std::nullopt,
           "information received; re-evaluated: " + std::to_string(approved) +
               " line(s) now approved");
}

CaseStatus SettledStatus(const std::vector<LineRecord>& lines) {
  bool any_denied = false, any_approved = false;
  for (const LineRecord& l : lines) {
    if (l.state == LineState::kDenied || l.state == LineState::kDeniedAdministrative)
      any_denied = true;
    if (l.state == LineState::kApproved) any_approved = true;
  }
  if (!any_denied) return CaseStatus::kAuthorized;
  return any_approved ? CaseStatus::kMultipleDecisionsRendered : CaseStatus::kNonAuthorized;
}

void RecomputeCaseWindow(CaseRecord& r) {
  r.valid_from.reset();
  r.expires_on.reset();
  if (r.status != CaseStatus::kAuthorized && r.status != CaseStatus::kMultipleDecisionsRendered &&
      r.status != CaseStatus::kCompleted)
    return;
  const LineRecord* first = nullptr;
  for (const LineRecord& l : r.lines) {
    if (l.state != LineState::kApproved && l.state != LineState::kNotificationOnly) continue;
    if (!l.window_to) continue;
    if (first == nullptr || *l.window_to < *first->window_to) first = &l;
  }
  if (first != nullptr) {
    r.valid_from = first->window_from;
    r.expires_on = first->window_to;
  }
}

}  // namespace mskc::lifecycle
