// Where a review leaves the case once no line awaits review: every line approved (or not
// required / notification only) → Authorized with the window that ends first; every reviewed
// line denied → Non-Authorized; else Multiple Decisions Rendered.
#include <gtest/gtest.h>

#include "runtime/lifecycle/lifecycle.h"
#include "tests/unit/lifecycle/record_builder.h"

namespace mskc::lifecycle {
namespace {

using testing::D;
using testing::Laterality;
using testing::Nurse;
using testing::Physician;
using testing::RecordBuilder;
using testing::T;

const char* const kNow = "2021-03-02T10:00:00Z";

TEST(ReviewSettles, AllApprovedIsAuthorizedWithTheWindowEndingFirst) {
  // Line 2 is pain management (10 business days: 2021-03-01..2021-03-12); line 1 surgery (60 days).
  CaseRecord r = RecordBuilder()
                     .Line(LineState::kApproved, "63030", Laterality::kNone, "2021-03-01",
                           "2021-04-29")
                     .Line(LineState::kAwaitingNurse, "64483", Laterality::kLeft, "2021-03-01",
                           "2021-03-12")
                     .Build();
  Events events;
  ASSERT_TRUE(testing::Done(Review(r, Nurse(ReviewDecision::kApprove, 2), T(kNow), events)));
  EXPECT_EQ(r.status, CaseStatus::kAuthorized);
  EXPECT_EQ(r.valid_from, D("2021-03-01"));
  EXPECT_EQ(r.expires_on, D("2021-03-12"));
  EXPECT_FALSE(r.deadline);
  EXPECT_FALSE(r.denied_at);
  EXPECT_EQ(r.denial, DenialKind::kNone);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].to, CaseStatus::kAuthorized);
  EXPECT_EQ(events[0].line, 2);
}

TEST(ReviewSettles, WindowEndingFirstWhateverTheLineOrder) {
  CaseRecord r = RecordBuilder()
                     .Line(LineState::kAwaitingNurse, "64483", Laterality::kLeft, "2021-03-02",
                           "2021-03-15")
                     .Line(LineState::kAwaitingNurse, "63030", Laterality::kNone, "2021-03-01",
                           "2021-04-29")
                     .Build();
  Events events;
  ASSERT_TRUE(testing::Done(Review(r, Physician(ReviewDecision::kApprove), T(kNow), events)));
  EXPECT_EQ(r.lines[0].state, LineState::kApproved);
  EXPECT_EQ(r.lines[1].state, LineState::kApproved);
  EXPECT_EQ(r.status, CaseStatus::kAuthorized);
  EXPECT_EQ(r.valid_from, D("2021-03-02"));
  EXPECT_EQ(r.expires_on, D("2021-03-15"));
}

TEST(ReviewSettles, StaysInProgressWhileALineAwaits) {
  CaseRecord r = RecordBuilder()
                     .Line(LineState::kAwaitingNurse)
                     .Line(LineState::kAwaitingNurse, "63047")
                     .Build();
  const std::optional<Timestamp> deadline = r.deadline;
  Events events;
  ASSERT_TRUE(testing::Done(Review(r, Nurse(ReviewDecision::kApprove, 1), T(kNow), events)));
  EXPECT_EQ(r.status, CaseStatus::kInProgress);
  EXPECT_EQ(r.deadline, deadline);
  EXPECT_FALSE(r.valid_from);
  EXPECT_FALSE(r.expires_on);
}

TEST(ReviewSettles, AllDeniedIsNonAuthorizedClinical) {
  CaseRecord r = RecordBuilder()
                     .Line(LineState::kAwaitingPhysician)
                     .Line(LineState::kAwaitingNurse, "63047")
                     .P2p(PeerToPeer::kOffered)
                     .Build();
  Events events;
  ASSERT_TRUE(testing::Done(Review(r, Physician(ReviewDecision::kDeny), T(kNow), events)));
  EXPECT_EQ(r.lines[0].state, LineState::kDenied);
  EXPECT_EQ(r.lines[1].state, LineState::kDenied);
  EXPECT_EQ(r.status, CaseStatus::kNonAuthorized);
  EXPECT_EQ(r.denied_at, T(kNow));
  EXPECT_EQ(r.denial, DenialKind::kClinical);
  EXPECT_FALSE(r.deadline);
  EXPECT_FALSE(r.valid_from);
  EXPECT_FALSE(r.expires_on);
  EXPECT_FALSE(r.status_reason);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].to, CaseStatus::kNonAuthorized);
}

TEST(ReviewSettles, MixedIsMultipleDecisionsRendered) {
  CaseRecord r = RecordBuilder()
                     .Line(LineState::kAwaitingPhysician, "63030", Laterality::kNone,
                           "2021-03-01", "2021-04-29")
                     .Line(LineState::kAwaitingPhysician, "64483", Laterality::kRight,
                           "2021-03-01", "2021-03-12")
                     .P2p(PeerToPeer::kHeld)
                     .Build();
  Events events;
  ASSERT_TRUE(testing::Done(Review(r, Physician(ReviewDecision::kDeny, 2), T(kNow), events)));
  EXPECT_EQ(r.status, CaseStatus::kInProgress);  // line 1 still awaits
  EXPECT_FALSE(r.denied_at);
  Timestamp later = T("2021-03-03T11:00:00Z");
  ASSERT_TRUE(testing::Done(Review(r, Physician(ReviewDecision::kApprove, 1), later, events)));
  EXPECT_EQ(r.status, CaseStatus::kMultipleDecisionsRendered);
  // The window is the approved line's: the denied line's shorter window does not count.
  EXPECT_EQ(r.valid_from, D("2021-03-01"));
  EXPECT_EQ(r.expires_on, D("2021-04-29"));
  EXPECT_EQ(r.denied_at, later);
  EXPECT_EQ(r.denial, DenialKind::kClinical);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].from, CaseStatus::kInProgress);
  EXPECT_EQ(events[1].to, CaseStatus::kMultipleDecisionsRendered);
}

