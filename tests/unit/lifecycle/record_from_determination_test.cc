// A new record from the determination made at submit (status per outcome, line states, windows,
// S5 deadline only while In Progress, administrative denial), and `update`: re-evaluation of the
// awaiting lines.
#include <gtest/gtest.h>

#include "runtime/determination/determination.h"
#include "runtime/lifecycle/lifecycle.h"
#include "tests/unit/lifecycle/record_builder.h"

namespace mskc::lifecycle {
namespace {

using determination::Determination;
using determination::LineResult;
using determination::Review;
using testing::D;
using testing::Laterality;
using testing::RecordBuilder;
using testing::T;

const char* const kSubmit = "2021-03-01T09:00:00Z";

cases::Case MakeCase(std::vector<Laterality> lateralities, bool urgent = false) {
  cases::Case c;
  c.case_id = "REQ-7";
  c.health_plan = "IBX";
  c.member.id = "M-1001";
  c.urgent = urgent;
  c.submitted_on = D("2021-03-01");
  c.date_of_service = D("2021-03-01");
  for (size_t i = 0; i < lateralities.size(); ++i) {
    cases::ProcedureLine p;
    p.code = "6303" + std::to_string(i);
    p.laterality = lateralities[i];
    c.procedures.push_back(p);
  }
  return c;
}

LineResult Approved(std::string code, std::string_view from, std::string_view to) {
  LineResult l;
  l.code = std::move(code);
  l.outcome = Outcome::kApproved;
  l.valid_from = D(from);
  l.expires_on = D(to);
  l.window_from = D(from);
  l.window_to = D(to);
  return l;
}

LineResult Pended(std::string code, Review review, std::string_view from = "2021-03-01",
                  std::string_view to = "2021-04-29") {
  LineResult l;
  l.code = std::move(code);
  l.outcome = Outcome::kPended;
  l.review = review;
  l.window_from = D(from);
  l.window_to = D(to);
  return l;
}

LineResult Other(std::string code, Outcome outcome) {
  LineResult l;
  l.code = std::move(code);
  l.outcome = outcome;
  return l;
}

Determination MakeDetermination(Outcome outcome, std::vector<LineResult> lines) {
  Determination d;
  d.case_id = "REQ-7";
  d.outcome = outcome;
  d.status = determination::StatusFor(outcome);
  d.lines = std::move(lines);
  return d;
}

TEST(RecordFromDetermination, ApprovedIsAuthorizedWithItsWindowAndNoDeadline) {
  Determination d =
      MakeDetermination(Outcome::kApproved, {Approved("63030", "2021-03-01", "2021-04-29")});
  d.valid_from = D("2021-03-01");
  d.expires_on = D("2021-04-29");
  CaseRecord r = RecordFromDetermination(d, MakeCase({Laterality::kLeft}), 14, T(kSubmit));
  EXPECT_EQ(r.status, CaseStatus::kAuthorized);
  EXPECT_FALSE(r.deadline);
  EXPECT_EQ(r.valid_from, D("2021-03-01"));
  EXPECT_EQ(r.expires_on, D("2021-04-29"));
  ASSERT_EQ(r.lines.size(), 1u);
  EXPECT_EQ(r.lines[0].number, 1);
  EXPECT_EQ(r.lines[0].code, "63030");
  EXPECT_EQ(r.lines[0].state, LineState::kApproved);
  EXPECT_EQ(r.lines[0].outcome, Outcome::kApproved);
  EXPECT_EQ(r.lines[0].laterality, Laterality::kLeft);
  EXPECT_EQ(r.lines[0].window_from, D("2021-03-01"));
  EXPECT_EQ(r.lines[0].window_to, D("2021-04-29"));
  EXPECT_FALSE(r.lines[0].reason);
  EXPECT_EQ(r.denial, DenialKind::kNone);
  EXPECT_FALSE(r.denied_at);
}

TEST(RecordFromDetermination, CopiesCaseFields) {
  Determination d = MakeDetermination(Outcome::kPended, {Pended("63030", Review::kNurse)});
  cases::Case c = MakeCase({Laterality::kNone}, /*urgent=*/true);
  c.date_of_service = D("2021-02-26");
  c.performed_on = D("2021-02-25");  // retrospective: the effective date of service
  CaseRecord r = RecordFromDetermination(d, c, 21, T(kSubmit));
  EXPECT_EQ(r.case_id, "REQ-7");
  EXPECT_EQ(r.member_id, "M-1001");
  EXPECT_EQ(r.plan, "IBX");
  EXPECT_TRUE(r.urgent);
  EXPECT_EQ(r.pend_days, 21);
  EXPECT_EQ(r.received_at, T(kSubmit));
  EXPECT_EQ(r.updated_at, T(kSubmit));
  EXPECT_EQ(r.date_of_service, D("2021-02-25"));
  EXPECT_EQ(r.p2p, PeerToPeer::kNone);
  EXPECT_FALSE(r.status_reason);
}

TEST(RecordFromDetermination, PendedNurseIsInProgressWithThePlansDeadline) {
  Determination d = MakeDetermination(Outcome::kPended, {Pended("63030", Review::kNurse)});
  d.review = Review::kNurse;
  CaseRecord r = RecordFromDetermination(d, MakeCase({Laterality::kNone}), 14, T(kSubmit));
  EXPECT_EQ(r.status, CaseStatus::kInProgress);
  EXPECT_EQ(r.lines[0].state, LineState::kAwaitingNurse);
  EXPECT_EQ(r.deadline, T("2021-03-15T09:00:00Z"));
  // The would-get window is kept on the pended line (S4), not as the case window.
  EXPECT_EQ(r.lines[0].window_from, D("2021-03-01"));
  EXPECT_EQ(r.lines[0].window_to, D("2021-04-29"));
  EXPECT_FALSE(r.valid_from);
  CaseRecord ten = RecordFromDetermination(d, MakeCase({Laterality::kNone}), 10, T(kSubmit));
  EXPECT_EQ(ten.deadline, T("2021-03-11T09:00:00Z"));
}

TEST(RecordFromDetermination, UrgentPendedDeadlineIs72Hours) {
  Determination d = MakeDetermination(Outcome::kPended, {Pended("63030", Review::kNurse)});
  CaseRecord r =
      RecordFromDetermination(d, MakeCase({Laterality::kNone}, true), 14, T(kSubmit));
  EXPECT_EQ(r.deadline, T("2021-03-04T09:00:00Z"));
}

TEST(RecordFromDetermination, PendedForAPhysicianAwaitsAPhysician) {
  Determination d = MakeDetermination(
      Outcome::kPended, {Approved("64483", "2021-03-01", "2021-03-12"),
                         Pended("63030", Review::kPhysician)});
  d.review = Review::kPhysician;
  CaseRecord r = RecordFromDetermination(
      d, MakeCase({Laterality::kRight, Laterality::kBilateral}), 14, T(kSubmit));
  EXPECT_EQ(r.status, CaseStatus::kInProgress);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0].state, LineState::kApproved);
  EXPECT_EQ(r.lines[1].state, LineState::kAwaitingPhysician);
  EXPECT_EQ(r.lines[1].number, 2);
  EXPECT_EQ(r.lines[1].laterality, Laterality::kBilateral);
  EXPECT_TRUE(r.deadline);
}

