// SourceManager: line/column mapping, and loading only regular files (a pipe must never make
// `mskc check` wait forever; a folder is not a source file).
#include "compiler/source/source_manager.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

namespace mskc::source {
namespace {

namespace fs = std::filesystem;

class SourceManagerLoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("mskc-source-test-" + std::string(
                                      ::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(SourceManagerLoadTest, LoadsARegularFileAndMapsOffsets) {
  fs::path file = dir_ / "a.msk";
  std::ofstream(file) << "fact x: bool\nfact é: number\n";
  SourceManager sources;
  std::optional<FileId> id = sources.Load(file.string());
  ASSERT_TRUE(id);
  EXPECT_EQ(sources.LineText(*id, 2), "fact é: number");
  LineCol at = sources.Locate(*id, 13 + 7);  // after "fact é" on line 2: columns count code points
  EXPECT_EQ(at.line, 2u);
  EXPECT_EQ(at.column, 7u);
}

TEST_F(SourceManagerLoadTest, RefusesMissingFilesFoldersAndPipes) {
  SourceManager sources;
  EXPECT_FALSE(sources.Load((dir_ / "missing.msk").string()));
  EXPECT_FALSE(sources.Load(dir_.string()));
  fs::path fifo = dir_ / "pipe.msk";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_FALSE(sources.Load(fifo.string()));  // returns at once instead of waiting for a writer
  EXPECT_EQ(sources.file_count(), 0u);
}

}  // namespace
}  // namespace mskc::source
