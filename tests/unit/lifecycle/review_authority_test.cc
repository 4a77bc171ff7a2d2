// S2 review path, who may do what: a nurse approves or escalates lines awaiting a nurse; only a
// physician denies, and only after a peer-to-peer offer; refusals leave the record untouched.
#include <gtest/gtest.h>

#include "runtime/lifecycle/lifecycle.h"
#include "tests/unit/lifecycle/record_builder.h"

namespace mskc::lifecycle {
namespace {

using testing::Nurse;
using testing::Physician;
using testing::RecordBuilder;
using testing::T;

const char* const kNow = "2021-03-02T10:00:00Z";

TEST(ReviewNurse, ApprovesLinesAwaitingANurse) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingNurse).Build();
  Events events;
  ASSERT_TRUE(testing::Done(Review(r, Nurse(ReviewDecision::kApprove), T(kNow), events)));
  EXPECT_EQ(r.lines[0].state, LineState::kApproved);
  EXPECT_EQ(r.status, CaseStatus::kAuthorized);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].actor, Role::kNurse);
  EXPECT_EQ(events[0].event, "review");
  EXPECT_EQ(events[0].at, T(kNow));
  EXPECT_EQ(events[0].from, CaseStatus::kInProgress);
  EXPECT_EQ(events[0].to, CaseStatus::kAuthorized);
  EXPECT_FALSE(events[0].reason);
}

TEST(ReviewNurse, EscalateSendsTheLineToAPhysicianAndKeepsTheDeadline) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingNurse).Build();
  const std::optional<Timestamp> deadline = r.deadline;
  Events events;
  ASSERT_TRUE(testing::Done(Review(r, Nurse(ReviewDecision::kEscalate), T(kNow), events)));
  EXPECT_EQ(r.lines[0].state, LineState::kAwaitingPhysician);
  EXPECT_EQ(r.status, CaseStatus::kInProgress);
  EXPECT_EQ(r.deadline, deadline);
  EXPECT_FALSE(r.denied_at);
  EXPECT_EQ(r.updated_at, T(kNow));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].actor, Role::kNurse);
  EXPECT_EQ(events[0].from, CaseStatus::kInProgress);
  EXPECT_EQ(events[0].to, CaseStatus::kInProgress);
}

TEST(ReviewNurse, DenyIsNeverTheNursesToGive) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingNurse).P2p(PeerToPeer::kHeld).Build();
  Events events;
  EXPECT_REFUSED_UNCHANGED(Review(r, Nurse(ReviewDecision::kDeny), T(kNow), events),
                           RefusalCode::kReviewerNotAuthorized, r, events);
  EXPECT_REFUSED_UNCHANGED(Review(r, Nurse(ReviewDecision::kDeny, 1), T(kNow), events),
                           RefusalCode::kReviewerNotAuthorized, r, events);
}

TEST(ReviewNurse, DenyIsRefusedAsNotAuthorizedWhateverTheStatus) {
  // The table's "allowed from" for a nurse's denial is "—": refused as such from every status.
  for (CaseStatus s : testing::kAllStatuses) {
    CaseRecord r = RecordBuilder().Status(s).Line(LineState::kAwaitingNurse).Build();
    Events events;
    EXPECT_REFUSED_UNCHANGED(Review(r, Nurse(ReviewDecision::kDeny), T(kNow), events),
                             RefusalCode::kReviewerNotAuthorized, r, events);
  }
}

TEST(ReviewNurse, LineAwaitingAPhysicianIsRefusedWithLine) {
  CaseRecord r = RecordBuilder()
                     .Line(LineState::kAwaitingNurse)
                     .Line(LineState::kAwaitingPhysician, "63047")
                     .Build();
  Events events;
  EXPECT_REFUSED_UNCHANGED(Review(r, Nurse(ReviewDecision::kApprove, 2), T(kNow), events),
                           RefusalCode::kReviewerNotAuthorized, r, events);
  EXPECT_REFUSED_UNCHANGED(Review(r, Nurse(ReviewDecision::kEscalate, 2), T(kNow), events),
                           RefusalCode::kReviewerNotAuthorized, r, events);
  // Line 1 awaits a nurse: that one is hers.
  ASSERT_TRUE(testing::Done(Review(r, Nurse(ReviewDecision::kApprove, 1), T(kNow), events)));
  EXPECT_EQ(r.lines[0].state, LineState::kApproved);
  EXPECT_EQ(r.lines[1].state, LineState::kAwaitingPhysician);
  EXPECT_EQ(r.status, CaseStatus::kInProgress);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].line, 1);
}