TEST(ReviewSettles, NotRequiredNextToDeniedIsNonAuthorized) {
  CaseRecord r = RecordBuilder()
                     .Line(LineState::kNotRequired, "99999")
                     .Line(LineState::kAwaitingPhysician, "63030")
                     .P2p(PeerToPeer::kDeclined)
                     .Build();
  Events events;
  ASSERT_TRUE(testing::Done(Review(r, Physician(ReviewDecision::kDeny, 2), T(kNow), events)));
  EXPECT_EQ(r.status, CaseStatus::kNonAuthorized);
  EXPECT_EQ(r.lines[0].state, LineState::kNotRequired);
}

TEST(ReviewSettles, NotRequiredNextToApprovedIsAuthorized) {
  CaseRecord r = RecordBuilder()
                     .Line(LineState::kNotRequired, "99999")
                     .Line(LineState::kAwaitingNurse, "63030")
                     .Build();
  Events events;
  ASSERT_TRUE(testing::Done(Review(r, Nurse(ReviewDecision::kApprove), T(kNow), events)));
  EXPECT_EQ(r.status, CaseStatus::kAuthorized);
}

TEST(SettledStatus, Table) {
  auto lines = [](std::initializer_list<LineState> states) {
    std::vector<LineRecord> out;
    for (LineState s : states) {
      LineRecord l;
      l.state = s;
      out.push_back(l);
    }
    return out;
  };
  using S = LineState;
  EXPECT_EQ(SettledStatus(lines({S::kApproved})), CaseStatus::kAuthorized);
  EXPECT_EQ(SettledStatus(lines({S::kApproved, S::kNotRequired})), CaseStatus::kAuthorized);
  EXPECT_EQ(SettledStatus(lines({S::kApproved, S::kNotificationOnly})), CaseStatus::kAuthorized);
  EXPECT_EQ(SettledStatus(lines({S::kDenied})), CaseStatus::kNonAuthorized);
  EXPECT_EQ(SettledStatus(lines({S::kDenied, S::kDenied})), CaseStatus::kNonAuthorized);
  EXPECT_EQ(SettledStatus(lines({S::kNotRequired, S::kDenied})), CaseStatus::kNonAuthorized);
  EXPECT_EQ(SettledStatus(lines({S::kNotificationOnly, S::kDenied})),
            CaseStatus::kNonAuthorized);
  EXPECT_EQ(SettledStatus(lines({S::kApproved, S::kDenied})),
            CaseStatus::kMultipleDecisionsRendered);
  EXPECT_EQ(SettledStatus(lines({S::kDenied, S::kNotRequired, S::kApproved})),
            CaseStatus::kMultipleDecisionsRendered);
}

TEST(RecomputeCaseWindow, ApprovedOrNotificationLineEndingFirst) {
  CaseRecord r = RecordBuilder()
                     .Status(CaseStatus::kAuthorized)
                     .Line(LineState::kApproved, "63030", Laterality::kNone, "2021-03-01",
                           "2021-04-29")
                     .Line(LineState::kNotificationOnly, "62322", Laterality::kNone,
                           "2021-03-01", "2021-03-12")
                     .Line(LineState::kNotRequired, "99999", Laterality::kNone, "2021-03-01",
                           "2021-03-05")
                     .Build();
  RecomputeCaseWindow(r);
  EXPECT_EQ(r.valid_from, D("2021-03-01"));
  EXPECT_EQ(r.expires_on, D("2021-03-12"));
}

TEST(RecomputeCaseWindow, NoWindowOutsideAuthorizedCompletedOrMdr) {
  for (CaseStatus s : {CaseStatus::kInProgress, CaseStatus::kNonAuthorized,
                       CaseStatus::kVoluntarilyCancelled, CaseStatus::kNotReviewedErrorEntry,
                       CaseStatus::kOtherImpact}) {
    CaseRecord r = RecordBuilder()
                       .Status(s)
                       .Line(LineState::kApproved)
                       .CaseWindow(D("2021-03-01"), D("2021-04-29"))
                       .Build();
    RecomputeCaseWindow(r);
    EXPECT_FALSE(r.valid_from) << determination::CaseStatusName(s);
    EXPECT_FALSE(r.expires_on) << determination::CaseStatusName(s);
  }
  for (CaseStatus s : {CaseStatus::kAuthorized, CaseStatus::kCompleted,
                       CaseStatus::kMultipleDecisionsRendered}) {
    CaseRecord r = RecordBuilder().Status(s).Line(LineState::kApproved).Build();
    RecomputeCaseWindow(r);
    EXPECT_EQ(r.valid_from, D("2021-03-01")) << determination::CaseStatusName(s);
    EXPECT_EQ(r.expires_on, D("2021-04-29")) << determination::CaseStatusName(s);
  }
}

}  // namespace
}  // namespace mskc::lifecycle
