// Case record vocabulary: S6 order ids, the spelled names of line states, roles, denial kinds,
// peer-to-peer records and statuses (the store's text columns), and line state per outcome.
#include "runtime/lifecycle/case_record.h"

#include <gtest/gtest.h>

#include "tests/unit/lifecycle/record_builder.h"

namespace mskc::lifecycle {
namespace {

using determination::Review;

TEST(OrderId, FormatIsSuAndNineDigits) {
  EXPECT_EQ(FormatOrderId(1), "SU000000001");
  EXPECT_EQ(FormatOrderId(2), "SU000000002");
  EXPECT_EQ(FormatOrderId(123456789), "SU123456789");
  EXPECT_EQ(FormatOrderId(999999999), "SU999999999");
}

TEST(OrderId, ParsesPrefixedInAnyCase) {
  EXPECT_EQ(ParseOrderId("SU000000001"), 1);
  EXPECT_EQ(ParseOrderId("su000000001"), 1);
  EXPECT_EQ(ParseOrderId("Su000000001"), 1);
  EXPECT_EQ(ParseOrderId("sU123456789"), 123456789);
}

TEST(OrderId, ParsesNineDigitsAlone) {
  EXPECT_EQ(ParseOrderId("000000001"), 1);
  EXPECT_EQ(ParseOrderId("123456789"), 123456789);
  EXPECT_EQ(ParseOrderId("000000000"), 0);
}

TEST(OrderId, RejectsEightOrTenDigits) {
  EXPECT_FALSE(ParseOrderId("00000001"));
  EXPECT_FALSE(ParseOrderId("0000000001"));
  EXPECT_FALSE(ParseOrderId("SU00000001"));
  EXPECT_FALSE(ParseOrderId("SU0000000001"));
}

TEST(OrderId, RejectsLettersAndOtherPrefixes) {
  for (std::string_view text :
       {"", "SU", "SU00000000A", "SU0000O0001", "00000000a", "XU000000001", "SX000000001",
        "S0000000001", "USU00000001", "SU-00000001", " SU000000001", "SU000000001 ",
        "SU+00000001", "+00000001"}) {
    EXPECT_FALSE(ParseOrderId(text)) << "accepted `" << text << "`";
  }
}

TEST(OrderId, RoundTrip) {
  for (int64_t n : {int64_t{1}, int64_t{42}, int64_t{100000000}, int64_t{999999999}}) {
    EXPECT_EQ(ParseOrderId(FormatOrderId(n)), n);
  }
}

TEST(LineStateNames, SpelledAndParsedBack) {
  const std::pair<LineState, std::string_view> names[] = {
      {LineState::kAwaitingNurse, "awaiting_nurse"},
      {LineState::kAwaitingPhysician, "awaiting_physician"},
      {LineState::kApproved, "approved"},
      {LineState::kDenied, "denied"},
      {LineState::kNotRequired, "not_required"},
      {LineState::kNotificationOnly, "notification_only"},
      {LineState::kDeniedAdministrative, "denied_administrative"},
      {LineState::kRejected, "rejected"},
  };
  for (const auto& [state, name] : names) {
    EXPECT_EQ(LineStateName(state), name);
    EXPECT_EQ(ParseLineState(name), state) << name;
  }
  EXPECT_FALSE(ParseLineState("Approved"));
  EXPECT_FALSE(ParseLineState(""));
}

TEST(LineStateNames, OnlyTheTwoAwaitingStatesAwait) {
  EXPECT_TRUE(IsAwaiting(LineState::kAwaitingNurse));
  EXPECT_TRUE(IsAwaiting(LineState::kAwaitingPhysician));
  for (LineState s : {LineState::kApproved, LineState::kDenied, LineState::kNotRequired,
                      LineState::kNotificationOnly, LineState::kDeniedAdministrative,
                      LineState::kRejected}) {
    EXPECT_FALSE(IsAwaiting(s)) << LineStateName(s);
  }
}

TEST(LineStateForOutcome, PendedGoesToTheNamedReviewer) {
  EXPECT_EQ(StateForOutcome(Outcome::kPended, Review::kNurse), LineState::kAwaitingNurse);
  EXPECT_EQ(StateForOutcome(Outcome::kPended, Review::kPhysician), LineState::kAwaitingPhysician);
  EXPECT_EQ(StateForOutcome(Outcome::kPended, Review::kNone), LineState::kAwaitingNurse);
}

TEST(LineStateForOutcome, OtherOutcomes) {
  EXPECT_EQ(StateForOutcome(Outcome::kApproved, Review::kNone), LineState::kApproved);
  EXPECT_EQ(StateForOutcome(Outcome::kNotRequired, Review::kNone), LineState::kNotRequired);
  EXPECT_EQ(StateForOutcome(Outcome::kNotificationOnly, Review::kNone),
            LineState::kNotificationOnly);
  EXPECT_EQ(StateForOutcome(Outcome::kDeniedAdministrative, Review::kNone),
            LineState::kDeniedAdministrative);
  EXPECT_EQ(StateForOutcome(Outcome::kRejected, Review::kNone), LineState::kRejected);
}

TEST(RecordVocabulary, RolesDenialKindsPeerToPeer) {
  for (Role r : {Role::kProvider, Role::kNurse, Role::kPhysician, Role::kStaff, Role::kSystem})
    EXPECT_EQ(ParseRole(RoleName(r)), r);
  EXPECT_EQ(RoleName(Role::kSystem), "system");
  EXPECT_EQ(RoleName(Role::kPhysician), "physician");
  EXPECT_FALSE(ParseRole("doctor"));
  for (DenialKind k : {DenialKind::kNone, DenialKind::kClinical, DenialKind::kDeadline,
                       DenialKind::kAdministrative})
    EXPECT_EQ(ParseDenialKind(DenialKindName(k)), k);
  EXPECT_EQ(DenialKindName(DenialKind::kDeadline), "deadline");
  for (PeerToPeer p :
       {PeerToPeer::kNone, PeerToPeer::kOffered, PeerToPeer::kHeld, PeerToPeer::kDeclined})
    EXPECT_EQ(ParsePeerToPeer(PeerToPeerName(p)), p);
  EXPECT_EQ(PeerToPeerName(PeerToPeer::kOffered), "offered");
  EXPECT_FALSE(ParsePeerToPeer("maybe"));
}

TEST(RecordVocabulary, CaseStatusesParseTheirContractNames) {
  EXPECT_EQ(ParseCaseStatus("In Progress"), CaseStatus::kInProgress);
  EXPECT_EQ(ParseCaseStatus("Multiple Decisions Rendered"),
            CaseStatus::kMultipleDecisionsRendered);
  EXPECT_EQ(ParseCaseStatus("Not Reviewed/Error Entry"), CaseStatus::kNotReviewedErrorEntry);
  EXPECT_EQ(ParseCaseStatus("Other Impact"), CaseStatus::kOtherImpact);
  EXPECT_FALSE(ParseCaseStatus("in progress"));
  for (CaseStatus s : testing::kAllStatuses)
    EXPECT_EQ(ParseCaseStatus(determination::CaseStatusName(s)), s);
}

}  // namespace
}  // namespace mskc::lifecycle
