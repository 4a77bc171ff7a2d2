// S5 pend deadlines: 72 hours for urgent requests, the plan's calendar days otherwise; a case is
// closed when now >= deadline, its awaiting lines denied with INFO_NOT_PROVIDED, status
// Non-Authorized, denied at the deadline, by the system.
#include <gtest/gtest.h>

#include "runtime/lifecycle/lifecycle.h"
#include "tests/unit/lifecycle/record_builder.h"

namespace mskc::lifecycle {
namespace {

using testing::D;
using testing::RecordBuilder;
using testing::T;

TEST(DeadlineFrom, UrgentIsExactly72Hours) {
  Timestamp start = T("2021-03-01T09:30:15Z");
  EXPECT_EQ(DeadlineFrom(start, true, 14).ToString(), "2021-03-04T09:30:15Z");
  EXPECT_EQ(DeadlineFrom(start, true, 14).seconds() - start.seconds(), 72 * 3600);
  // The plan's days play no part for an urgent request.
  EXPECT_EQ(DeadlineFrom(start, true, 30), DeadlineFrom(start, true, 14));
}

TEST(DeadlineFrom, NonUrgentIsThePlansCalendarDays) {
  Timestamp start = T("2021-03-01T09:30:15Z");
  EXPECT_EQ(DeadlineFrom(start, false, 14).ToString(), "2021-03-15T09:30:15Z");
  EXPECT_EQ(DeadlineFrom(start, false, 5).ToString(), "2021-03-06T09:30:15Z");
  EXPECT_EQ(DeadlineFrom(start, false, 30).ToString(), "2021-03-31T09:30:15Z");
}

TEST(ApplyDueDeadline, UrgentOneSecondBeforeStaysOpen) {
  CaseRecord r = RecordBuilder().Urgent().Line(LineState::kAwaitingNurse).Build();
  ASSERT_EQ(r.deadline, T("2021-03-04T09:00:00Z"));
  const CaseRecord before = r;
  Events events;
  EXPECT_FALSE(ApplyDueDeadline(r, T("2021-03-04T08:59:59Z"), events));
  EXPECT_TRUE(testing::SameRecord(before, r));
  EXPECT_TRUE(events.empty());
}

TEST(ApplyDueDeadline, UrgentClosesExactlyAtTheDeadline) {
  CaseRecord r = RecordBuilder().Urgent().Line(LineState::kAwaitingNurse).Build();
  Events events;
  Timestamp now = T("2021-03-04T09:00:00Z");
  ASSERT_TRUE(ApplyDueDeadline(r, now, events));
  EXPECT_EQ(r.status, CaseStatus::kNonAuthorized);
  EXPECT_EQ(r.status_reason, ReasonCode::kInfoNotProvided);
  EXPECT_EQ(r.lines[0].state, LineState::kDenied);
  EXPECT_EQ(r.lines[0].reason, ReasonCode::kInfoNotProvided);
  EXPECT_EQ(r.denied_at, now);
  EXPECT_EQ(r.denial, DenialKind::kDeadline);
  EXPECT_FALSE(r.deadline);
  EXPECT_FALSE(r.valid_from);
  EXPECT_FALSE(r.expires_on);
}

TEST(ApplyDueDeadline, NonUrgentFourteenDaysBoundary) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingNurse).Build();
  ASSERT_EQ(r.deadline, T("2021-03-15T09:00:00Z"));
  Events events;
  EXPECT_FALSE(ApplyDueDeadline(r, T("2021-03-15T08:59:59Z"), events));
  EXPECT_EQ(r.status, CaseStatus::kInProgress);
  EXPECT_TRUE(ApplyDueDeadline(r, T("2021-03-15T09:00:00Z"), events));
  EXPECT_EQ(r.status, CaseStatus::kNonAuthorized);
}

TEST(ApplyDueDeadline, NonUrgentOtherPlanDays) {
  CaseRecord r = RecordBuilder().PendDays(5).Line(LineState::kAwaitingPhysician).Build();
  ASSERT_EQ(r.deadline, T("2021-03-06T09:00:00Z"));
  Events events;
  EXPECT_FALSE(ApplyDueDeadline(r, T("2021-03-06T08:59:59Z"), events));
  EXPECT_TRUE(ApplyDueDeadline(r, T("2021-03-06T09:00:00Z"), events));
  EXPECT_EQ(r.lines[0].state, LineState::kDenied);
}

TEST(ApplyDueDeadline, LateTickDeniesAtTheDeadlineNotAtNow) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingNurse).Build();
  Events events;
  Timestamp now = T("2021-04-20T12:00:00Z");
  ASSERT_TRUE(ApplyDueDeadline(r, now, events));
  EXPECT_EQ(r.denied_at, T("2021-03-15T09:00:00Z"));
  EXPECT_EQ(r.updated_at, now);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].at, T("2021-03-15T09:00:00Z"));
}

TEST(ApplyDueDeadline, AppendsOneSystemEvent) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingNurse).Build();
  Events events;
  ASSERT_TRUE(ApplyDueDeadline(r, T("2021-03-16T00:00:00Z"), events));
  ASSERT_EQ(events.size(), 1u);
  const AuditEvent& e = events[0];
  EXPECT_EQ(e.order_number, 42);
  EXPECT_EQ(e.actor, Role::kSystem);
  EXPECT_EQ(e.from, CaseStatus::kInProgress);
  EXPECT_EQ(e.to, CaseStatus::kNonAuthorized);
  EXPECT_EQ(e.reason, ReasonCode::kInfoNotProvided);
  EXPECT_FALSE(e.line);
  EXPECT_FALSE(e.event.empty());
}

