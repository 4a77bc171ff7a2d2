// OpenPostgres: statements, parameters, text values, errors and connection failures.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/store_postgres/postgres_fixture.h"

namespace mskc::store {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST_F(PostgresTest, DialectIsPostgresql) { EXPECT_EQ(db_->Dialect(), "postgresql"); }

TEST_F(PostgresTest, CommandsReturnNoRows) {
  EXPECT_TRUE(db_->Exec("CREATE TABLE t (id BIGINT PRIMARY KEY, name TEXT)").empty());
  EXPECT_TRUE(db_->Exec("INSERT INTO t (id, name) VALUES ($1, $2)", {"1", "a"}).empty());
  EXPECT_TRUE(db_->Exec("UPDATE t SET name = $1", {"b"}).empty());
  EXPECT_TRUE(db_->Exec("SELECT id FROM t WHERE id = $1", {"2"}).empty());
}

TEST_F(PostgresTest, InsertAndSelectWithParamsIncludingNull) {
  db_->Exec("CREATE TABLE cases (id BIGINT PRIMARY KEY, member TEXT, note TEXT, line INTEGER)");
  db_->Exec("INSERT INTO cases (id, member, note, line) VALUES ($1, $2, $3, $4)",
            {"7", "M-1", std::nullopt, "2"});
  db_->Exec("INSERT INTO cases (id, member, note, line) VALUES ($1, $2, $3, $4)",
            {"8", "M-2", "héllo 'quoted' ; $1", std::nullopt});

  std::vector<SqlRow> rows = db_->Exec("SELECT id, member, note, line FROM cases ORDER BY id", {});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (SqlRow{"7", "M-1", std::nullopt, "2"}));
  EXPECT_EQ(rows[1], (SqlRow{"8", "M-2", "héllo 'quoted' ; $1", std::nullopt}));

  rows = db_->Exec("SELECT member FROM cases WHERE note IS NULL", {});
  EXPECT_EQ(rows, (std::vector<SqlRow>{{"M-1"}}));
  // A NULL parameter compares like NULL: it matches nothing with `=`.
  EXPECT_TRUE(db_->Exec("SELECT id FROM cases WHERE note = $1", {std::nullopt}).empty());
}

TEST_F(PostgresTest, RepeatedParameterBindsOneValueEverywhere) {
  db_->Exec("CREATE TABLE pairs (a TEXT, b TEXT)");
  db_->Exec("INSERT INTO pairs (a, b) VALUES ($1, $1)", {"same"});
  db_->Exec("INSERT INTO pairs (a, b) VALUES ($1, $2)", {"same", "other"});
  EXPECT_EQ(Scalar(*db_, "SELECT count(*) FROM pairs WHERE a = $1 AND b = $1", {"same"}), "1");
  EXPECT_EQ(Scalar(*db_, "SELECT count(*) FROM pairs WHERE a = $2 OR b = $1", {"other", "same"}),
            "2");
}

TEST_F(PostgresTest, DollarDigitInsideAStringLiteralIsText) {
  std::vector<SqlRow> rows = db_->Exec("SELECT '$1', $1::text", {"x"});
  EXPECT_EQ(rows, (std::vector<SqlRow>{{"$1", "x"}}));
}

TEST_F(PostgresTest, IntegersRoundTripAsDecimalText) {
  db_->Exec("CREATE TABLE nums (k TEXT PRIMARY KEY, big BIGINT, small INTEGER)");
  db_->Exec("INSERT INTO nums VALUES ($1, $2, $3)", {"max", "9223372036854775807", "2147483647"});
  db_->Exec("INSERT INTO nums VALUES ($1, $2, $3)", {"min", "-9223372036854775808", "-2147483648"});
  // 2^53 + 1 is not a double: it must travel as exact text.
  db_->Exec("INSERT INTO nums VALUES ($1, $2, $3)", {"odd", "9007199254740993", "0"});
  std::vector<SqlRow> rows = db_->Exec("SELECT k, big, small FROM nums ORDER BY big", {});
  EXPECT_EQ(rows, (std::vector<SqlRow>{{"min", "-9223372036854775808", "-2147483648"},
                                       {"odd", "9007199254740993", "0"},
                                       {"max", "9223372036854775807", "2147483647"}}));
  EXPECT_EQ(Scalar(*db_, "SELECT big + 1 FROM nums WHERE k = $1", {"odd"}), "9007199254740994");
  // One past INTEGER's range is refused, not wrapped.
  EXPECT_EQ(ThrownBy([&] { db_->Exec("UPDATE nums SET small = $1", {"2147483648"}); }).kind,
            Kind::kInternal);
}

TEST_F(PostgresTest, IntegerColumnComparesWithTextParameterAtTheBoundary) {
  db_->Exec("CREATE TABLE deadlines (id BIGINT, due BIGINT)");
  db_->Exec("INSERT INTO deadlines VALUES ($1, $2)", {"1", "42"});
  const char* sql = "SELECT id FROM deadlines WHERE due <= $1";
  EXPECT_TRUE(db_->Exec(sql, {"41"}).empty());                      // the moment before
  EXPECT_EQ(db_->Exec(sql, {"42"}), (std::vector<SqlRow>{{"1"}}));  // exactly at
  EXPECT_EQ(db_->Exec(sql, {"43"}), (std::vector<SqlRow>{{"1"}}));  // after
  // Numeric, not text, comparison: "100" > "42" although "100" < "42" as strings.
  EXPECT_EQ(db_->Exec("SELECT id FROM deadlines WHERE due < $1", {"100"}),
            (std::vector<SqlRow>{{"1"}}));
}