TEST(ReviewNurse, WholeCaseWithALineAwaitingAPhysicianIsRefused) {
  // Without --line the decision covers every awaiting line, the physician's one included.
  CaseRecord r = RecordBuilder()
                     .Line(LineState::kAwaitingNurse)
                     .Line(LineState::kAwaitingPhysician, "63047")
                     .Build();
  Events events;
  EXPECT_REFUSED_UNCHANGED(Review(r, Nurse(ReviewDecision::kApprove), T(kNow), events),
                           RefusalCode::kReviewerNotAuthorized, r, events);
  EXPECT_REFUSED_UNCHANGED(Review(r, Nurse(ReviewDecision::kEscalate), T(kNow), events),
                           RefusalCode::kReviewerNotAuthorized, r, events);
}

TEST(ReviewNurse, EscalatedLineIsNoLongerTheNurses) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingNurse).Build();
  Events events;
  ASSERT_TRUE(testing::Done(Review(r, Nurse(ReviewDecision::kEscalate), T(kNow), events)));
  EXPECT_REFUSED_UNCHANGED(Review(r, Nurse(ReviewDecision::kApprove), T(kNow), events),
                           RefusalCode::kReviewerNotAuthorized, r, events);
}

TEST(ReviewPhysician, ApprovesALineAwaitingANurse) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingNurse).Build();
  Events events;
  ASSERT_TRUE(testing::Done(Review(r, Physician(ReviewDecision::kApprove), T(kNow), events)));
  EXPECT_EQ(r.lines[0].state, LineState::kApproved);
  EXPECT_EQ(r.status, CaseStatus::kAuthorized);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].actor, Role::kPhysician);
}

TEST(ReviewPhysician, ApprovesWithoutAnyPeerToPeer) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingPhysician).Build();
  ASSERT_EQ(r.p2p, PeerToPeer::kNone);
  Events events;
  ASSERT_TRUE(testing::Done(Review(r, Physician(ReviewDecision::kApprove), T(kNow), events)));
  EXPECT_EQ(r.status, CaseStatus::kAuthorized);
}

TEST(ReviewPhysician, DenyWithoutPeerToPeerOfferIsRefused) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingPhysician).Build();
  Events events;
  EXPECT_REFUSED_UNCHANGED(Review(r, Physician(ReviewDecision::kDeny), T(kNow), events),
                           RefusalCode::kP2pNotOffered, r, events);
  EXPECT_REFUSED_UNCHANGED(Review(r, Physician(ReviewDecision::kDeny, 1), T(kNow), events),
                           RefusalCode::kP2pNotOffered, r, events);
}

class DenyAfterPeerToPeer : public ::testing::TestWithParam<PeerToPeer> {};

TEST_P(DenyAfterPeerToPeer, AnyRecordIsAnOffer) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingPhysician).Build();
  Events events;
  ASSERT_TRUE(testing::Done(RecordPeerToPeer(r, GetParam(), T("2021-03-02T09:00:00Z"), events)));
  ASSERT_TRUE(testing::Done(Review(r, Physician(ReviewDecision::kDeny), T(kNow), events)));
  EXPECT_EQ(r.lines[0].state, LineState::kDenied);
  EXPECT_EQ(r.status, CaseStatus::kNonAuthorized);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].actor, Role::kPhysician);
  EXPECT_EQ(events[1].from, CaseStatus::kInProgress);
  EXPECT_EQ(events[1].to, CaseStatus::kNonAuthorized);
}

INSTANTIATE_TEST_SUITE_P(Offered, DenyAfterPeerToPeer,
                         ::testing::Values(PeerToPeer::kOffered, PeerToPeer::kHeld,
                                           PeerToPeer::kDeclined));

TEST(ReviewPhysician, MayDenyALineAwaitingANurseAfterAnOffer) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingNurse).P2p(PeerToPeer::kOffered).Build();
  Events events;
  ASSERT_TRUE(testing::Done(Review(r, Physician(ReviewDecision::kDeny), T(kNow), events)));
  EXPECT_EQ(r.lines[0].state, LineState::kDenied);
}

TEST(ReviewPhysician, EscalateIsANursesDecision) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingNurse).Build();
  Events events;
  EXPECT_REFUSED_UNCHANGED(Review(r, Physician(ReviewDecision::kEscalate), T(kNow), events),
                           RefusalCode::kIllegalTransition, r, events);
}

