// The transition table of program-rules.md ("Case store details"): every command against every
// one of the 8 statuses, and the lifecycle functions refusing every status the table leaves out
// with ILLEGAL_TRANSITION, record untouched.
#include "runtime/lifecycle/transitions.h"

#include <gtest/gtest.h>

#include <set>

#include "runtime/lifecycle/lifecycle.h"
#include "tests/unit/lifecycle/record_builder.h"

namespace mskc::lifecycle {
namespace {

using testing::D;
using testing::kAllStatuses;
using testing::RecordBuilder;
using testing::T;

// The "allowed from" column, written out from the contract.
std::set<CaseStatus> ContractAllowedFrom(Command c) {
  switch (c) {
    case Command::kUpdate:
    case Command::kPeerToPeer:
    case Command::kReview:
    case Command::kTick: return {CaseStatus::kInProgress};
    case Command::kCancel: return {CaseStatus::kInProgress, CaseStatus::kAuthorized};
    case Command::kVoid:
      return {CaseStatus::kInProgress, CaseStatus::kAuthorized, CaseStatus::kCompleted};
    case Command::kReconsider:
      return {CaseStatus::kNonAuthorized, CaseStatus::kMultipleDecisionsRendered};
    case Command::kChangeDateOfService: return {CaseStatus::kAuthorized, CaseStatus::kCompleted};
  }
  return {};
}

constexpr Command kAllCommands[] = {
    Command::kUpdate, Command::kPeerToPeer, Command::kReview,
    Command::kCancel, Command::kVoid,       Command::kReconsider,
    Command::kChangeDateOfService, Command::kTick,
};

TEST(Transitions, EveryCommandTimesEveryStatusMatchesTheContract) {
  int allowed_cells = 0;
  for (Command c : kAllCommands) {
    std::set<CaseStatus> expected = ContractAllowedFrom(c);
    for (CaseStatus s : kAllStatuses) {
      EXPECT_EQ(IsAllowed(c, s), expected.count(s) == 1)
          << CommandName(c) << " from " << determination::CaseStatusName(s);
      if (IsAllowed(c, s)) ++allowed_cells;
    }
  }
  EXPECT_EQ(allowed_cells, 1 + 1 + 1 + 2 + 3 + 2 + 2 + 1);
}

TEST(Transitions, AllowedFromListsExactlyTheContractStatuses) {
  for (Command c : kAllCommands) {
    auto span = AllowedFrom(c);
    std::set<CaseStatus> got(span.begin(), span.end());
    EXPECT_EQ(got.size(), span.size()) << CommandName(c) << " lists a status twice";
    EXPECT_EQ(got, ContractAllowedFrom(c)) << CommandName(c);
  }
}

TEST(Transitions, TerminalStatusesAllowOnlyTheirExits) {
  // Cancelled, voided and duplicates accept nothing at all.
  for (CaseStatus s : {CaseStatus::kVoluntarilyCancelled, CaseStatus::kNotReviewedErrorEntry,
                       CaseStatus::kOtherImpact}) {
    for (Command c : kAllCommands)
      EXPECT_FALSE(IsAllowed(c, s)) << CommandName(c) << " from "
                                    << determination::CaseStatusName(s);
  }
}

TEST(Transitions, CommandNamesAsTyped) {
  EXPECT_EQ(CommandName(Command::kUpdate), "update");
  EXPECT_EQ(CommandName(Command::kPeerToPeer), "p2p");
  EXPECT_EQ(CommandName(Command::kReview), "review");
  EXPECT_EQ(CommandName(Command::kCancel), "cancel");
  EXPECT_EQ(CommandName(Command::kVoid), "void");
  EXPECT_EQ(CommandName(Command::kReconsider), "reconsider");
  EXPECT_EQ(CommandName(Command::kChangeDateOfService), "change-dos");
  EXPECT_EQ(CommandName(Command::kTick), "tick");
}

// A record in status `s` that would pass every other check of the command (a line awaiting
// review, a p2p offer, a recent clinical denial, a window holding the new date of service), so
// that only the status decides.
CaseRecord RecordIn(CaseStatus s) {
  return RecordBuilder()
      .Status(s)
      .Line(LineState::kAwaitingNurse)
      .P2p(PeerToPeer::kOffered)
      .Denied(T("2021-03-02T10:00:00Z"), DenialKind::kClinical)
      .CaseWindow(D("2021-03-01"), D("2021-04-29"))
      .Build();
}

TEST(TransitionsEnforced, EachFunctionRefusesStatusesOutsideTheTable) {
  for (CaseStatus s : kAllStatuses) {
    SCOPED_TRACE(determination::CaseStatusName(s));
    Events events;
    Timestamp now = T("2021-03-03T10:00:00Z");
    CaseRecord r = RecordIn(s);
    if (!IsAllowed(Command::kCancel, s))
      EXPECT_REFUSED_UNCHANGED(Cancel(r, now, events), RefusalCode::kIllegalTransition, r, events);
    if (!IsAllowed(Command::kVoid, s))
      EXPECT_REFUSED_UNCHANGED(Void(r, now, events), RefusalCode::kIllegalTransition, r, events);
    if (!IsAllowed(Command::kReconsider, s))
      EXPECT_REFUSED_UNCHANGED(Reconsider(r, now, events), RefusalCode::kIllegalTransition, r,
                               events);
    if (!IsAllowed(Command::kChangeDateOfService, s))
      EXPECT_REFUSED_UNCHANGED(ChangeDateOfService(r, D("2021-03-10"), now, events),
                               RefusalCode::kIllegalTransition, r, events);
    if (!IsAllowed(Command::kPeerToPeer, s))
      EXPECT_REFUSED_UNCHANGED(RecordPeerToPeer(r, PeerToPeer::kHeld, now, events),
                               RefusalCode::kIllegalTransition, r, events);
    if (!IsAllowed(Command::kReview, s)) {
      EXPECT_REFUSED_UNCHANGED(Review(r, testing::Nurse(ReviewDecision::kApprove), now, events),
                               RefusalCode::kIllegalTransition, r, events);
      EXPECT_REFUSED_UNCHANGED(
          Review(r, testing::Physician(ReviewDecision::kApprove), now, events),
          RefusalCode::kIllegalTransition, r, events);
    }
    if (!IsAllowed(Command::kUpdate, s)) {
      EXPECT_TRUE(testing::Refused(CheckUpdatable(r), RefusalCode::kIllegalTransition));
    } else {
      EXPECT_TRUE(testing::Done(CheckUpdatable(r)));
    }
  }
}

TEST(TransitionsEnforced, EachFunctionAcceptsTheStatusesInTheTable) {
  Timestamp now = T("2021-03-03T10:00:00Z");
  for (CaseStatus s : AllowedFrom(Command::kCancel)) {
    CaseRecord r = RecordIn(s);
    Events events;
    EXPECT_TRUE(testing::Done(Cancel(r, now, events))) << determination::CaseStatusName(s);
  }
  for (CaseStatus s : AllowedFrom(Command::kVoid)) {
    CaseRecord r = RecordIn(s);
    Events events;
    EXPECT_TRUE(testing::Done(Void(r, now, events))) << determination::CaseStatusName(s);
  }
  for (CaseStatus s : AllowedFrom(Command::kReconsider)) {
    CaseRecord r = RecordIn(s);
    Events events;
    EXPECT_TRUE(testing::Done(Reconsider(r, now, events))) << determination::CaseStatusName(s);
  }
  for (CaseStatus s : AllowedFrom(Command::kChangeDateOfService)) {
    CaseRecord r = RecordIn(s);
    Events events;
    EXPECT_TRUE(testing::Done(ChangeDateOfService(r, D("2021-03-10"), now, events)))
        << determination::CaseStatusName(s);
  }
  CaseRecord r = RecordIn(CaseStatus::kInProgress);
  Events events;
  EXPECT_TRUE(testing::Done(RecordPeerToPeer(r, PeerToPeer::kHeld, now, events)));
  EXPECT_TRUE(testing::Done(Review(r, testing::Nurse(ReviewDecision::kApprove), now, events)));
}

TEST(TransitionsEnforced, TickClosesOnlyInProgress) {
  for (CaseStatus s : kAllStatuses) {
    CaseRecord r = RecordBuilder()
                       .Status(s)
                       .Line(LineState::kAwaitingNurse)
                       .Deadline(T("2021-03-15T09:00:00Z"))
                       .Build();
    const CaseRecord before = r;
    Events events;
    bool closed = ApplyDueDeadline(r, T("2021-04-01T00:00:00Z"), events);
    EXPECT_EQ(closed, s == CaseStatus::kInProgress) << determination::CaseStatusName(s);
    if (!closed) {
      EXPECT_TRUE(testing::SameRecord(before, r)) << determination::CaseStatusName(s);
      EXPECT_TRUE(events.empty());
    }
  }
}

}  // namespace
}  // namespace mskc::lifecycle
