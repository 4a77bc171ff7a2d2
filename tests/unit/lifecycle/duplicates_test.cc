// S4 duplicates, per line: same code, overlapping lateralities (bilateral and none overlap every
// side), windows sharing at least one day, against approved or awaiting lines of In Progress,
// Authorized and Multiple Decisions Rendered cases.
#include "runtime/lifecycle/duplicates.h"

#include <gtest/gtest.h>

#include "tests/unit/lifecycle/record_builder.h"

namespace mskc::lifecycle {
namespace {

using testing::D;
using testing::Laterality;

LineRecord MakeLine(std::string code, LineState state, Laterality lat, std::string_view from,
                    std::string_view to) {
  LineRecord l;
  l.code = std::move(code);
  l.state = state;
  l.laterality = lat;
  l.window_from = D(from);
  l.window_to = D(to);
  return l;
}

// A candidate line: a new request's pended knee arthroscopy on the left, March–April.
LineRecord Candidate(Laterality lat = Laterality::kLeft, std::string_view from = "2021-03-01",
                     std::string_view to = "2021-04-29", LineState s = LineState::kAwaitingNurse) {
  return MakeLine("29881", s, lat, from, to);
}

FiledLine Filed(int64_t order, CaseStatus status, LineRecord line) {
  FiledLine f;
  f.order_number = order;
  f.status = status;
  f.line = std::move(line);
  return f;
}

FiledLine AuthorizedOn(std::string_view from, std::string_view to,
                       Laterality lat = Laterality::kLeft, std::string code = "29881") {
  return Filed(11, CaseStatus::kAuthorized,
               MakeLine(std::move(code), LineState::kApproved, lat, from, to));
}

TEST(Duplicates, SameCodeOverlappingWindowAndSideIsFound) {
  EXPECT_EQ(FindDuplicate({Candidate()}, {AuthorizedOn("2021-02-15", "2021-04-15")}), 11);
}

TEST(Duplicates, DifferentCodeIsNone) {
  EXPECT_FALSE(FindDuplicate({Candidate()},
                             {AuthorizedOn("2021-03-01", "2021-04-29", Laterality::kLeft,
                                           "29880")}));
}

TEST(Duplicates, LeftVersusRightIsNone) {
  EXPECT_FALSE(FindDuplicate({Candidate(Laterality::kLeft)},
                             {AuthorizedOn("2021-03-01", "2021-04-29", Laterality::kRight)}));
  EXPECT_FALSE(FindDuplicate({Candidate(Laterality::kRight)},
                             {AuthorizedOn("2021-03-01", "2021-04-29", Laterality::kLeft)}));
}

TEST(Duplicates, BilateralOrNoneOverlapEverySide) {
  for (Laterality filed : {Laterality::kBilateral, Laterality::kNone}) {
    EXPECT_EQ(FindDuplicate({Candidate(Laterality::kLeft)},
                            {AuthorizedOn("2021-03-01", "2021-04-29", filed)}),
              11);
    EXPECT_EQ(FindDuplicate({Candidate(filed)},
                            {AuthorizedOn("2021-03-01", "2021-04-29", Laterality::kRight)}),
              11);
  }
}

TEST(Duplicates, LateralityOverlapTable) {
  using L = Laterality;
  EXPECT_TRUE(LateralitiesOverlap(L::kLeft, L::kLeft));
  EXPECT_TRUE(LateralitiesOverlap(L::kRight, L::kRight));
  EXPECT_FALSE(LateralitiesOverlap(L::kLeft, L::kRight));
  EXPECT_FALSE(LateralitiesOverlap(L::kRight, L::kLeft));
  for (L other : {L::kLeft, L::kRight, L::kBilateral, L::kNone}) {
    EXPECT_TRUE(LateralitiesOverlap(L::kBilateral, other));
    EXPECT_TRUE(LateralitiesOverlap(other, L::kBilateral));
    EXPECT_TRUE(LateralitiesOverlap(L::kNone, other));
    EXPECT_TRUE(LateralitiesOverlap(other, L::kNone));
  }
}

TEST(Duplicates, WindowsSharingOneDayAreFound) {
  // Filed window ends on the candidate's first day, or starts on its last day.
  EXPECT_EQ(FindDuplicate({Candidate()}, {AuthorizedOn("2021-01-01", "2021-03-01")}), 11);
  EXPECT_EQ(FindDuplicate({Candidate()}, {AuthorizedOn("2021-04-29", "2021-06-27")}), 11);
  // A one-day window inside.
  EXPECT_EQ(FindDuplicate({Candidate()}, {AuthorizedOn("2021-03-15", "2021-03-15")}), 11);
}

TEST(Duplicates, AdjacentWindowsWithoutASharedDayAreNone) {
  EXPECT_FALSE(FindDuplicate({Candidate()}, {AuthorizedOn("2021-01-01", "2021-02-28")}));
  EXPECT_FALSE(FindDuplicate({Candidate()}, {AuthorizedOn("2021-04-30", "2021-06-28")}));
}

TEST(Duplicates, ActiveStatusesCount) {
  for (CaseStatus s : {CaseStatus::kInProgress, CaseStatus::kAuthorized,
                       CaseStatus::kMultipleDecisionsRendered}) {
    EXPECT_TRUE(IsActiveForDuplicates(s)) << determination::CaseStatusName(s);
    LineState state = s == CaseStatus::kInProgress ? LineState::kAwaitingNurse
                                                   : LineState::kApproved;
    FiledLine f = Filed(21, s, MakeLine("29881", state, Laterality::kLeft, "2021-03-10",
                                        "2021-05-08"));
    EXPECT_EQ(FindDuplicate({Candidate()}, {f}), 21) << determination::CaseStatusName(s);
  }
}

TEST(Duplicates, InProgressCaseComparedByItsWouldGetWindow) {
  for (LineState state : {LineState::kAwaitingNurse, LineState::kAwaitingPhysician,
                          LineState::kApproved}) {
    FiledLine f = Filed(22, CaseStatus::kInProgress,
                        MakeLine("29881", state, Laterality::kLeft, "2021-04-29", "2021-06-27"));
    EXPECT_EQ(FindDuplicate({Candidate()}, {f}), 22) << LineStateName(state);
  }
}

TEST(Duplicates, InactiveStatusesDoNotCount) {
  for (CaseStatus s : {CaseStatus::kCompleted, CaseStatus::kVoluntarilyCancelled,
                       CaseStatus::kOtherImpact, CaseStatus::kNonAuthorized,
                       CaseStatus::kNotReviewedErrorEntry}) {
    EXPECT_FALSE(IsActiveForDuplicates(s)) << determination::CaseStatusName(s);
    FiledLine f = Filed(31, s, MakeLine("29881", LineState::kApproved, Laterality::kLeft,
                                        "2021-03-01", "2021-04-29"));
    EXPECT_FALSE(FindDuplicate({Candidate()}, {f})) << determination::CaseStatusName(s);
  }
}

TEST(Duplicates, DeniedOrNotRequiredFiledLinesDoNotCount) {
  for (LineState state : {LineState::kDenied, LineState::kNotRequired,
                          LineState::kDeniedAdministrative, LineState::kRejected,
                          LineState::kNotificationOnly}) {
    EXPECT_FALSE(ComparesForDuplicates(MakeLine("29881", state, Laterality::kLeft, "2021-03-01",
                                                "2021-04-29")))
        << LineStateName(state);
    FiledLine f = Filed(41, CaseStatus::kMultipleDecisionsRendered,
                        MakeLine("29881", state, Laterality::kLeft, "2021-03-01", "2021-04-29"));
    EXPECT_FALSE(FindDuplicate({Candidate()}, {f})) << LineStateName(state);
  }
}

TEST(Duplicates, MdrComparesItsApprovedLineOnly) {
  FiledLine denied = Filed(51, CaseStatus::kMultipleDecisionsRendered,
                           MakeLine("29881", LineState::kDenied, Laterality::kLeft, "2021-03-01",
                                    "2021-04-29"));
  FiledLine approved = Filed(51, CaseStatus::kMultipleDecisionsRendered,
                             MakeLine("27447", LineState::kApproved, Laterality::kLeft,
                                      "2021-03-01", "2021-04-29"));
  EXPECT_FALSE(FindDuplicate({Candidate()}, {denied, approved}));
  EXPECT_EQ(FindDuplicate({MakeLine("27447", LineState::kAwaitingNurse, Laterality::kNone,
                                    "2021-04-01", "2021-05-30")},
                          {denied, approved}),
            51);
}

TEST(Duplicates, NotRequiredCandidateLinesDoNotCount) {
  FiledLine f = AuthorizedOn("2021-03-01", "2021-04-29");
  EXPECT_FALSE(FindDuplicate({Candidate(Laterality::kLeft, "2021-03-01", "2021-04-29",
                                        LineState::kNotRequired)},
                             {f}));
  EXPECT_FALSE(FindDuplicate({Candidate(Laterality::kLeft, "2021-03-01", "2021-04-29",
                                        LineState::kNotificationOnly)},
                             {f}));
  // Approved and awaiting candidate lines do.
  for (LineState s : {LineState::kApproved, LineState::kAwaitingNurse,
                      LineState::kAwaitingPhysician}) {
    EXPECT_EQ(FindDuplicate({Candidate(Laterality::kLeft, "2021-03-01", "2021-04-29", s)}, {f}),
              11)
        << LineStateName(s);
  }
}

TEST(Duplicates, AnyCandidateLineAgainstAnyFiledLine) {
  std::vector<LineRecord> candidate = {
      MakeLine("63030", LineState::kApproved, Laterality::kNone, "2021-03-01", "2021-04-29"),
      Candidate(Laterality::kRight)};
  std::vector<FiledLine> filed = {
      Filed(61, CaseStatus::kAuthorized, MakeLine("29881", LineState::kApproved,
                                                  Laterality::kLeft, "2021-03-01", "2021-04-29")),
      Filed(62, CaseStatus::kInProgress, MakeLine("29881", LineState::kAwaitingNurse,
                                                  Laterality::kRight, "2021-04-01", "2021-05-30")),
  };
  EXPECT_EQ(FindDuplicate(candidate, filed), 62);
  EXPECT_FALSE(FindDuplicate(candidate, {}));
  EXPECT_FALSE(FindDuplicate({}, filed));
}

TEST(Duplicates, LinesWithoutAWindowAreSkipped) {
  LineRecord no_window = Candidate();
  no_window.window_from.reset();
  no_window.window_to.reset();
  EXPECT_FALSE(FindDuplicate({no_window}, {AuthorizedOn("2021-03-01", "2021-04-29")}));
}

}  // namespace
}  // namespace mskc::lifecycle
