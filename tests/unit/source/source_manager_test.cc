// SourceManager: line/column mapping, and loading only regular files (a pipe must never make
// `mskc check` wait forever; a folder is not a source file).
#include "compiler/source/source_manager.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
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

// Columns in code points map back to bytes on lines with and without multi-byte characters,
// and columns past a line's end stop at its newline.
TEST(SourceManagerOffsetTest, MapsCodePointColumnsToBytes) {
  SourceManager sources;
  FileId id = sources.Add("a.msk", "ab\nxé€y\n\nlast");
  EXPECT_EQ(sources.OffsetOf(id, 1, 1), 0u);
  EXPECT_EQ(sources.OffsetOf(id, 1, 3), 2u);    // the newline
  EXPECT_EQ(sources.OffsetOf(id, 1, 9), 2u);    // past the end of the line
  EXPECT_EQ(sources.OffsetOf(id, 2, 2), 4u);    // é
  EXPECT_EQ(sources.OffsetOf(id, 2, 3), 6u);    // € after the two bytes of é
  EXPECT_EQ(sources.OffsetOf(id, 2, 4), 9u);    // y after the three bytes of €
  EXPECT_EQ(sources.OffsetOf(id, 2, 5), 10u);   // the newline
  EXPECT_EQ(sources.OffsetOf(id, 3, 1), 11u);   // an empty line
  EXPECT_EQ(sources.OffsetOf(id, 3, 4), 11u);
  EXPECT_EQ(sources.OffsetOf(id, 4, 3), 14u);
  EXPECT_EQ(sources.OffsetOf(id, 4, 99), 16u);  // the end of the text
  EXPECT_EQ(sources.OffsetOf(id, 9, 1), 16u);
  EXPECT_EQ(sources.Locate(id, 9).column, 4u);
  EXPECT_EQ(sources.Locate(id, 7).column, 4u);  // inside €: the column of the next character
  EXPECT_EQ(sources.Locate(id, 16).line, 4u);
  EXPECT_EQ(sources.Locate(id, 16).column, 5u);
}

// A one-line body of many terms: the parser asks for the offset of every token, which used to
// walk the line from its start each time (a 3x10^4-term line took over 40 s to check).
TEST(SourceManagerOffsetTest, EveryColumnOfAHugeLineIsCheap) {
  for (const char* prefix : {"", "é "}) {  // ASCII-only text, and text with a table
    std::string line = prefix;
    while (line.size() < 1'000'000) line += "x + ";
    SourceManager sources;
    FileId id = sources.Add("big.msk", "# header\n" + line + "\n");
    const uint32_t columns = 100'000;
    uint64_t sum = 0;
    auto start = std::chrono::steady_clock::now();
    for (uint32_t col = 1; col <= columns; ++col) sum += sources.OffsetOf(id, 2, col);
    for (uint32_t at = 9; at < 9 + columns; ++at) sum += sources.Locate(id, at).column;
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_GT(sum, 0u);
    EXPECT_LT(seconds, 1.0) << "lookups are not O(1)/O(log n) per call";
    EXPECT_EQ(sources.OffsetOf(id, 2, columns), 9u + columns - 1 + (*prefix ? 1 : 0));
  }
}

}  // namespace
}  // namespace mskc::source
