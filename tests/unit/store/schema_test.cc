// The store's schema version and migrations on both backends, and SQLite files that are not an
// mskc store (foreign, random, text, truncated): refused with a clear error and left untouched.
#include "runtime/store/schema.h"

#include <gmock/gmock.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "runtime/store/case_repository.h"
#include "tests/unit/store/store_fixture.h"

namespace mskc::store {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using Kind = StoreError::Kind;

// The kind of StoreError that OpenStore throws, nullopt when it opens.
std::optional<Kind> OpenError(const std::string& db, std::string* message = nullptr) {
  try {
    OpenStore(db);
  } catch (const StoreError& e) {
    if (message) *message = e.what();
    return e.kind();
  }
  return std::nullopt;
}

std::string Bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteBytes(const fs::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << bytes;
}

class SchemaTest : public StoreTest {
 protected:
  // A case filed straight into an opened store (no service call, so no upgrade on the way).
  static void FileOldCase(SqlConnection& db) {
    db.BeginWrite();
    lifecycle::CaseRecord r;
    r.order_number = NextOrderNumber(db);
    r.case_id = "OLD-1";
    r.member_id = "MBR-OLD";
    r.plan = "ANTHEM-ME";
    r.status = lifecycle::CaseStatus::kInProgress;
    r.received_at = At("2021-03-01T09:00:00Z");
    r.updated_at = r.received_at;
    r.deadline = At("2021-03-15T09:00:00Z");
    r.date_of_service = Day("2021-04-01");
    r.ruleset_id = PutRuleset(db, "old-digest", "[]");
    r.case_json = CaseFile("pended_missing_info");
    r.determination_json = R"({"case_id": "OLD-1", "outcome": "pended"})";
    lifecycle::LineRecord line;
    line.code = "64483";
    line.laterality = cases::Laterality::kLeft;
    line.window_from = Day("2021-04-01");
    line.window_to = Day("2021-04-14");
    r.lines.push_back(line);
    InsertCase(db, r);
    lifecycle::AuditEvent e;
    e.order_number = r.order_number;
    e.at = r.received_at;
    e.actor = Role::kProvider;
    e.event = "submit";
    e.to = r.status;
    AppendEvents(db, {e});
    db.Commit();
  }
};
MSKC_STORE_BACKENDS(SchemaTest);

TEST_P(SchemaTest, FreshStoreRecordsTheCurrentVersion) {
  std::unique_ptr<SqlConnection> db = OpenStore(target_.db);
  EXPECT_EQ(StoredSchemaVersion(*db), CurrentSchemaVersion());
  db.reset();
  SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z");
  EXPECT_EQ(StoredSchemaVersion(*OpenStore(target_.db)), CurrentSchemaVersion());
}

TEST_P(SchemaTest, VersionOneStoreIsUpgradedAndKeepsItsCases) {
  ASSERT_GT(CurrentSchemaVersion(), 1);
  {
    std::unique_ptr<SqlConnection> db = OpenStore(target_.db, 1);
    EXPECT_EQ(StoredSchemaVersion(*db), 1);
    FileOldCase(*db);
    EXPECT_EQ(StoredSchemaVersion(*db), 1);
  }
  EXPECT_EQ(StoredSchemaVersion(*OpenStore(target_.db)), CurrentSchemaVersion());
  Json old = Show("SU000000001");
  EXPECT_EQ(old.value("case_id", ""), "OLD-1");
  EXPECT_EQ(old.value("status", ""), "In Progress");
  EXPECT_EQ(old.value("deadline", ""), "2021-03-15T09:00:00Z");
  EXPECT_EQ(History("SU000000001").size(), 1u);
  // The upgraded store goes on: the old case can be decided and the sequence continues.
  EXPECT_EQ(Ok(Review("SU000000001", Nurse(ReviewDecision::kApprove), "2021-03-02T09:00:00Z"))
                .value("status", ""),
            "Authorized");
  EXPECT_EQ(SubmitFile("pended_missing_info", "2021-03-02T10:00:00Z").value("order_id", ""),
            "SU000000002");
  EXPECT_EQ(StoredSchemaVersion(*OpenStore(target_.db)), CurrentSchemaVersion());
}

// Reads prepare nothing: an older store is read as it is and upgraded by the next write.
TEST_P(SchemaTest, ReadsLeaveAnOlderStoreAsItIs) {
  ASSERT_GT(CurrentSchemaVersion(), 1);
  FileOldCase(*OpenStore(target_.db, 1));
  EXPECT_EQ(Show("SU000000001").value("case_id", ""), "OLD-1");
  EXPECT_EQ(History("SU000000001").size(), 1u);
  EXPECT_EQ(CasesOf(Ok(List())).size(), 1u);
  EXPECT_EQ(StoredSchemaVersion(*OpenStoreToRead(target_.db)), 1);
  Ok(Tick("2021-03-02"));
  EXPECT_EQ(StoredSchemaVersion(*OpenStoreToRead(target_.db)), CurrentSchemaVersion());
}

TEST_P(SchemaTest, StoreOfANewerVersionIsRefused) {
  SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z");
  {
    std::unique_ptr<SqlConnection> db = OpenStore(target_.db);
    db->Exec("INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)",
             {std::to_string(CurrentSchemaVersion() + 1), "2030-01-01T00:00:00Z"});
  }
  std::string message;
  EXPECT_EQ(OpenError(target_.db, &message), Kind::kNewerSchema);
  EXPECT_THAT(message, HasSubstr("newer"));

  for (const CommandResult& r :
       {store::Show(target_, "SU000000001"), SubmitText(CaseFile("approved"), "2021-03-02"),
        Tick("2021-04-01"), Cancel("SU000000001", "2021-03-02")}) {
    EXPECT_EQ(r.kind, ResultKind::kBadInput) << r.json;
    EXPECT_THAT(r.json, HasSubstr("newer")) << r.json;
  }
}

// SQLite files that are not an mskc case store.
class SqliteFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / "mskc-store-file-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    path_ = dir_ / "cases.db";
    target_ = StoreTarget{path_.string(), driver::Backend::kInterpreter};
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // OpenStore and the service refuse `path_` as not a store and leave its bytes as they were.
  void ExpectRefusedUntouched() {
    std::string before = Bytes(path_);
    std::string message;
    EXPECT_EQ(OpenError(path_.string(), &message), Kind::kNotAStore) << message;
    EXPECT_THAT(message, HasSubstr("not an mskc case store"));
    CommandResult submit =
        store::Submit(target_, SubmitRequest{CaseFile("approved"), {}, At("2021-03-01T09:00:00Z")});
    EXPECT_EQ(submit.kind, ResultKind::kBadInput) << submit.json;
    EXPECT_THAT(submit.json, HasSubstr("not an mskc case store"));
    EXPECT_EQ(store::List(target_, {}).kind, ResultKind::kBadInput);
    EXPECT_EQ(Bytes(path_), before);
  }