TEST(RecordFromDetermination, NotificationOnlyIsCompletedWithoutDeadline) {
  Determination d = MakeDetermination(Outcome::kNotificationOnly,
                                      {Approved("62322", "2021-03-01", "2021-03-12")});
  d.lines[0].outcome = Outcome::kNotificationOnly;
  d.valid_from = D("2021-03-01");
  d.expires_on = D("2021-03-12");
  CaseRecord r = RecordFromDetermination(d, MakeCase({Laterality::kNone}), 14, T(kSubmit));
  EXPECT_EQ(r.status, CaseStatus::kCompleted);
  EXPECT_EQ(r.lines[0].state, LineState::kNotificationOnly);
  EXPECT_FALSE(r.deadline);
  EXPECT_EQ(r.expires_on, D("2021-03-12"));
}

TEST(RecordFromDetermination, NotRequiredIsCompletedWithoutDeadline) {
  Determination d =
      MakeDetermination(Outcome::kNotRequired, {Other("99999", Outcome::kNotRequired)});
  CaseRecord r = RecordFromDetermination(d, MakeCase({Laterality::kNone}), 14, T(kSubmit));
  EXPECT_EQ(r.status, CaseStatus::kCompleted);
  EXPECT_EQ(r.lines[0].state, LineState::kNotRequired);
  EXPECT_FALSE(r.deadline);
  EXPECT_FALSE(r.lines[0].window_from);
  EXPECT_FALSE(r.valid_from);
}