TEST_F(PostgresTest, TableExistsNamesOnlyExistingTablesExactly) {
  EXPECT_FALSE(db_->TableExists("cases"));
  db_->Exec("CREATE TABLE cases (id BIGINT)");
  db_->Exec("CREATE VIEW case_view AS SELECT id FROM cases");
  EXPECT_TRUE(db_->TableExists("cases"));
  EXPECT_FALSE(db_->TableExists("CASES"));
  EXPECT_FALSE(db_->TableExists("case"));
  EXPECT_FALSE(db_->TableExists("case_view"));
  EXPECT_FALSE(db_->TableExists("pg_class"));  // a catalog table is not in our schema
  EXPECT_FALSE(db_->TableExists("x'; DROP TABLE cases; --"));
  EXPECT_TRUE(db_->TableExists("cases"));
}

TEST_F(PostgresTest, StatementErrorIsInternalWithTheServersMessage) {
  Thrown missing = ThrownBy([&] { db_->Exec("SELECT * FROM no_such_table", {}); });
  EXPECT_EQ(missing.kind, Kind::kInternal);
  EXPECT_THAT(missing.message, HasSubstr("relation \"no_such_table\" does not exist"));
  EXPECT_THAT(missing.message, HasSubstr("42P01"));

  EXPECT_EQ(ThrownBy([&] { db_->Exec("SELEC 1", {}); }).kind, Kind::kInternal);
  db_->Exec("CREATE TABLE t (id BIGINT PRIMARY KEY)");
  db_->Exec("INSERT INTO t VALUES ($1)", {"1"});
  Thrown duplicate = ThrownBy([&] { db_->Exec("INSERT INTO t VALUES ($1)", {"1"}); });
  EXPECT_EQ(duplicate.kind, Kind::kInternal);
  EXPECT_THAT(duplicate.message, HasSubstr("23505"));
  EXPECT_EQ(ThrownBy([&] { db_->Exec("INSERT INTO t VALUES ($1)", {"seven"}); }).kind,
            Kind::kInternal);
  // The connection is still usable afterwards.
  EXPECT_EQ(Scalar(*db_, "SELECT count(*) FROM t"), "1");
}

TEST_F(PostgresTest, LostConnectionIsUnavailable) {
  SqlValue pid = Scalar(*db_, "SELECT pg_backend_pid()");
  ASSERT_TRUE(pid.has_value());
  db_->BeginWrite();
  std::unique_ptr<SqlConnection> admin = Open();
  EXPECT_EQ(Scalar(*admin, "SELECT pg_terminate_backend($1, 10000)", {pid}), "t");
  EXPECT_EQ(ThrownBy([&] { db_->Exec("SELECT 1", {}); }).kind, Kind::kUnavailable);
  EXPECT_EQ(ThrownBy([&] { db_->Commit(); }).kind, Kind::kUnavailable);
  db_->Rollback();  // harmless on a dead connection
  EXPECT_EQ(ThrownBy([&] { db_->BeginWrite(); }).kind, Kind::kUnavailable);
}

TEST_F(PostgresTest, NoticesAndWarningsAreNotPrinted) {
  ::testing::internal::CaptureStderr();
  db_->Exec("DROP TABLE IF EXISTS nothing_here", {});  // a NOTICE
  db_->Exec("DO $$ BEGIN RAISE WARNING 'loud warning'; END $$", {});
  // PostgreSQL would only warn about a COMMIT outside a transaction; we refuse it, silently.
  EXPECT_EQ(ThrownBy([&] { db_->Commit(); }).kind, Kind::kInternal);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST_F(PostgresTest, MissingDatabaseIsUnavailable) {
  std::string uri = uri_;
  uri.replace(uri.find("/spg_"), uri.find('?') - uri.find("/spg_"), "/no_such_database");
  Thrown t = ThrownBy([&] { OpenPostgres(uri); });
  EXPECT_EQ(t.kind, Kind::kUnavailable);
  EXPECT_THAT(t.message, HasSubstr("no_such_database"));
}

// Connection failures never need the server: nothing listens at these addresses.
TEST(PostgresConnectTest, UnreachableSocketIsUnavailableWithoutThePassword) {
  Thrown t = ThrownBy([] {
    OpenPostgres("postgresql://mskc:Sup3rS3cretPw@/intake?host=/nonexistent-mskc-dir&port=5432");
  });
  EXPECT_EQ(t.kind, Kind::kUnavailable);
  EXPECT_THAT(t.message, HasSubstr("intake"));
  EXPECT_THAT(t.message, HasSubstr("/nonexistent-mskc-dir"));
  EXPECT_THAT(t.message, Not(HasSubstr("Sup3rS3cretPw")));
  EXPECT_THAT(t.message, Not(HasSubstr("mskc:")));
}

TEST(PostgresConnectTest, MalformedUrisAreUnavailableWithoutThePassword) {
  const char* uris[] = {
      "postgresql://mskc:Sup3r%zzS3cret@localhost/db",
      "postgresql://mskc:Sup3rS3cret@/db?host=/nonexistent-mskc-dir&bogus_option=Sup3rS3cret",
      "postgresql:///db?host=/nonexistent-mskc-dir&password=Sup3rS3cret&sslmode=Sup3rS3cret",
      "host=/nonexistent-mskc-dir password='Sup3rS3cret' dbname=db",
      "postgresql://mskc:Sup3r%53%33cret@/db?host=/nonexistent-mskc-dir&port=notaport",
  };
  for (const char* uri : uris) {
    Thrown t = ThrownBy([&] { OpenPostgres(uri); });
    EXPECT_EQ(t.kind, Kind::kUnavailable) << uri;
    EXPECT_THAT(t.message, Not(HasSubstr("Sup3r"))) << uri;
    EXPECT_THAT(t.message, Not(HasSubstr("S3cret"))) << uri;
  }
}

}  // namespace
}  // namespace mskc::store
