// Hand-built case records for the lifecycle tests: a small builder, parse helpers for dates and
// instants, a field-by-field record comparison (a refused command must leave every field as it
// was) and readable printers for the enums gtest shows on failure.
#pragma once
#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "runtime/lifecycle/case_record.h"
#include "runtime/lifecycle/lifecycle.h"

namespace mskc {
inline void PrintTo(Date d, std::ostream* os) { *os << d.ToString(); }
inline void PrintTo(ReasonCode c, std::ostream* os) { *os << ReasonCodeName(c); }
}  // namespace mskc

namespace mskc::determination {
inline void PrintTo(CaseStatus s, std::ostream* os) { *os << CaseStatusName(s); }
}  // namespace mskc::determination

namespace mskc::lifecycle {
inline void PrintTo(Timestamp t, std::ostream* os) { *os << t.ToString(); }
inline void PrintTo(LineState s, std::ostream* os) { *os << LineStateName(s); }
inline void PrintTo(Role r, std::ostream* os) { *os << RoleName(r); }
inline void PrintTo(DenialKind k, std::ostream* os) { *os << DenialKindName(k); }
inline void PrintTo(PeerToPeer p, std::ostream* os) { *os << PeerToPeerName(p); }
inline void PrintTo(RefusalCode c, std::ostream* os) { *os << RefusalCodeName(c); }
}  // namespace mskc::lifecycle

namespace mskc::lifecycle::testing {

using cases::Laterality;

inline Date D(std::string_view text) {
  std::optional<Date> d = Date::Parse(text);
  EXPECT_TRUE(d.has_value()) << "bad test date " << text;
  return d.value_or(Date());
}

inline Timestamp T(std::string_view text) {
  std::optional<Timestamp> t = Timestamp::Parse(text);
  EXPECT_TRUE(t.has_value()) << "bad test instant " << text;
  return t.value_or(Timestamp());
}

// The default line window: an outpatient surgery approved on 2021-03-01 (DOS + 59).
inline constexpr std::string_view kWindowFrom = "2021-03-01";
inline constexpr std::string_view kWindowTo = "2021-04-29";
inline constexpr std::string_view kReceived = "2021-03-01T09:00:00Z";

// A record with every field set to something recognisable, so that a comparison before and
// after a refused command checks real values. Lines are numbered in the order they are added.
class RecordBuilder {
 public:
  RecordBuilder() {
    r_.order_number = 42;
    r_.case_id = "CASE-42";
    r_.member_id = "M-1001";
    r_.plan = "DEFAULT";
    r_.status = CaseStatus::kInProgress;
    r_.received_at = T(kReceived);
    r_.updated_at = r_.received_at;
    r_.pend_days = 14;
    r_.date_of_service = D(kWindowFrom);
    r_.ruleset_id = 7;
    r_.case_json = R"({"case_id":"CASE-42"})";
    r_.determination_json = R"({"outcome":"pended"})";
  }

  RecordBuilder& Status(CaseStatus s) { r_.status = s; return *this; }
  RecordBuilder& Urgent(bool u = true) { r_.urgent = u; return *this; }
  RecordBuilder& PendDays(int days) { r_.pend_days = days; return *this; }
  RecordBuilder& Received(Timestamp t) { r_.received_at = t; r_.updated_at = t; return *this; }
  RecordBuilder& Deadline(std::optional<Timestamp> t) { deadline_ = t; deadline_set_ = true; return *this; }
  RecordBuilder& P2p(PeerToPeer p) { r_.p2p = p; return *this; }
  RecordBuilder& Denied(Timestamp at, DenialKind kind) {
    r_.denied_at = at;
    r_.denial = kind;
    return *this;
  }
  RecordBuilder& StatusReason(ReasonCode c) { r_.status_reason = c; return *this; }
  RecordBuilder& DateOfService(Date d) { r_.date_of_service = d; return *this; }
  RecordBuilder& CaseWindow(Date from, Date to) {
    r_.valid_from = from;
    r_.expires_on = to;
    return *this;
  }
  RecordBuilder& Line(LineState state, std::string code = "63030",
                      Laterality laterality = Laterality::kNone,
                      std::string_view from = kWindowFrom, std::string_view to = kWindowTo) {
    LineRecord l;
    l.number = static_cast<int>(r_.lines.size()) + 1;
    l.code = std::move(code);
    l.laterality = laterality;
    l.outcome = OutcomeFor(state);
    l.state = state;
    l.window_from = D(from);
    l.window_to = D(to);
    r_.lines.push_back(std::move(l));
    return *this;
  }

  // In Progress records get the S5 deadline from receipt unless one was set explicitly.
  CaseRecord Build() const {
    CaseRecord r = r_;
    if (deadline_set_) {
      r.deadline = deadline_;
    } else if (r.status == CaseStatus::kInProgress) {
      r.deadline = DeadlineFrom(r.received_at, r.urgent, r.pend_days);
    }
    return r;
  }

