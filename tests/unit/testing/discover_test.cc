#include "runtime/testing/discover.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace mskc::testing {
namespace {

namespace fs = std::filesystem;

class DiscoverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("mskc_discover_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "ipm");
    fs::create_directories(dir_ / "spine" / "deep");
    for (const char* name :
         {"ipm/epidural.test.yaml", "ipm/epidural.base.json", "ipm/epidural.msk",
          "spine/deep/fusion.test.yaml", "spine/notes.yaml", "b.test.yaml", "spine/.test.yaml"})
      std::ofstream(dir_ / name) << "tests: []\n";
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string P(const std::string& rel) { return (dir_ / rel).lexically_normal().string(); }
  fs::path dir_;
};

TEST_F(DiscoverTest, FoldersAreSearchedForTestFilesSorted) {
  Discovered found = DiscoverTestFiles({dir_.string()});
  EXPECT_TRUE(found.errors.empty());
  EXPECT_EQ(found.files, (std::vector<std::string>{P("b.test.yaml"), P("ipm/epidural.test.yaml"),
                                                   P("spine/deep/fusion.test.yaml")}));
}

TEST_F(DiscoverTest, FilesAreTakenAsGivenAndDeduplicated) {
  Discovered found = DiscoverTestFiles(
      {P("spine/notes.yaml"), (dir_ / "ipm").string(), P("ipm/epidural.test.yaml")});
  EXPECT_TRUE(found.errors.empty());
  EXPECT_EQ(found.files,
            (std::vector<std::string>{P("ipm/epidural.test.yaml"), P("spine/notes.yaml")}));
}

TEST_F(DiscoverTest, MissingPathsAreErrors) {
  Discovered found = DiscoverTestFiles({P("nowhere"), P("b.test.yaml")});
  EXPECT_EQ(found.errors,
            std::vector<std::string>{"`" + P("nowhere") + "`: no such file or folder"});
  EXPECT_EQ(found.files, std::vector<std::string>{P("b.test.yaml")});
}

}  // namespace
}  // namespace mskc::testing
