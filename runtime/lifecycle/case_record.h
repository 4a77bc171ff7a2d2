// A case as the store keeps it over its life (program rules S1–S6): the determination made at
// submit, each line's current decision, the case's status, deadline, peer-to-peer record and
// denial, and the audit events. Plain typed data; the lifecycle functions change it, the store
// persists it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/case/case.h"
#include "runtime/core/date.h"
#include "runtime/determination/outcome.h"
#include "runtime/determination/reason_code.h"
#include "runtime/lifecycle/timestamp.h"

namespace mskc::lifecycle {

using determination::CaseStatus;
using determination::Outcome;
using determination::ReasonCode;

// Where one procedure line stands now.
enum class LineState : uint8_t {
  kAwaitingNurse,          // pended: a nurse (or a physician) reviews it next
  kAwaitingPhysician,      // pended for a physician (P11 site of care, escalated, reconsidered)
  kApproved,               // automatically or by a reviewer
  kDenied,                 // by a physician, or closed at the pend deadline (INFO_NOT_PROVIDED)
  kNotRequired,            // not managed, emergency
  kNotificationOnly,       // P3
  kDeniedAdministrative,   // P5, P6
  kRejected,               // P4
};
std::string_view LineStateName(LineState s);
std::optional<LineState> ParseLineState(std::string_view s);
bool IsAwaiting(LineState s);
LineState StateForOutcome(Outcome outcome, determination::Review review);

// Who acted: the audit log's actor.
enum class Role : uint8_t { kProvider, kNurse, kPhysician, kStaff, kSystem };
std::string_view RoleName(Role r);
std::optional<Role> ParseRole(std::string_view s);

// Why the case was last denied: only clinical and deadline denials can be reconsidered (S3).
enum class DenialKind : uint8_t { kNone, kClinical, kDeadline, kAdministrative };
std::string_view DenialKindName(DenialKind k);
std::optional<DenialKind> ParseDenialKind(std::string_view s);

// The peer-to-peer record (S2): any of them is an offer.
enum class PeerToPeer : uint8_t { kNone, kOffered, kHeld, kDeclined };
std::string_view PeerToPeerName(PeerToPeer p);
std::optional<PeerToPeer> ParsePeerToPeer(std::string_view s);

std::optional<CaseStatus> ParseCaseStatus(std::string_view s);

struct LineRecord {
  int number = 1;  // 1-based, as in `--line N`
  std::string code;
  cases::Laterality laterality = cases::Laterality::kNone;
  Outcome outcome = Outcome::kPended;    // the latest automatic evaluation
  LineState state = LineState::kAwaitingNurse;
  std::optional<ReasonCode> reason;      // INFO_NOT_PROVIDED on a line closed at the deadline
  // The validity window the line has, or would get if approved (S4 compares it; P13 keeps it).
  std::optional<Date> window_from, window_to;
};

struct CaseRecord {
  int64_t order_number = 0;
  std::string case_id;
  std::string member_id;
  std::string plan;
  bool urgent = false;
  CaseStatus status = CaseStatus::kInProgress;
  std::optional<ReasonCode> status_reason;  // DUPLICATE_ORDER, INFO_NOT_PROVIDED
  Timestamp received_at;                    // the submit command's "now"
  std::optional<Timestamp> deadline;        // S5, while In Progress
  int pend_days = 14;                       // the plan's, kept from submit
  Date date_of_service;                     // effective (retro: performed_on); P13 changes it
  std::optional<Date> valid_from, expires_on;  // the case window: the approved line ending first
  PeerToPeer p2p = PeerToPeer::kNone;
  std::optional<Timestamp> denied_at;
  DenialKind denial = DenialKind::kNone;
  std::optional<int64_t> duplicate_of;      // S4: the order it duplicates
  int64_t ruleset_id = 0;                   // the rules snapshot it was evaluated with
  std::string case_json;                    // the case as submitted, updates merged in
  std::string determination_json;           // the determination made at submit, as evaluated
  std::string latest_json;                  // the latest re-evaluation (update), or empty
  std::vector<LineRecord> lines;
  Timestamp updated_at;
};

struct AuditEvent {
  int64_t order_number = 0;
  int seq = 0;  // 1-based per case, in order
  Timestamp at;
  Role actor = Role::kSystem;
  std::string event;  // the command: submit, review, p2p, update, cancel, void, reconsider, ...
  std::optional<CaseStatus> from, to;
  std::optional<ReasonCode> reason;
  std::optional<int> line;
  std::string detail;  // never protected health information: decisions, dates of service
};

// S6: `SU` and 9 digits.
std::string FormatOrderId(int64_t order_number);
// `SU123456789` (any case) or the 9 digits alone; nullopt otherwise.
std::optional<int64_t> ParseOrderId(std::string_view text);

}  // namespace mskc::lifecycle