 private:
  static Outcome OutcomeFor(LineState s) {
    switch (s) {
      case LineState::kAwaitingNurse:
      case LineState::kAwaitingPhysician:
      case LineState::kDenied: return Outcome::kPended;
      case LineState::kApproved: return Outcome::kApproved;
      case LineState::kNotRequired: return Outcome::kNotRequired;
      case LineState::kNotificationOnly: return Outcome::kNotificationOnly;
      case LineState::kDeniedAdministrative: return Outcome::kDeniedAdministrative;
      case LineState::kRejected: return Outcome::kRejected;
    }
    return Outcome::kPended;
  }

  CaseRecord r_;
  std::optional<Timestamp> deadline_;
  bool deadline_set_ = false;
};

// Every field of two records, lines included; the failure names the first field that differs.
#define MSKC_LC_SAME(field)                                                     \
  if (!(a.field == b.field))                                                    \
    return ::testing::AssertionFailure() << "field `" #field "` differs" << where;

inline ::testing::AssertionResult SameLine(const LineRecord& a, const LineRecord& b,
                                           const std::string& where) {
  MSKC_LC_SAME(number)
  MSKC_LC_SAME(code)
  MSKC_LC_SAME(laterality)
  MSKC_LC_SAME(outcome)
  MSKC_LC_SAME(state)
  MSKC_LC_SAME(reason)
  MSKC_LC_SAME(window_from)
  MSKC_LC_SAME(window_to)
  return ::testing::AssertionSuccess();
}

inline ::testing::AssertionResult SameRecord(const CaseRecord& a, const CaseRecord& b) {
  const std::string where;
  MSKC_LC_SAME(order_number)
  MSKC_LC_SAME(case_id)
  MSKC_LC_SAME(member_id)
  MSKC_LC_SAME(plan)
  MSKC_LC_SAME(urgent)
  MSKC_LC_SAME(status)
  MSKC_LC_SAME(status_reason)
  MSKC_LC_SAME(received_at)
  MSKC_LC_SAME(deadline)
  MSKC_LC_SAME(pend_days)
  MSKC_LC_SAME(date_of_service)
  MSKC_LC_SAME(valid_from)
  MSKC_LC_SAME(expires_on)
  MSKC_LC_SAME(p2p)
  MSKC_LC_SAME(denied_at)
  MSKC_LC_SAME(denial)
  MSKC_LC_SAME(duplicate_of)
  MSKC_LC_SAME(ruleset_id)
  MSKC_LC_SAME(case_json)
  MSKC_LC_SAME(determination_json)
  MSKC_LC_SAME(latest_json)
  MSKC_LC_SAME(updated_at)
  if (a.lines.size() != b.lines.size())
    return ::testing::AssertionFailure() << "line counts differ: " << a.lines.size() << " vs "
                                         << b.lines.size();
  for (size_t i = 0; i < a.lines.size(); ++i) {
    ::testing::AssertionResult same =
        SameLine(a.lines[i], b.lines[i], " (line " + std::to_string(i + 1) + ")");
    if (!same) return same;
  }
  return ::testing::AssertionSuccess();
}
#undef MSKC_LC_SAME

inline ::testing::AssertionResult Done(const Step& step) {
  if (!step) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "refused with " << RefusalCodeName(step->code) << ": "
                                       << step->message;
}

inline ::testing::AssertionResult Refused(const Step& step, RefusalCode code) {
  if (!step) return ::testing::AssertionFailure() << "accepted, expected " << RefusalCodeName(code);
  if (step->code != code)
    return ::testing::AssertionFailure() << "refused with " << RefusalCodeName(step->code)
                                         << " (" << step->message << "), expected "
                                         << RefusalCodeName(code);
  if (step->message.empty()) return ::testing::AssertionFailure() << "refusal without a message";
  return ::testing::AssertionSuccess();
}

// A refused command: the expected code, the record exactly as before and no event.
#define EXPECT_REFUSED_UNCHANGED(call, code, record, events)               \
  do {                                                                     \
    const ::mskc::lifecycle::CaseRecord before_ = (record);                \
    const size_t events_before_ = (events).size();                         \
    EXPECT_TRUE(::mskc::lifecycle::testing::Refused((call), (code)));      \
    EXPECT_TRUE(::mskc::lifecycle::testing::SameRecord(before_, (record))); \
    EXPECT_EQ((events).size(), events_before_);                            \
  } while (false)

inline ReviewRequest Nurse(ReviewDecision d, std::optional<int> line = std::nullopt) {
  ReviewRequest q;
  q.role = Role::kNurse;
  q.decision = d;
  q.line = line;
  return q;
}

inline ReviewRequest Physician(ReviewDecision d, std::optional<int> line = std::nullopt) {
  ReviewRequest q;
  q.role = Role::kPhysician;
  q.decision = d;
  q.line = line;
  return q;
}

inline constexpr CaseStatus kAllStatuses[] = {
    CaseStatus::kAuthorized,          CaseStatus::kInProgress,
    CaseStatus::kCompleted,           CaseStatus::kNonAuthorized,
    CaseStatus::kMultipleDecisionsRendered, CaseStatus::kVoluntarilyCancelled,
    CaseStatus::kNotReviewedErrorEntry,     CaseStatus::kOtherImpact,
};

}  // namespace mskc::lifecycle::testing