TEST(RecordFromDetermination, AdministrativeDenialIsRecorded) {
  Determination d = MakeDetermination(
      Outcome::kDeniedAdministrative, {Other("63030", Outcome::kDeniedAdministrative),
                                       Other("63047", Outcome::kDeniedAdministrative)});
  CaseRecord r = RecordFromDetermination(d, MakeCase({Laterality::kNone, Laterality::kNone}), 14,
                                         T(kSubmit));
  EXPECT_EQ(r.status, CaseStatus::kNonAuthorized);
  EXPECT_EQ(r.lines[0].state, LineState::kDeniedAdministrative);
  EXPECT_EQ(r.lines[1].state, LineState::kDeniedAdministrative);
  EXPECT_EQ(r.denied_at, T(kSubmit));
  EXPECT_EQ(r.denial, DenialKind::kAdministrative);
  EXPECT_FALSE(r.deadline);
  // ... and so it is never reconsidered.
  Events events;
  EXPECT_REFUSED_UNCHANGED(Reconsider(r, T("2021-03-02T09:00:00Z"), events),
                           RefusalCode::kIllegalTransition, r, events);
}

TEST(RecordFromDetermination, RejectedIsNotReviewedErrorEntry) {
  Determination d = MakeDetermination(Outcome::kRejected, {Other("63030", Outcome::kRejected)});
  CaseRecord r = RecordFromDetermination(d, MakeCase({Laterality::kNone}), 14, T(kSubmit));
  EXPECT_EQ(r.status, CaseStatus::kNotReviewedErrorEntry);
  EXPECT_EQ(r.lines[0].state, LineState::kRejected);
  EXPECT_FALSE(r.deadline);
  EXPECT_EQ(r.denial, DenialKind::kNone);
  EXPECT_FALSE(r.denied_at);
}

// --- update: ApplyReevaluation ---------------------------------------------------------------

TEST(ApplyReevaluation, NowApprovedEverywhereIsAuthorized) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingNurse).Build();
  ASSERT_TRUE(testing::Done(CheckUpdatable(r)));
  Determination d =
      MakeDetermination(Outcome::kApproved, {Approved("63030", "2021-03-05", "2021-05-03")});
  Events events;
  Timestamp now = T("2021-03-05T10:00:00Z");
  ApplyReevaluation(r, d, now, events);
  EXPECT_EQ(r.lines[0].state, LineState::kApproved);
  EXPECT_EQ(r.lines[0].outcome, Outcome::kApproved);
  EXPECT_EQ(r.lines[0].window_from, D("2021-03-05"));
  EXPECT_EQ(r.lines[0].window_to, D("2021-05-03"));
  EXPECT_EQ(r.status, CaseStatus::kAuthorized);
  EXPECT_EQ(r.valid_from, D("2021-03-05"));
  EXPECT_EQ(r.expires_on, D("2021-05-03"));
  EXPECT_FALSE(r.deadline);
  EXPECT_EQ(r.updated_at, now);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event, "update");
  EXPECT_EQ(events[0].at, now);
  EXPECT_EQ(events[0].from, CaseStatus::kInProgress);
  EXPECT_EQ(events[0].to, CaseStatus::kAuthorized);
}

TEST(ApplyReevaluation, StillPendedStaysInProgressWithItsDeadline) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingNurse).Build();
  const std::optional<Timestamp> deadline = r.deadline;
  Determination d = MakeDetermination(Outcome::kPended, {Pended("63030", Review::kNurse)});
  Events events;
  ApplyReevaluation(r, d, T("2021-03-05T10:00:00Z"), events);
  EXPECT_EQ(r.status, CaseStatus::kInProgress);
  EXPECT_EQ(r.lines[0].state, LineState::kAwaitingNurse);
  EXPECT_EQ(r.deadline, deadline);  // information arriving does not restart the clock
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].from, CaseStatus::kInProgress);
  EXPECT_EQ(events[0].to, CaseStatus::kInProgress);
}

TEST(ApplyReevaluation, OneOfTwoApprovedStaysInProgress) {
  CaseRecord r = RecordBuilder()
                     .Line(LineState::kAwaitingNurse)
                     .Line(LineState::kAwaitingNurse, "63047")
                     .Build();
  Determination d = MakeDetermination(
      Outcome::kPended,
      {Approved("63030", "2021-03-01", "2021-04-29"), Pended("63047", Review::kNurse)});
  Events events;
  ApplyReevaluation(r, d, T("2021-03-05T10:00:00Z"), events);
  EXPECT_EQ(r.lines[0].state, LineState::kApproved);
  EXPECT_EQ(r.lines[1].state, LineState::kAwaitingNurse);
  EXPECT_EQ(r.status, CaseStatus::kInProgress);
  EXPECT_FALSE(r.valid_from);
}

