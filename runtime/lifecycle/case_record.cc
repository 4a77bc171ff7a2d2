#include "runtime/lifecycle/case_record.h"

#include <array>
#include <cstdio>

namespace mskc::lifecycle {
namespace {

template <typename E, size_t N>
std::optional<E> ParseByName(std::string_view s, std::string_view (*name)(E)) {
  for (size_t i = 0; i < N; ++i) {
    E e = static_cast<E>(i);
    if (name(e) == s) return e;
  }
  return std::nullopt;
}

}  // namespace

std::string_view LineStateName(LineState s) {
  switch (s) {
    case LineState::kAwaitingNurse: return "awaiting_nurse";
    case LineState::kAwaitingPhysician: return "awaiting_physician";
    case LineState::kApproved: return "approved";
    case LineState::kDenied: return "denied";
    case LineState::kNotRequired: return "not_required";
    case LineState::kNotificationOnly: return "notification_only";
    case LineState::kDeniedAdministrative: return "denied_administrative";
    case LineState::kRejected: return "rejected";
  }
  return "rejected";
}
std::optional<LineState> ParseLineState(std::string_view s) {
  return ParseByName<LineState, 8>(s, LineStateName);
}
bool IsAwaiting(LineState s) {
  return s == LineState::kAwaitingNurse || s == LineState::kAwaitingPhysician;
}

LineState StateForOutcome(Outcome outcome, determination::Review review) {
  switch (outcome) {
    case Outcome::kApproved: return LineState::kApproved;
    case Outcome::kPended:
      return review == determination::Review::kPhysician ? LineState::kAwaitingPhysician
                                                         : LineState::kAwaitingNurse;
    case Outcome::kNotRequired: return LineState::kNotRequired;
    case Outcome::kNotificationOnly: return LineState::kNotificationOnly;
    case Outcome::kDeniedAdministrative: return LineState::kDeniedAdministrative;
    case Outcome::kRejected: return LineState::kRejected;
  }
  return LineState::kRejected;
}

std::string_view RoleName(Role r) {
  switch (r) {
    case Role::kProvider: return "provider";
    case Role::kNurse: return "nurse";
    case Role::kPhysician: return "physician";
    case Role::kStaff: return "staff";
    case Role::kSystem: return "system";
  }
  return "system";
}
std::optional<Role> ParseRole(std::string_view s) { return ParseByName<Role, 5>(s, RoleName); }

std::string_view DenialKindName(DenialKind k) {
  switch (k) {
    case DenialKind::kNone: return "none";
    case DenialKind::kClinical: return "clinical";
    case DenialKind::kDeadline: return "deadline";
    case DenialKind::kAdministrative: return "administrative";
  }
  return "none";
}
std::optional<DenialKind> ParseDenialKind(std::string_view s) {
  return ParseByName<DenialKind, 4>(s, DenialKindName);
}

std::string_view PeerToPeerName(PeerToPeer p) {
  switch (p) {
    case PeerToPeer::kNone: return "none";
    case PeerToPeer::kOffered: return "offered";
    case PeerToPeer::kHeld: return "held";
    case PeerToPeer::kDeclined: return "declined";
  }
  return "none";
}
std::optional<PeerToPeer> ParsePeerToPeer(std::string_view s) {
  return ParseByName<PeerToPeer, 4>(s, PeerToPeerName);
}

std::optional<CaseStatus> ParseCaseStatus(std::string_view s) {
  return ParseByName<CaseStatus, 8>(s, determination::CaseStatusName);
}

std::string FormatOrderId(int64_t order_number) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "SU%09lld", static_cast<long long>(order_number));
  return buf;
}

std::optional<int64_t> ParseOrderId(std::string_view text) {
  if (text.size() == 11 && (text[0] == 'S' || text[0] == 's') && (text[1] == 'U' || text[1] == 'u'))
    text.remove_prefix(2);
  if (text.size() != 9) return std::nullopt;
  int64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

}  // namespace mskc::lifecycle
