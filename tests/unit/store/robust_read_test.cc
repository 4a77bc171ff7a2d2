// A store that one bad row or one busy writer cannot take down: dates outside 1900..9999 are
// refused before they are stored, a row that cannot be read is skipped with a warning by list,
// tick and history, reads open read-only and never wait for a writer, and a write that meets a
// lock held beyond the busy timeout says so at once instead of retrying for minutes.
#include <gmock/gmock.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>

#include "runtime/store/case_repository.h"
#include "tests/unit/store/store_fixture.h"

namespace mskc::store {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::vector<std::string> Ids(const Json& cases) {
  std::vector<std::string> ids;
  for (const Json& c : cases) ids.push_back(c.value("order_id", ""));
  return ids;
}

class RobustReadTest : public StoreTest {
 protected:
  // Writes `sql` straight into the store, as damage from outside mskc would.
  void Damage(const std::string& sql) {
    std::unique_ptr<SqlConnection> db = OpenStore(target_.db);
    db->Exec(sql);
  }
  // Three pended cases of three members, submitted 2021-03-01: SU1, SU2, SU3.
  void SubmitThree() {
    for (const char* member : {"MBR-RR-1", "MBR-RR-2", "MBR-RR-3"})
      Submit(ForMember("pended_missing_info", member), "2021-03-01T09:00:00Z");
  }
};
MSKC_STORE_BACKENDS(RobustReadTest);

TEST_P(RobustReadTest, FarFutureDateOfServiceIsRefusedAndNeverStored) {
  CommandResult far = SubmitText(
      EditedCase("approved", [](Json& c) { c["date_of_service"] = "9999-12-25"; }),
      "2021-03-01T09:00:00Z");
  EXPECT_EQ(far.kind, ResultKind::kBadInput) << far.json;
  EXPECT_THAT(far.message, HasSubstr("would fall outside 1900-01-01..9999-12-31"));
  EXPECT_THAT(CasesOf(Ok(List())), IsEmpty());
  // The store goes on as if the submit never came: the next case gets the first order id.
  EXPECT_EQ(SubmitFile("pended_missing_info", "2021-03-01T10:00:00Z").value("order_id", ""),
            OrderId(1));
  Json closed = Ok(Tick("2021-06-01"));
  EXPECT_THAT(Ids(ClosedOf(closed)), ElementsAre(OrderId(1)));
}

TEST_P(RobustReadTest, UnreadableDeadlineIsSkippedAndEveryOtherDueCaseCloses) {
  SubmitThree();
  Damage("UPDATE cases SET deadline = '10000-01-14T00:00:00Z' WHERE order_number = 2");

  CommandResult list = List();
  ASSERT_EQ(list.kind, ResultKind::kDone) << list.json;
  EXPECT_THAT(Ids(CasesOf(Json::parse(list.json))), ElementsAre(OrderId(3), OrderId(1)));
  EXPECT_THAT(list.message, HasSubstr("warning: skipped case `" + OrderId(2) + "`"));
  EXPECT_THAT(list.message, HasSubstr("(deadline)"));

  CommandResult tick = Tick("2021-06-01");
  ASSERT_EQ(tick.kind, ResultKind::kDone) << tick.json;
  EXPECT_THAT(Ids(ClosedOf(Json::parse(tick.json))), ElementsAre(OrderId(1), OrderId(3)));
  EXPECT_THAT(tick.message, HasSubstr("skipped case `" + OrderId(2) + "`"));

  EXPECT_EQ(Status(OrderId(1)), "Non-Authorized");
  EXPECT_EQ(Status(OrderId(3)), "Non-Authorized");
  EXPECT_EQ(store::Show(target_, OrderId(2)).kind, ResultKind::kBadInput);
}

TEST_P(RobustReadTest, GarbageInALineOrAnEventSpoilsOnlyThatRow) {
  SubmitThree();
  Damage("UPDATE case_lines SET outcome = 'garbage' WHERE order_number = 2");
  Damage("UPDATE audit_events SET actor = 'garbage' WHERE order_number = 1");

  CommandResult list = List();
  ASSERT_EQ(list.kind, ResultKind::kDone) << list.json;
  EXPECT_THAT(Ids(CasesOf(Json::parse(list.json))), ElementsAre(OrderId(3), OrderId(1)));
  EXPECT_THAT(list.message, HasSubstr("(outcome)"));

  CommandResult history = store::History(target_, OrderId(1));
  ASSERT_EQ(history.kind, ResultKind::kDone) << history.json;
  EXPECT_THAT(EventsOf(Json::parse(history.json)), IsEmpty());
  EXPECT_THAT(history.message, HasSubstr("skipped an event of case `" + OrderId(1) + "`"));
  EXPECT_EQ(History(OrderId(3)).size(), 1u);

  // The damaged member can still file: the duplicate check skips the row it cannot read.
  CommandResult again = SubmitText(ForMember("approved", "MBR-RR-2"), "2021-03-02T09:00:00Z");
  EXPECT_EQ(again.kind, ResultKind::kDone) << again.json;
  EXPECT_THAT(again.message, HasSubstr("skipped a line of case `" + OrderId(2) + "`"));
}

// PostgreSQL: a read takes no schema lock, so a writer stuck while preparing the schema (holding
// its advisory lock) does not hold up show, list or history.
TEST_P(RobustReadTest, ReadsDoNotWaitForTheSchemaLock) {
  if (IsSqlite()) GTEST_SKIP() << "PostgreSQL's schema lock";
  SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z");
  std::unique_ptr<SqlConnection> writer = OpenPostgres(target_.db);
  writer->Exec("SELECT pg_advisory_lock(7270001)");
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(Status(OrderId(1)), "In Progress");
  EXPECT_EQ(History(OrderId(1)).size(), 1u);
  EXPECT_THAT(Ids(CasesOf(Ok(List()))), ElementsAre(OrderId(1)));
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
}

// SQLite only: the file, its locks and its permissions.
class SqliteLockTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (!IsSqlite()) GTEST_SKIP() << "SQLite file locking";
  }
  void TearDown() override {
    if (writer_) {
      sqlite3_exec(writer_, "ROLLBACK", nullptr, nullptr, nullptr);
      sqlite3_close_v2(writer_);
    }
    StoreTest::TearDown();
  }
  // Another process's connection with an open write transaction.
  void HoldWriteLock() {
    ASSERT_EQ(sqlite3_open_v2(sqlite_path_.c_str(), &writer_, SQLITE_OPEN_READWRITE, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(writer_,
                           "BEGIN IMMEDIATE; UPDATE counters SET value = value WHERE name = "
                           "'order_number'",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
  }
  template <typename F>
  static double Seconds(F&& f) {
    auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }

  sqlite3* writer_ = nullptr;
};
MSKC_STORE_BACKENDS(SqliteLockTest);

TEST_P(SqliteLockTest, ReadsDoNotWaitForAWriter) {
  SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z");
  HoldWriteLock();
  double took = Seconds([&] {
    EXPECT_EQ(store::Show(target_, OrderId(1)).kind, ResultKind::kDone);
    EXPECT_EQ(store::History(target_, OrderId(1)).kind, ResultKind::kDone);
    EXPECT_THAT(Ids(CasesOf(Ok(List()))), ElementsAre(OrderId(1)));
  });
  EXPECT_LT(took, 2.0);
}

TEST_P(SqliteLockTest, WriteBehindAHeldLockSaysSoAtOnce) {
  SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z");
  HoldWriteLock();
  target_.busy_timeout_ms = 200;
  target_.command = "case tick";
  CommandResult tick;
  double took = Seconds([&] { tick = Tick("2021-06-01"); });
  EXPECT_EQ(tick.kind, ResultKind::kBadInput) << tick.json;
  EXPECT_THAT(tick.message, HasSubstr("`mskc case tick` could not run: the case store is locked "
                                      "by another process; try again"));
  EXPECT_LT(took, 5.0);  // not 50 retries of the busy timeout
}

TEST_P(SqliteLockTest, ReadOnlyStoreCanBeRead) {
  SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z");
  fs::path file(sqlite_path_);
  fs::permissions(file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(file.parent_path(), fs::perms::owner_read | fs::perms::owner_exec);
  EXPECT_EQ(Show(OrderId(1)).value("status", ""), "In Progress");
  EXPECT_THAT(Ids(CasesOf(Ok(List()))), ElementsAre(OrderId(1)));
  EXPECT_EQ(History(OrderId(1)).size(), 1u);
  // (As root, permissions do not bind; as any other user this is a store nobody may write.)
  fs::permissions(file.parent_path(), fs::perms::owner_all);
}

TEST_P(RobustReadTest, InMemorySqliteIsRecognizedInEveryForm) {
  for (const char* db : {"", ":memory:", "file::memory:", "file::memory:?cache=shared",
                         "file:cases.db?mode=memory", "file:?x=1"})
    EXPECT_TRUE(IsInMemorySqlite(db)) << db;
  for (const char* db : {"cases.db", "memory.db", "./:memory:", "postgresql://h/db"})
    EXPECT_FALSE(IsInMemorySqlite(db)) << db;
}

}  // namespace
}  // namespace mskc::store
