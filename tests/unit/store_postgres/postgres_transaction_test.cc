// OpenPostgres transactions: commit, rollback, read snapshots, and lost races as kRetry.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <future>

#include "tests/unit/store_postgres/postgres_fixture.h"

namespace mskc::store {
namespace {

using ::testing::HasSubstr;

class PostgresTransactionTest : public PostgresTest {
 protected:
  void SetUp() override {
    PostgresTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    db_->Exec("CREATE TABLE counters (id BIGINT PRIMARY KEY, value BIGINT NOT NULL)");
    db_->Exec("INSERT INTO counters VALUES (1, 0), (2, 0)");
  }

  static SqlValue Value(SqlConnection& conn, const char* id) {
    return Scalar(conn, "SELECT value FROM counters WHERE id = $1", {id});
  }
  static void Bump(SqlConnection& conn, const char* id) {
    conn.Exec("UPDATE counters SET value = value + 1 WHERE id = $1", {id});
  }
};

TEST_F(PostgresTransactionTest, RollbackDiscardsTheWrites) {
  db_->BeginWrite();
  Bump(*db_, "1");
  db_->Exec("INSERT INTO counters VALUES ($1, $2)", {"3", "9"});
  EXPECT_EQ(Value(*db_, "1"), "1");  // visible inside
  db_->Rollback();
  EXPECT_EQ(Value(*db_, "1"), "0");
  EXPECT_TRUE(db_->Exec("SELECT id FROM counters WHERE id = $1", {"3"}).empty());
}

TEST_F(PostgresTransactionTest, RollbackOutsideATransactionIsHarmless) {
  db_->Rollback();
  db_->Rollback();
  db_->BeginWrite();
  Bump(*db_, "1");
  db_->Commit();
  db_->Rollback();  // after a commit: nothing to undo
  EXPECT_EQ(Value(*db_, "1"), "1");
}

TEST_F(PostgresTransactionTest, CommitPersistsAndOnlyThenOthersSeeIt) {
  std::unique_ptr<SqlConnection> other = Open();
  db_->BeginWrite();
  Bump(*db_, "1");
  EXPECT_EQ(Value(*other, "1"), "0");  // not yet committed
  db_->Commit();
  EXPECT_EQ(Value(*other, "1"), "1");
  // And it outlives the connection that wrote it.
  db_.reset();
  EXPECT_EQ(Value(*Open(), "1"), "1");
}

TEST_F(PostgresTransactionTest, ReadTransactionSeesOneSnapshot) {
  std::unique_ptr<SqlConnection> writer = Open();
  db_->BeginRead();
  EXPECT_EQ(Value(*db_, "1"), "0");
  Bump(*writer, "1");                // committed by another connection meanwhile
  EXPECT_EQ(Value(*db_, "1"), "0");  // still the snapshot
  db_->Commit();
  EXPECT_EQ(Value(*db_, "1"), "1");
}

TEST_F(PostgresTransactionTest, ReadTransactionRefusesWrites) {
  db_->BeginRead();
  Thrown t = ThrownBy([&] { Bump(*db_, "1"); });
  EXPECT_EQ(t.kind, Kind::kInternal);
  EXPECT_THAT(t.message, HasSubstr("read-only"));
  db_->Rollback();
  EXPECT_EQ(Value(*db_, "1"), "0");
}

TEST_F(PostgresTransactionTest, NestedBeginAndStrayCommitAreRefused) {
  EXPECT_EQ(ThrownBy([&] { db_->Commit(); }).kind, Kind::kInternal);
  db_->BeginWrite();
  EXPECT_EQ(ThrownBy([&] { db_->BeginWrite(); }).kind, Kind::kInternal);
  EXPECT_EQ(ThrownBy([&] { db_->BeginRead(); }).kind, Kind::kInternal);
  Bump(*db_, "1");
  db_->Commit();  // the outer transaction was not disturbed
  EXPECT_EQ(Value(*db_, "1"), "1");
}

TEST_F(PostgresTransactionTest, CommitAfterAFailedStatementThrowsAndKeepsNothing) {
  db_->BeginWrite();
  Bump(*db_, "1");
  EXPECT_EQ(ThrownBy([&] { db_->Exec("SELECT * FROM no_such_table"); }).kind, Kind::kInternal);
  Thrown t = ThrownBy([&] { db_->Commit(); });
  EXPECT_EQ(t.kind, Kind::kInternal);
  EXPECT_THAT(t.message, HasSubstr("failed"));
  EXPECT_EQ(Value(*db_, "1"), "0");  // rolled back, and the connection is usable again
}

// First updater wins: the second writer of the same row loses the race at its UPDATE.
TEST_F(PostgresTransactionTest, ConcurrentUpdateOfOneRowIsRetry) {
  std::unique_ptr<SqlConnection> a = Open();
  std::unique_ptr<SqlConnection> b = Open();
  a->BeginWrite();
  b->BeginWrite();
  EXPECT_EQ(Value(*a, "1"), "0");
  EXPECT_EQ(Value(*b, "1"), "0");
  Bump(*a, "1");
  a->Commit();
  Thrown t = ThrownBy([&] { Bump(*b, "1"); });
  EXPECT_EQ(t.kind, Kind::kRetry);
  EXPECT_THAT(t.message, HasSubstr("40001"));
  b->Rollback();

  // The retry, run again from the start, succeeds and sees the winner's write.
  b->BeginWrite();
  EXPECT_EQ(Value(*b, "1"), "1");
  Bump(*b, "1");
  b->Commit();
  EXPECT_EQ(Value(*db_, "1"), "2");
}

// Write skew: each reads both rows and changes a different one. Serializable refuses the second
// to finish, at its UPDATE or at its COMMIT.
TEST_F(PostgresTransactionTest, WriteSkewIsRetry) {
  std::unique_ptr<SqlConnection> a = Open();
  std::unique_ptr<SqlConnection> b = Open();
  a->BeginWrite();
  b->BeginWrite();
  EXPECT_EQ(Scalar(*a, "SELECT sum(value) FROM counters"), "0");
  EXPECT_EQ(Scalar(*b, "SELECT sum(value) FROM counters"), "0");
  Bump(*a, "1");
  Thrown b_update = ThrownBy([&] { Bump(*b, "2"); });
  a->Commit();
  Thrown b_commit = b_update.kind ? Thrown{} : ThrownBy([&] { b->Commit(); });
  std::optional<Kind> lost = b_update.kind ? b_update.kind : b_commit.kind;
  EXPECT_EQ(lost, Kind::kRetry);
  b->Rollback();
  EXPECT_EQ(Scalar(*db_, "SELECT sum(value) FROM counters"), "1");
}

// A deadlock between two writers: exactly one is chosen as victim and gets kRetry.
TEST_F(PostgresTransactionTest, DeadlockIsRetryForExactlyOne) {
  std::unique_ptr<SqlConnection> a = Open();
  std::unique_ptr<SqlConnection> b = Open();
  for (SqlConnection* c : {a.get(), b.get()}) c->Exec("SET statement_timeout = 30000");
  a->BeginWrite();
  b->BeginWrite();
  Bump(*a, "1");
  Bump(*b, "2");
  // Each connection is used by one thread only.
  std::future<Thrown> a_waits =
      std::async(std::launch::async, [&] { return ThrownBy([&] { Bump(*a, "2"); }); });
  Thrown b_result = ThrownBy([&] { Bump(*b, "1"); });
  Thrown a_result = a_waits.get();

  int retries = (a_result.kind == Kind::kRetry) + (b_result.kind == Kind::kRetry);
  EXPECT_EQ(retries, 1) << a_result.message << " / " << b_result.message;
  Thrown& victim = a_result.kind ? a_result : b_result;
  EXPECT_THAT(victim.message, HasSubstr("40P01"));
  SqlConnection& winner = a_result.kind ? *b : *a;
  SqlConnection& loser = a_result.kind ? *a : *b;
  loser.Rollback();
  winner.Commit();
  EXPECT_EQ(Scalar(*db_, "SELECT sum(value) FROM counters"), "2");
}

}  // namespace
}  // namespace mskc::store
