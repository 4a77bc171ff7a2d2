// The JIT's object cache: a second compile of the same program loads its objects instead of
// compiling them, with identical results and IR; a changed program gets a new entry; a damaged
// entry is recompiled and replaced, never used.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "runtime/core/limits.h"
#include "tests/unit/codegen/jit_harness.h"

namespace mskc::codegen::testing {
namespace {

namespace fs = std::filesystem;
using Op = ir::Op;
using VT = ir::ValueType;

class ObjectCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("mskc-object-cache-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  JitOptions Cached() const {
    JitOptions options;
    options.cache_dir = dir_.string();
    return options;
  }
  std::vector<fs::path> Entries() const {
    std::vector<fs::path> out;
    if (!fs::exists(dir_)) return out;
    for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path());
    return out;
  }
  // pain >= 4 and not infection, over three cases.
  std::vector<std::vector<Tri>> CompileAndRun(JitHarness& t, double threshold) {
    uint32_t pain = t.AddSlot("pain", VT::kNumber);
    uint32_t infection = t.AddSlot("infection", VT::kBool);
    t.Compile({t.And({t.Cmp(Op::kGe, t.S(pain), t.Num(threshold)), t.Not(t.S(infection))})},
              Cached());
    std::vector<std::vector<Tri>> results;
    for (double p : {3.0, 4.0, 9.0}) {
      t.SetNumber(pain, p);
      t.SetBool(infection, false);
      results.push_back(t.Run());
    }
    return results;
  }

  static std::string Read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  // Compiles `>= 4` once and returns its entry's path, the entry itself removed.
  fs::path EntryPathOfFour() {
    JitHarness first;
    CompileAndRun(first, 4);
    EXPECT_EQ(Entries().size(), 1u);
    fs::path entry = Entries().at(0);
    fs::remove(entry);
    return entry;
  }

  fs::path dir_;
};

TEST_F(ObjectCacheTest, SecondCompileLoadsTheSameObject) {
  JitHarness first;
  auto expected = CompileAndRun(first, 4);
  ASSERT_EQ(Entries().size(), 1u);
  auto written = fs::last_write_time(Entries()[0]);

  JitHarness second;
  EXPECT_EQ(CompileAndRun(second, 4), expected);
  ASSERT_EQ(Entries().size(), 1u);
  EXPECT_EQ(fs::last_write_time(Entries()[0]), written);  // read, not rewritten
  EXPECT_EQ(second.jit().IrText(), first.jit().IrText());
  EXPECT_EQ(expected[0][0], kF);
  EXPECT_EQ(expected[1][0], kT);
}

TEST_F(ObjectCacheTest, ADifferentProgramGetsItsOwnEntry) {
  JitHarness four;
  CompileAndRun(four, 4);
  JitHarness five;
  auto results = CompileAndRun(five, 5);
  EXPECT_EQ(Entries().size(), 2u);
  EXPECT_EQ(results[1][0], kF);  // 4 >= 5 is false: not the cached `>= 4` object
}

TEST_F(ObjectCacheTest, ADamagedEntryIsRecompiledAndReplaced) {
  JitHarness first;
  auto expected = CompileAndRun(first, 4);
  ASSERT_EQ(Entries().size(), 1u);
  fs::path entry = Entries()[0];
  std::string original;
  {
    std::ifstream in(entry, std::ios::binary);
    original.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  for (std::string damaged : {original.substr(0, original.size() / 2), std::string("garbage"),
                              std::string(original).replace(original.size() - 1, 1, "#")}) {
    {
      std::ofstream out(entry, std::ios::binary | std::ios::trunc);
      out << damaged;
    }
    JitHarness again;
    EXPECT_EQ(CompileAndRun(again, 4), expected);
    std::ifstream in(entry, std::ios::binary);
    std::string now((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(now, original);  // replaced by a whole, fresh entry
  }
}

TEST_F(ObjectCacheTest, AnUnwritableCacheIsSimplyNotUsed) {
  std::ofstream(dir_) << "a file where the cache folder should be";
  JitHarness t;
  auto results = CompileAndRun(t, 4);
  EXPECT_EQ(results[2][0], kT);
  EXPECT_TRUE(fs::is_regular_file(dir_));
}

// An intact entry of other rules, copied under this entry's name, passes its own checksum; it
// must still not be used (before: the `>= 5` object answered for the `>= 4` rules).
TEST_F(ObjectCacheTest, AnEntryOfOtherRulesUnderThisNameIsRecompiledAndReplaced) {
  JitHarness four;
  auto expected = CompileAndRun(four, 4);
  ASSERT_EQ(Entries().size(), 1u);
  fs::path entry = Entries()[0];
  std::string original = Read(entry);
  JitHarness five;
  CompileAndRun(five, 5);
  ASSERT_EQ(Entries().size(), 2u);
  fs::path other = Entries()[0] == entry ? Entries()[1] : Entries()[0];
  fs::copy_file(other, entry, fs::copy_options::overwrite_existing);

  JitHarness again;
  auto results = CompileAndRun(again, 4);
  EXPECT_EQ(results, expected);
  EXPECT_EQ(results[1][0], kT);          // pain 4 >= 4, not the `>= 5` answer
  EXPECT_EQ(Read(entry), original);      // replaced by the right entry
}

TEST_F(ObjectCacheTest, AFolderEntryIsNotReadAndIsReplaced) {
  fs::path entry = EntryPathOfFour();
  fs::create_directory(entry);
  JitHarness t;
  EXPECT_EQ(CompileAndRun(t, 4)[1][0], kT);
  EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(entry)));
}

TEST_F(ObjectCacheTest, AFifoEntryIsNotWaitedOnAndIsReplaced) {
  fs::path entry = EntryPathOfFour();
  ASSERT_EQ(::mkfifo(entry.c_str(), 0600), 0);
  JitHarness t;
  EXPECT_EQ(CompileAndRun(t, 4)[1][0], kT);
  EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(entry)));
}

TEST_F(ObjectCacheTest, ALinkToADeviceIsNotFollowedAndIsReplaced) {
  fs::path entry = EntryPathOfFour();
  fs::create_symlink("/dev/zero", entry);
  JitHarness t;
  EXPECT_EQ(CompileAndRun(t, 4)[1][0], kT);
  EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(entry)));
}

TEST_F(ObjectCacheTest, AnOversizedEntryIsNotReadAndIsReplaced) {
  fs::path entry = EntryPathOfFour();
  std::ofstream(entry) << "MSKCOBJ2\n";
  fs::resize_file(entry, limits::kMaxJitCacheEntryBytes + 1);  // sparse: cheap to make
  JitHarness t;
  EXPECT_EQ(CompileAndRun(t, 4)[1][0], kT);
  EXPECT_LT(fs::file_size(entry), limits::kMaxJitCacheEntryBytes);
}

TEST_F(ObjectCacheTest, AFolderOtherUsersCanWriteIsNotUsed) {
  fs::create_directories(dir_);
  fs::permissions(dir_, fs::perms::all, fs::perm_options::replace);  // 0777, not sticky
  ::testing::internal::CaptureStderr();
  JitHarness t;
  auto results = CompileAndRun(t, 4);
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(results[1][0], kT);
  EXPECT_TRUE(Entries().empty());  // nothing written there, so nothing read from there either
  EXPECT_NE(err.find("warning: not using the JIT cache"), std::string::npos) << err;
  EXPECT_NE(err.find("other users can write to it"), std::string::npos) << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1);
}

}  // namespace
}  // namespace mskc::codegen::testing