TEST(ReviewLine, OutOfRangeIsRefused) {
  CaseRecord r = RecordBuilder()
                     .Line(LineState::kAwaitingNurse)
                     .Line(LineState::kAwaitingNurse, "63047")
                     .Build();
  Events events;
  // Lines are 1-based: 0 and 3 do not exist on a 2-line case.
  EXPECT_REFUSED_UNCHANGED(Review(r, Nurse(ReviewDecision::kApprove, 0), T(kNow), events),
                           RefusalCode::kNotFound, r, events);
  EXPECT_REFUSED_UNCHANGED(Review(r, Nurse(ReviewDecision::kApprove, 3), T(kNow), events),
                           RefusalCode::kNotFound, r, events);
  EXPECT_REFUSED_UNCHANGED(Review(r, Physician(ReviewDecision::kApprove, -1), T(kNow), events),
                           RefusalCode::kNotFound, r, events);
  // Line 2 is the last one and exists.
  ASSERT_TRUE(testing::Done(Review(r, Nurse(ReviewDecision::kApprove, 2), T(kNow), events)));
  EXPECT_EQ(r.lines[1].state, LineState::kApproved);
  EXPECT_EQ(r.lines[0].state, LineState::kAwaitingNurse);
}

TEST(ReviewLine, LineNotAwaitingReviewIsIllegal) {
  CaseRecord r = RecordBuilder()
                     .Line(LineState::kApproved)
                     .Line(LineState::kAwaitingNurse, "63047")
                     .Line(LineState::kNotRequired, "99999")
                     .P2p(PeerToPeer::kOffered)
                     .Build();
  Events events;
  EXPECT_REFUSED_UNCHANGED(Review(r, Nurse(ReviewDecision::kApprove, 1), T(kNow), events),
                           RefusalCode::kIllegalTransition, r, events);
  EXPECT_REFUSED_UNCHANGED(Review(r, Physician(ReviewDecision::kDeny, 1), T(kNow), events),
                           RefusalCode::kIllegalTransition, r, events);
  EXPECT_REFUSED_UNCHANGED(Review(r, Physician(ReviewDecision::kApprove, 3), T(kNow), events),
                           RefusalCode::kIllegalTransition, r, events);
}

TEST(ReviewLine, WholeCaseDecisionSkipsLinesNotAwaiting) {
  CaseRecord r = RecordBuilder()
                     .Line(LineState::kApproved)
                     .Line(LineState::kAwaitingNurse, "63047")
                     .Line(LineState::kAwaitingNurse, "63048")
                     .Build();
  Events events;
  ASSERT_TRUE(testing::Done(Review(r, Nurse(ReviewDecision::kEscalate), T(kNow), events)));
  EXPECT_EQ(r.lines[0].state, LineState::kApproved);
  EXPECT_EQ(r.lines[1].state, LineState::kAwaitingPhysician);
  EXPECT_EQ(r.lines[2].state, LineState::kAwaitingPhysician);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_FALSE(events[0].line);
}

TEST(ReviewCase, NotInProgressIsIllegal) {
  for (CaseStatus s : {CaseStatus::kAuthorized, CaseStatus::kCompleted,
                       CaseStatus::kNonAuthorized, CaseStatus::kMultipleDecisionsRendered,
                       CaseStatus::kVoluntarilyCancelled, CaseStatus::kNotReviewedErrorEntry,
                       CaseStatus::kOtherImpact}) {
    SCOPED_TRACE(determination::CaseStatusName(s));
    CaseRecord r =
        RecordBuilder().Status(s).Line(LineState::kAwaitingNurse).P2p(PeerToPeer::kHeld).Build();
    Events events;
    EXPECT_REFUSED_UNCHANGED(Review(r, Nurse(ReviewDecision::kApprove), T(kNow), events),
                             RefusalCode::kIllegalTransition, r, events);
    EXPECT_REFUSED_UNCHANGED(Review(r, Physician(ReviewDecision::kDeny, 1), T(kNow), events),
                             RefusalCode::kIllegalTransition, r, events);
  }
}

TEST(ReviewCase, InProgressWithNothingAwaitingIsIllegal) {
  CaseRecord r = RecordBuilder().Line(LineState::kApproved).Line(LineState::kDenied).Build();
  Events events;
  EXPECT_REFUSED_UNCHANGED(Review(r, Physician(ReviewDecision::kApprove), T(kNow), events),
                           RefusalCode::kIllegalTransition, r, events);
}

TEST(ReviewCase, ReasonTextIsKeptInTheEvent) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingNurse).Build();
  ReviewRequest q = Nurse(ReviewDecision::kEscalate, 1);
  q.reason = "imaging unclear";
  Events events;
  ASSERT_TRUE(testing::Done(Review(r, q, T(kNow), events)));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_NE(events[0].detail.find("imaging unclear"), std::string::npos) << events[0].detail;
  EXPECT_NE(events[0].detail.find("escalate"), std::string::npos) << events[0].detail;
  EXPECT_EQ(events[0].line, 1);
}

}  // namespace
}  // namespace mskc::lifecycle
