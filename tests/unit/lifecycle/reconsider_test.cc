// S3 reconsideration: within 10 calendar days (UTC dates) of a clinical or deadline denial,
// denied lines go back to a physician, status In Progress, with a new S5 deadline; day 11 →
// RECONSIDERATION_WINDOW_EXCEEDED; administrative denials are never reconsidered.
#include <gtest/gtest.h>

#include "runtime/lifecycle/lifecycle.h"
#include "tests/unit/lifecycle/record_builder.h"

namespace mskc::lifecycle {
namespace {

using testing::D;
using testing::Laterality;
using testing::Physician;
using testing::RecordBuilder;
using testing::T;

// A clinical denial by a physician at `at`, reached through Review.
CaseRecord ClinicallyDenied(std::string_view at) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingPhysician).P2p(PeerToPeer::kHeld).Build();
  Events events;
  EXPECT_TRUE(testing::Done(Review(r, Physician(ReviewDecision::kDeny), T(at), events)));
  EXPECT_EQ(r.status, CaseStatus::kNonAuthorized);
  EXPECT_EQ(r.denied_at, T(at));
  return r;
}

// A case closed at its deadline (received 2021-03-01T09:00Z + 14 days), ticked late.
CaseRecord ClosedAtDeadline() {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingNurse).Build();
  Events events;
  EXPECT_TRUE(ApplyDueDeadline(r, T("2021-03-20T00:00:00Z"), events));
  EXPECT_EQ(r.denied_at, T("2021-03-15T09:00:00Z"));
  return r;
}

TEST(ReconsiderClinical, DayTenAllowed) {
  CaseRecord r = ClinicallyDenied("2021-03-01T12:00:00Z");
  Events events;
  EXPECT_TRUE(testing::Done(Reconsider(r, T("2021-03-11T12:00:00Z"), events)));
  EXPECT_EQ(r.status, CaseStatus::kInProgress);
}

TEST(ReconsiderClinical, DayElevenRefused) {
  CaseRecord r = ClinicallyDenied("2021-03-01T12:00:00Z");
  Events events;
  EXPECT_REFUSED_UNCHANGED(Reconsider(r, T("2021-03-12T12:00:00Z"), events),
                           RefusalCode::kReconsiderationWindowExceeded, r, events);
}

TEST(ReconsiderClinical, CountsCalendarDatesNotHours) {
  // Denied at 23:59 on day 0: 00:01 on day 10 is 9 days and 2 minutes later, yet day 10.
  CaseRecord r = ClinicallyDenied("2021-03-01T23:59:00Z");
  Events events;
  EXPECT_TRUE(testing::Done(Reconsider(r, T("2021-03-11T00:01:00Z"), events)));
  CaseRecord r2 = ClinicallyDenied("2021-03-01T23:59:00Z");
  EXPECT_TRUE(testing::Done(Reconsider(r2, T("2021-03-11T23:59:59Z"), events)));
  // Day 11 at 00:00: refused, though only 10 days and 1 minute after the denial.
  CaseRecord r3 = ClinicallyDenied("2021-03-01T23:59:00Z");
  EXPECT_REFUSED_UNCHANGED(Reconsider(r3, T("2021-03-12T00:00:00Z"), events),
                           RefusalCode::kReconsiderationWindowExceeded, r3, events);
}

TEST(ReconsiderClinical, EarlyDenialLateDayTen) {
  // Denied at 00:00 on day 0; 23:59:59 on day 10 is almost 11 days later and still allowed.
  CaseRecord r = ClinicallyDenied("2021-03-01T00:00:00Z");
  Events events;
  EXPECT_TRUE(testing::Done(Reconsider(r, T("2021-03-11T23:59:59Z"), events)));
}

TEST(ReconsiderClinical, SameDayAllowed) {
  CaseRecord r = ClinicallyDenied("2021-03-01T12:00:00Z");
  Events events;
  EXPECT_TRUE(testing::Done(Reconsider(r, T("2021-03-01T12:00:00Z"), events)));
}