TEST(ApplyDueDeadline, DeniesOnlyAwaitingLines) {
  CaseRecord r = RecordBuilder()
                     .Line(LineState::kApproved, "27447", testing::Laterality::kLeft,
                           "2021-03-01", "2021-04-29")
                     .Line(LineState::kAwaitingNurse, "29881")
                     .Line(LineState::kAwaitingPhysician, "29880")
                     .Build();
  Events events;
  ASSERT_TRUE(ApplyDueDeadline(r, T("2021-03-15T09:00:00Z"), events));
  EXPECT_EQ(r.lines[0].state, LineState::kApproved);
  EXPECT_FALSE(r.lines[0].reason);
  EXPECT_EQ(r.lines[1].state, LineState::kDenied);
  EXPECT_EQ(r.lines[1].reason, ReasonCode::kInfoNotProvided);
  EXPECT_EQ(r.lines[2].state, LineState::kDenied);
  EXPECT_EQ(r.lines[2].reason, ReasonCode::kInfoNotProvided);
  // The tick row of the table: Non-Authorized, INFO_NOT_PROVIDED, whatever else the lines hold.
  EXPECT_EQ(r.status, CaseStatus::kNonAuthorized);
  EXPECT_EQ(r.status_reason, ReasonCode::kInfoNotProvided);
}

TEST(ApplyDueDeadline, LinesNotAwaitingKeepTheirState) {
  CaseRecord r = RecordBuilder()
                     .Line(LineState::kNotRequired, "99999")
                     .Line(LineState::kDenied, "63030")
                     .Line(LineState::kAwaitingNurse, "63047")
                     .Build();
  Events events;
  ASSERT_TRUE(ApplyDueDeadline(r, T("2021-03-15T09:00:00Z"), events));
  EXPECT_EQ(r.lines[0].state, LineState::kNotRequired);
  EXPECT_FALSE(r.lines[0].reason);
  EXPECT_EQ(r.lines[1].state, LineState::kDenied);
  EXPECT_FALSE(r.lines[1].reason);  // a physician's denial, not a deadline one
  EXPECT_EQ(r.lines[2].reason, ReasonCode::kInfoNotProvided);
}

TEST(ApplyDueDeadline, NotAppliedToOtherStatusesEvenWithADeadlineSet) {
  for (CaseStatus s : {CaseStatus::kAuthorized, CaseStatus::kCompleted,
                       CaseStatus::kNonAuthorized, CaseStatus::kMultipleDecisionsRendered,
                       CaseStatus::kVoluntarilyCancelled, CaseStatus::kNotReviewedErrorEntry,
                       CaseStatus::kOtherImpact}) {
    CaseRecord r = RecordBuilder()
                       .Status(s)
                       .Line(LineState::kAwaitingNurse)
                       .Deadline(T("2021-03-15T09:00:00Z"))
                       .Build();
    const CaseRecord before = r;
    Events events;
    EXPECT_FALSE(ApplyDueDeadline(r, T("2022-01-01T00:00:00Z"), events))
        << determination::CaseStatusName(s);
    EXPECT_TRUE(testing::SameRecord(before, r));
    EXPECT_TRUE(events.empty());
  }
}

TEST(ApplyDueDeadline, InProgressWithoutDeadlineStaysOpen) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingNurse).Deadline(std::nullopt).Build();
  const CaseRecord before = r;
  Events events;
  EXPECT_FALSE(ApplyDueDeadline(r, T("2030-01-01T00:00:00Z"), events));
  EXPECT_TRUE(testing::SameRecord(before, r));
  EXPECT_TRUE(events.empty());
}

TEST(ApplyDueDeadline, SecondApplicationDoesNothing) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingNurse).Build();
  Events events;
  ASSERT_TRUE(ApplyDueDeadline(r, T("2021-03-16T00:00:00Z"), events));
  const CaseRecord after = r;
  EXPECT_FALSE(ApplyDueDeadline(r, T("2021-03-17T00:00:00Z"), events));
  EXPECT_TRUE(testing::SameRecord(after, r));
  EXPECT_EQ(events.size(), 1u);
}

TEST(ApplyDueDeadline, ReviewedCaseHasNoDeadlineLeft) {
  // Settling by review clears the deadline: a later tick finds nothing to close.
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingNurse).Build();
  Events events;
  ASSERT_TRUE(testing::Done(
      Review(r, testing::Nurse(ReviewDecision::kApprove), T("2021-03-02T10:00:00Z"), events)));
  EXPECT_EQ(r.status, CaseStatus::kAuthorized);
  EXPECT_FALSE(r.deadline);
  EXPECT_FALSE(ApplyDueDeadline(r, T("2021-03-20T00:00:00Z"), events));
  EXPECT_EQ(r.status, CaseStatus::kAuthorized);
  EXPECT_EQ(r.valid_from, D("2021-03-01"));
}

}  // namespace
}  // namespace mskc::lifecycle