  fs::path dir_, path_;
  StoreTarget target_;
};

TEST_F(SqliteFileTest, ForeignSqliteDatabaseIsNotAStore) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT);"
                         "INSERT INTO songs (title) VALUES ('Blue in Green');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  ExpectRefusedUntouched();
}

TEST_F(SqliteFileTest, RandomBytesAreNotAStore) {
  std::mt19937 random(20210301);
  std::string bytes(8192, '\0');
  for (char& c : bytes) c = static_cast<char>(random() & 0xff);
  WriteBytes(path_, bytes);
  ExpectRefusedUntouched();
}

TEST_F(SqliteFileTest, TextFileIsNotAStore) {
  WriteBytes(path_, "order_id,status\nSU000000001,Authorized\n");
  ExpectRefusedUntouched();
}

TEST_F(SqliteFileTest, GarbageAfterAnSqliteHeaderIsNotAStore) {
  std::mt19937 random(7);
  std::string bytes("SQLite format 3", 16);
  bytes.resize(4096);
  for (size_t i = 16; i < bytes.size(); ++i) bytes[i] = static_cast<char>(random() & 0xff);
  WriteBytes(path_, bytes);
  ExpectRefusedUntouched();
}

TEST_F(SqliteFileTest, EmptyFileBecomesANewStore) {
  WriteBytes(path_, "");
  EXPECT_EQ(OpenError(path_.string()), std::nullopt);
  EXPECT_EQ(StoredSchemaVersion(*OpenStore(path_.string())), CurrentSchemaVersion());
}

TEST_F(SqliteFileTest, TruncatedStoreGivesAClearErrorNotACrash) {
  for (int i = 0; i < 3; ++i) {
    std::string member = "MBR-TR-" + std::to_string(i);
    CommandResult r = store::Submit(
        target_, SubmitRequest{ForMember("approved", member), {}, At("2021-03-01T09:00:00Z")});
    ASSERT_EQ(r.kind, ResultKind::kDone) << r.json;
  }
  ASSERT_FALSE(fs::exists(path_.string() + "-wal") && fs::file_size(path_.string() + "-wal") > 0)
      << "the WAL should be checkpointed once the last connection closed";
  uintmax_t full = fs::file_size(path_);
  for (uintmax_t size : {full / 2, uintmax_t{4096}, uintmax_t{100}}) {
    SCOPED_TRACE("truncated to " + std::to_string(size) + " of " + std::to_string(full));
    fs::resize_file(path_, size);
    int refused = 0;
    for (const CommandResult& r :
         {store::List(target_, {}), store::Show(target_, "SU000000003"),
          store::Submit(target_,
                        SubmitRequest{ForMember("approved", "MBR-TR-9"), {}, At("2021-03-02")})}) {
      ASSERT_NE(r.kind, ResultKind::kRefused) << r.json;
      Json j = Json::parse(r.json, nullptr, false);
      ASSERT_FALSE(j.is_discarded()) << r.json;
      if (r.kind == ResultKind::kBadInput) {
        ++refused;
        EXPECT_FALSE(j.value("error", "").empty()) << r.json;
      }
    }
    EXPECT_GT(refused, 0) << "a truncated store was read as if whole";
  }
}

}  // namespace
}  // namespace mskc::store