TEST(ReconsiderClinical, UsesUtcDatesOfOffsetInstants) {
  // 2021-03-11T20:00-05:00 is 2021-03-12T01:00Z: day 11 in UTC.
  CaseRecord r = ClinicallyDenied("2021-03-01T12:00:00Z");
  Events events;
  EXPECT_REFUSED_UNCHANGED(Reconsider(r, T("2021-03-11T20:00:00-05:00"), events),
                           RefusalCode::kReconsiderationWindowExceeded, r, events);
}

TEST(ReconsiderDeadline, CountedFromTheDeadlineDate) {
  CaseRecord ok = ClosedAtDeadline();
  Events events;
  EXPECT_TRUE(testing::Done(Reconsider(ok, T("2021-03-25T23:59:00Z"), events)));
  EXPECT_EQ(ok.status, CaseStatus::kInProgress);
  CaseRecord late = ClosedAtDeadline();
  EXPECT_REFUSED_UNCHANGED(Reconsider(late, T("2021-03-26T00:00:00Z"), events),
                           RefusalCode::kReconsiderationWindowExceeded, late, events);
}

TEST(ReconsiderDeadline, ClearsTheInfoNotProvidedReason) {
  CaseRecord r = ClosedAtDeadline();
  Events events;
  ASSERT_TRUE(testing::Done(Reconsider(r, T("2021-03-20T10:00:00Z"), events)));
  EXPECT_FALSE(r.status_reason);
  EXPECT_EQ(r.lines[0].state, LineState::kAwaitingPhysician);
  EXPECT_FALSE(r.lines[0].reason);
  EXPECT_FALSE(r.denied_at);
  EXPECT_EQ(r.denial, DenialKind::kNone);
}

TEST(ReconsiderRefused, AdministrativeDenialIsIllegal) {
  CaseRecord r = RecordBuilder()
                     .Status(CaseStatus::kNonAuthorized)
                     .Line(LineState::kDeniedAdministrative)
                     .Denied(T("2021-03-01T09:00:00Z"), DenialKind::kAdministrative)
                     .Build();
  Events events;
  EXPECT_REFUSED_UNCHANGED(Reconsider(r, T("2021-03-02T09:00:00Z"), events),
                           RefusalCode::kIllegalTransition, r, events);
}

TEST(ReconsiderRefused, FromAuthorizedIsIllegal) {
  CaseRecord r = RecordBuilder()
                     .Status(CaseStatus::kAuthorized)
                     .Line(LineState::kApproved)
                     .CaseWindow(D("2021-03-01"), D("2021-04-29"))
                     .Build();
  Events events;
  EXPECT_REFUSED_UNCHANGED(Reconsider(r, T("2021-03-02T09:00:00Z"), events),
                           RefusalCode::kIllegalTransition, r, events);
}

TEST(ReconsiderRefused, NonAuthorizedWithoutARecordedDenialIsIllegal) {
  CaseRecord r =
      RecordBuilder().Status(CaseStatus::kNonAuthorized).Line(LineState::kDenied).Build();
  Events events;
  EXPECT_REFUSED_UNCHANGED(Reconsider(r, T("2021-03-02T09:00:00Z"), events),
                           RefusalCode::kIllegalTransition, r, events);
}

TEST(ReconsiderEffect, DeniedLinesAwaitAPhysicianWithANewDeadline) {
  CaseRecord r = ClinicallyDenied("2021-03-01T12:00:00Z");
  Events events;
  Timestamp now = T("2021-03-05T08:30:00Z");
  ASSERT_TRUE(testing::Done(Reconsider(r, now, events)));
  EXPECT_EQ(r.status, CaseStatus::kInProgress);
  EXPECT_EQ(r.lines[0].state, LineState::kAwaitingPhysician);
  EXPECT_EQ(r.deadline, T("2021-03-19T08:30:00Z"));  // now + 14 days, not receipt + 14
  EXPECT_FALSE(r.denied_at);
  EXPECT_EQ(r.denial, DenialKind::kNone);
  EXPECT_EQ(r.updated_at, now);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event, "reconsider");
  EXPECT_EQ(events[0].actor, Role::kProvider);
  EXPECT_EQ(events[0].at, now);
  EXPECT_EQ(events[0].from, CaseStatus::kNonAuthorized);
  EXPECT_EQ(events[0].to, CaseStatus::kInProgress);
}

