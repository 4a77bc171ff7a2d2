// A fresh database per test on the fixture's throwaway server, and a helper that reports which
// StoreError kind a statement threw.
#pragma once
#include <gtest/gtest.h>

#include <cctype>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "runtime/store/sql_connection.h"
#include "tests/common/postgres_test_db.h"

namespace mskc::store {

using Kind = StoreError::Kind;

// What `action` threw: its kind and message; kind nullopt when it returned normally.
struct Thrown {
  std::optional<Kind> kind;
  std::string message;
};

inline Thrown ThrownBy(const std::function<void()>& action) {
  try {
    action();
  } catch (const StoreError& e) {
    return {e.kind(), e.what()};
  }
  return {};
}

class PostgresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!pgtest::PostgresTestsEnabled())
      GTEST_SKIP() << "no PostgreSQL test server (run through ctest: fixture `postgres`)";
    // One database per test: ctest runs the tests of this binary in parallel.
    std::string name = "spg_";
    for (char c : std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()))
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    name = name.substr(0, 63);
    std::optional<std::string> uri = pgtest::FreshPostgresDatabase(name);
    ASSERT_TRUE(uri.has_value()) << "could not create database " << name;
    uri_ = *uri;
    db_ = OpenPostgres(uri_);
  }

  std::unique_ptr<SqlConnection> Open() const { return OpenPostgres(uri_); }

  // The single value of a one-row, one-column query.
  static SqlValue Scalar(SqlConnection& conn, std::string_view sql,
                         const std::vector<SqlValue>& params = {}) {
    std::vector<SqlRow> rows = conn.Exec(sql, params);
    EXPECT_EQ(rows.size(), 1u) << sql;
    if (rows.size() != 1 || rows[0].size() != 1) return std::nullopt;
    return rows[0][0];
  }

  std::string uri_;
  std::unique_ptr<SqlConnection> db_;
};

}  // namespace mskc::store
