// The JIT's object cache: a second compile of the same program loads its objects instead of
// compiling them, with identical results and IR; a changed program gets a new entry; a damaged
// entry is recompiled and replaced, never used.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

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

}  // namespace
}  // namespace mskc::codegen::testing