TEST(ReconsiderEffect, UrgentNewDeadlineIs72HoursFromNow) {
  CaseRecord r =
      RecordBuilder().Urgent().Line(LineState::kAwaitingPhysician).P2p(PeerToPeer::kHeld).Build();
  Events events;
  ASSERT_TRUE(testing::Done(
      Review(r, Physician(ReviewDecision::kDeny), T("2021-03-02T10:00:00Z"), events)));
  ASSERT_TRUE(testing::Done(Reconsider(r, T("2021-03-04T10:00:00Z"), events)));
  EXPECT_EQ(r.deadline, T("2021-03-07T10:00:00Z"));
  // The new deadline is live: a tick at it closes the case again, denied at the new deadline.
  EXPECT_FALSE(ApplyDueDeadline(r, T("2021-03-07T09:59:59Z"), events));
  EXPECT_TRUE(ApplyDueDeadline(r, T("2021-03-07T10:00:00Z"), events));
  EXPECT_EQ(r.denied_at, T("2021-03-07T10:00:00Z"));
  EXPECT_EQ(r.denial, DenialKind::kDeadline);
}

TEST(ReconsiderEffect, FromMdrOnlyDeniedLinesReopen) {
  CaseRecord r = RecordBuilder()
                     .Line(LineState::kAwaitingPhysician, "63030", Laterality::kNone,
                           "2021-03-01", "2021-04-29")
                     .Line(LineState::kAwaitingPhysician, "64483", Laterality::kLeft,
                           "2021-03-01", "2021-03-12")
                     .Line(LineState::kNotRequired, "99999")
                     .P2p(PeerToPeer::kOffered)
                     .Build();
  Events events;
  ASSERT_TRUE(testing::Done(
      Review(r, Physician(ReviewDecision::kApprove, 1), T("2021-03-02T10:00:00Z"), events)));
  ASSERT_TRUE(testing::Done(
      Review(r, Physician(ReviewDecision::kDeny, 2), T("2021-03-02T11:00:00Z"), events)));
  ASSERT_EQ(r.status, CaseStatus::kMultipleDecisionsRendered);
  ASSERT_TRUE(testing::Done(Reconsider(r, T("2021-03-12T09:00:00Z"), events)));
  EXPECT_EQ(r.status, CaseStatus::kInProgress);
  EXPECT_EQ(r.lines[0].state, LineState::kApproved);
  EXPECT_EQ(r.lines[1].state, LineState::kAwaitingPhysician);
  EXPECT_EQ(r.lines[2].state, LineState::kNotRequired);
  EXPECT_EQ(events.back().from, CaseStatus::kMultipleDecisionsRendered);
  // The physician overturns: every line settled, all approved → Authorized.
  ASSERT_TRUE(testing::Done(
      Review(r, Physician(ReviewDecision::kApprove), T("2021-03-13T09:00:00Z"), events)));
  EXPECT_EQ(r.status, CaseStatus::kAuthorized);
  EXPECT_EQ(r.expires_on, D("2021-03-12"));
}

TEST(ReconsiderEffect, MdrDayElevenRefused) {
  CaseRecord r = RecordBuilder()
                     .Line(LineState::kApproved)
                     .Line(LineState::kAwaitingPhysician, "64483")
                     .P2p(PeerToPeer::kOffered)
                     .Build();
  Events events;
  ASSERT_TRUE(testing::Done(
      Review(r, Physician(ReviewDecision::kDeny, 2), T("2021-03-02T11:00:00Z"), events)));
  ASSERT_EQ(r.status, CaseStatus::kMultipleDecisionsRendered);
  EXPECT_REFUSED_UNCHANGED(Reconsider(r, T("2021-03-13T00:00:00Z"), events),
                           RefusalCode::kReconsiderationWindowExceeded, r, events);
}

}  // namespace
}  // namespace mskc::lifecycle
