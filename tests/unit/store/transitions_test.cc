// `cancel` and `void` against every status (program rules, "Case store details": the transition
// table's "allowed from" column); anything else is ILLEGAL_TRANSITION with the store unchanged.
#include <gmock/gmock.h>

#include <set>

#include "tests/unit/store/store_fixture.h"

namespace mskc::store {
namespace {

const std::vector<std::string> kEveryStatus = {
    "In Progress",
    "Completed",
    "Authorized",
    "Non-Authorized",
    "Multiple Decisions Rendered",
    "Voluntarily Cancelled",
    "Not Reviewed/Error Entry",
    "Other Impact",
};

class TransitionsTest : public StoreTest {
 protected:
  // A case in `status`, for a member of its own so that no two of them are duplicates (S4).
  std::string CaseIn(const std::string& status) {
    std::string member = "MBR-T-" + std::to_string(++members_);
    auto submit = [&](const std::string& file) {
      return Submit(ForMember(file, member), "2021-03-01T09:00:00Z").value("order_id", "");
    };
    std::string id;
    if (status == "In Progress") {
      id = submit("pended_missing_info");
    } else if (status == "Completed") {
      id = submit("notification_only");
    } else if (status == "Authorized") {
      id = submit("approved");
    } else if (status == "Non-Authorized") {
      id = submit("not_enrolled");
    } else if (status == "Multiple Decisions Rendered") {
      id = MakeMultipleDecisions(ForMember("two_lines_pended", member));
    } else if (status == "Voluntarily Cancelled") {
      id = submit("pended_missing_info");
      Ok(Cancel(id, "2021-03-01T10:00:00Z"));
    } else if (status == "Not Reviewed/Error Entry") {
      id = submit("rejected_servicing");
    } else if (status == "Other Impact") {
      submit("pended_missing_info");
      id = submit("pended_missing_info");
    }
    EXPECT_EQ(Status(id), status) << "could not make a case in status " << status;
    return id;
  }

  // Runs `command` on a case in each of the `allowed` statuses: it moves to `to` (empty: stays
  // where it was) and the audit log records it. (The refusals from every other status:
  // EveryCommandOutsideItsAllowed...)
  void CheckAllowedFrom(const std::vector<std::string>& allowed, const std::string& to,
                        const std::string& event,
                        const std::function<CommandResult(const std::string&)>& command) {
    for (const std::string& status : allowed) {
      SCOPED_TRACE(event + " from " + status);
      std::string id = CaseIn(status);
      size_t events_before = History(id).size();
      const std::string& expected = to.empty() ? status : to;
      Json after = Ok(command(id));
      EXPECT_EQ(after.value("status", ""), expected);
      EXPECT_EQ(after.value("updated_at", ""), "2021-03-05T12:00:00Z");
      if (!to.empty()) {
        EXPECT_TRUE(after["deadline"].is_null());
      }
      Json h = History(id);
      ASSERT_EQ(h.size(), events_before + 1);
      const Json& last = h.back();
      EXPECT_EQ(CommandOf(last), event);
      EXPECT_EQ(last.value("from", ""), status);
      EXPECT_EQ(last.value("to", ""), expected);
      EXPECT_EQ(last.value("at", ""), "2021-03-05T12:00:00Z");
    }
  }

  int members_ = 0;
};
MSKC_STORE_BACKENDS(TransitionsTest);

TEST_P(TransitionsTest, CancelWithdrawsAnInProgressOrAuthorizedCase) {
  CheckAllowedFrom({"In Progress", "Authorized"}, "Voluntarily Cancelled", "cancel",
                   [&](const std::string& id) { return Cancel(id, "2021-03-05T12:00:00Z"); });
}

TEST_P(TransitionsTest, VoidMarksAnInProgressAuthorizedOrCompletedCaseAsAnError) {
  CheckAllowedFrom({"In Progress", "Authorized", "Completed"}, "Not Reviewed/Error Entry", "void",
                   [&](const std::string& id) { return Void(id, "2021-03-05T12:00:00Z"); });
}

TEST_P(TransitionsTest, CancelledCaseHasNoDeadlineLeft) {
  std::string id = CaseIn("Voluntarily Cancelled");
  Json tick = Ok(Tick("2021-04-01T00:00:00Z"));
  EXPECT_TRUE(ClosedOf(tick).empty()) << tick.dump();
  EXPECT_EQ(Status(id), "Voluntarily Cancelled");
  ExpectRefused(Void(id, "2021-04-01T00:00:00Z"), "ILLEGAL_TRANSITION");
}

// The whole table at once: on a case in each status, every command whose "allowed from" column
// lacks that status is refused with ILLEGAL_TRANSITION, and the case stays as it was. (The
// Non-Authorized case here is an administrative denial, which is not reconsidered either.)
TEST_P(TransitionsTest, EveryCommandOutsideItsAllowedStatusesIsRefused) {
  const char* at = "2021-03-05T12:00:00Z";
  struct Command {
    std::string name;
    std::set<std::string> allowed_from;
    std::function<CommandResult(const std::string&)> run;
  };
  const std::vector<Command> commands = {
      {"review (nurse)",
       {"In Progress"},
       [&](const std::string& id) { return Review(id, Nurse(ReviewDecision::kApprove), at); }},
      {"review (physician)",
       {"In Progress"},
       [&](const std::string& id) { return Review(id, Physician(ReviewDecision::kApprove), at); }},
      {"p2p", {"In Progress"}, [&](const std::string& id) { return P2p(id, at); }},
      {"update",
       {"In Progress"},
       [&](const std::string& id) { return Update(id, R"({"clinical": {"pain_score": 7}})", at); }},
      {"reconsider",
       {"Multiple Decisions Rendered"},
       [&](const std::string& id) { return Reconsider(id, at); }},
      {"change-dos",
       {"Authorized", "Completed"},
       [&](const std::string& id) { return ChangeDos(id, "2021-04-02", at); }},
      {"cancel",
       {"In Progress", "Authorized"},
       [&](const std::string& id) { return Cancel(id, at); }},
      {"void",
       {"In Progress", "Authorized", "Completed"},
       [&](const std::string& id) { return Void(id, at); }},
  };
  for (const std::string& status : kEveryStatus) {
    std::string id = CaseIn(status);
    std::string before = Visible(id);
    for (const Command& command : commands) {
      if (command.allowed_from.count(status)) continue;
      SCOPED_TRACE(command.name + " on a case " + status);
      ExpectRefused(command.run(id), "ILLEGAL_TRANSITION");
    }
    EXPECT_EQ(Visible(id), before) << status;
  }
}

TEST_P(TransitionsTest, ChangeOfDateOfServiceKeepsAnAuthorizedOrCompletedStatus) {
  CheckAllowedFrom({"Authorized", "Completed"}, "", "change-dos", [&](const std::string& id) {
    CommandResult r = ChangeDos(id, "2021-04-02", "2021-03-05T12:00:00Z");
    EXPECT_EQ(Show(id).value("date_of_service", ""), "2021-04-02");
    return r;
  });
}

}  // namespace
}  // namespace mskc::store