TEST(ApplyReevaluation, EscalatedLineStaysWithThePhysician) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingNurse).Build();
  Events events;
  ASSERT_TRUE(testing::Done(lifecycle::Review(r, testing::Nurse(ReviewDecision::kEscalate),
                                   T("2021-03-02T10:00:00Z"), events)));
  Determination d = MakeDetermination(Outcome::kPended, {Pended("63030", Review::kNurse)});
  ApplyReevaluation(r, d, T("2021-03-05T10:00:00Z"), events);
  EXPECT_EQ(r.lines[0].state, LineState::kAwaitingPhysician);
  EXPECT_EQ(r.status, CaseStatus::kInProgress);
}

TEST(ApplyReevaluation, NurseLineNowNeedingAPhysicianMovesToThePhysician) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingNurse).Build();
  Determination d = MakeDetermination(Outcome::kPended, {Pended("63030", Review::kPhysician)});
  Events events;
  ApplyReevaluation(r, d, T("2021-03-05T10:00:00Z"), events);
  EXPECT_EQ(r.lines[0].state, LineState::kAwaitingPhysician);
}

TEST(ApplyReevaluation, ReviewerDecisionsStand) {
  // A line a nurse approved stays approved even if the re-evaluation pends it again.
  CaseRecord r = RecordBuilder()
                     .Line(LineState::kApproved)
                     .Line(LineState::kAwaitingNurse, "63047")
                     .Build();
  Determination d = MakeDetermination(
      Outcome::kPended,
      {Pended("63030", Review::kNurse), Approved("63047", "2021-03-01", "2021-04-29")});
  Events events;
  ApplyReevaluation(r, d, T("2021-03-05T10:00:00Z"), events);
  EXPECT_EQ(r.lines[0].state, LineState::kApproved);
  EXPECT_EQ(r.lines[1].state, LineState::kApproved);
  EXPECT_EQ(r.status, CaseStatus::kAuthorized);
}

TEST(ApplyReevaluation, EscalatedLineNowMeetingCriteriaIsApproved) {
  // "Authorized if every line is now approved": met criteria approve even an escalated line.
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingPhysician).Build();
  Determination d =
      MakeDetermination(Outcome::kApproved, {Approved("63030", "2021-03-01", "2021-04-29")});
  Events events;
  ApplyReevaluation(r, d, T("2021-03-05T10:00:00Z"), events);
  EXPECT_EQ(r.lines[0].state, LineState::kApproved);
  EXPECT_EQ(r.status, CaseStatus::kAuthorized);
}

TEST(ApplyReevaluation, LastAwaitingLineApprovedNextToADenialSettlesAsMdr) {
  // The update row reads "Authorized if every line is now approved, else In Progress"; with a
  // line a physician already denied and nothing left awaiting review, the record takes the
  // settled status (MDR) instead of an In Progress case nobody could review any more.
  CaseRecord r = RecordBuilder()
                     .Line(LineState::kAwaitingPhysician)
                     .Line(LineState::kAwaitingNurse, "63047")
                     .P2p(PeerToPeer::kOffered)
                     .Build();
  Events events;
  ASSERT_TRUE(testing::Done(lifecycle::Review(r, testing::Physician(ReviewDecision::kDeny, 1),
                                              T("2021-03-02T10:00:00Z"), events)));
  ASSERT_EQ(r.status, CaseStatus::kInProgress);
  Determination d = MakeDetermination(
      Outcome::kPended,
      {Pended("63030", Review::kNurse), Approved("63047", "2021-03-01", "2021-04-29")});
  Timestamp now = T("2021-03-05T10:00:00Z");
  ApplyReevaluation(r, d, now, events);
  EXPECT_EQ(r.lines[0].state, LineState::kDenied);
  EXPECT_EQ(r.lines[1].state, LineState::kApproved);
  EXPECT_EQ(r.status, CaseStatus::kMultipleDecisionsRendered);
  EXPECT_EQ(r.denied_at, now);
  EXPECT_EQ(r.denial, DenialKind::kClinical);
  EXPECT_EQ(r.expires_on, D("2021-04-29"));
  EXPECT_FALSE(r.deadline);
}

TEST(CheckUpdatable, OnlyInProgress) {
  for (CaseStatus s : testing::kAllStatuses) {
    CaseRecord r = RecordBuilder().Status(s).Line(LineState::kAwaitingNurse).Build();
    if (s == CaseStatus::kInProgress) {
      EXPECT_TRUE(testing::Done(CheckUpdatable(r)));
    } else {
      EXPECT_TRUE(testing::Refused(CheckUpdatable(r), RefusalCode::kIllegalTransition))
          << determination::CaseStatusName(s);
    }
  }
}

}  // namespace
}  // namespace mskc::lifecycle
