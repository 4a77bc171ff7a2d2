// Where imports are read from: the rules folder (never a folder above it), then the shipped
// library; a symbolic link cannot bring in a module from outside; a module that is in both is
// reported with the file used.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "compiler/diag/renderer.h"
#include "compiler/driver/module_loader.h"

namespace mskc::driver {
namespace {

namespace fs = std::filesystem;

class ModuleLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() /
            ("mskc-loader-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    // base/library/common/shared.msk is the shipped module; base/outer/rules is the rules folder.
    Write(base_ / "library/common/shared.msk", "let shipped_module = true\n");
    Write(base_ / "outer/rules/ipm/epidural.msk", "import common.shared\n\nlet uses = true\n");
  }
  void TearDown() override { fs::remove_all(base_); }

  static void Write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
  }

  // Loads the rules folder; returns the text of every module loaded, one after another.
  std::string LoadedText(bool* ok = nullptr) {
    LoadResult result = LoadModules({(base_ / "outer/rules").string()}, sources_, diags_,
                                    (base_ / "library").string());
    if (ok != nullptr) *ok = result.ok;
    std::string all;
    for (const sema::Module& m : result.modules) all += sources_.Text(m.file.file);
    return all;
  }
  std::string Rendered() const { return diag::RenderAll(diags_, sources_); }

  fs::path base_;
  source::SourceManager sources_;
  diag::DiagnosticEngine diags_;
};

TEST_F(ModuleLoaderTest, AModulePlantedAboveTheRulesFolderIsIgnored) {
  Write(base_ / "outer/common/shared.msk", "let planted_module = true\n");
  Write(base_ / "common/shared.msk", "let planted_module = true\n");
  bool ok = false;
  std::string text = LoadedText(&ok);
  EXPECT_TRUE(ok) << Rendered();
  EXPECT_NE(text.find("shipped_module"), std::string::npos);
  EXPECT_EQ(text.find("planted_module"), std::string::npos);
  EXPECT_EQ(Rendered(), "");  // nothing to report: the planted file is not a candidate at all
}

TEST_F(ModuleLoaderTest, ASymbolicLinkOutOfTheRulesFolderIsRefused) {
  Write(base_ / "elsewhere/shared.msk", "let planted_module = true\n");
  fs::create_directories(base_ / "outer/rules/common");
  fs::create_symlink(base_ / "elsewhere/shared.msk", base_ / "outer/rules/common/shared.msk");
  bool ok = true;
  std::string text = LoadedText(&ok);
  EXPECT_FALSE(ok);
  EXPECT_EQ(text.find("planted_module"), std::string::npos);
  std::string out = Rendered();
  EXPECT_NE(out.find("error: module `common.shared` leads outside the rules folder"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("is a link to"), std::string::npos) << out;
}

TEST_F(ModuleLoaderTest, ALinkedRuleFileOutOfTheRulesFolderIsRefused) {
  Write(base_ / "elsewhere/extra.msk", "let planted_module = true\n");
  fs::create_symlink(base_ / "elsewhere/extra.msk", base_ / "outer/rules/extra.msk");
  bool ok = true;
  std::string text = LoadedText(&ok);
  EXPECT_FALSE(ok);
  EXPECT_EQ(text.find("planted_module"), std::string::npos);
  EXPECT_NE(Rendered().find("leads outside the rules folder"), std::string::npos) << Rendered();
}

TEST_F(ModuleLoaderTest, AModuleInBothPlacesNamesTheFileUsed) {
  Write(base_ / "outer/rules/common/shared.msk", "let local_module = true\n");
  bool ok = false;
  std::string text = LoadedText(&ok);
  EXPECT_TRUE(ok);
  EXPECT_NE(text.find("local_module"), std::string::npos);
  EXPECT_EQ(text.find("shipped_module"), std::string::npos);
  std::string out = Rendered();
  EXPECT_NE(out.find("warning: module `common.shared` is both in the rules folder and in the "
                     "shipped library; using `"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("outer/rules/common/shared.msk`"), std::string::npos) << out;
  EXPECT_NE(out.find("note: the rules folder's module is used;"), std::string::npos) << out;
}

// 400 modules that all import one another: one group, so one cycle error, not one per pair
// (before: 80,000 errors and 302 MB of messages).
TEST_F(ModuleLoaderTest, ModulesThatAllImportOneAnotherAreOneCycle) {
  constexpr int kModules = 400;
  for (int i = 0; i < kModules; ++i) {
    std::string text;
    for (int j = 0; j < kModules; ++j)
      if (j != i) text += "import mesh.m" + std::to_string(j) + "\n";
    Write(base_ / "outer/rules/mesh" / ("m" + std::to_string(i) + ".msk"), text + "let x = true\n");
  }
  auto start = std::chrono::steady_clock::now();
  bool ok = true;
  LoadedText(&ok);
  std::string out = Rendered();
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_FALSE(ok);
  EXPECT_EQ(diags_.error_count(), 1u);
  size_t errors = 0;
  for (size_t at = out.find(": error: "); at != std::string::npos; at = out.find(": error: ", at + 1))
    ++errors;
  EXPECT_EQ(errors, 1u);
  EXPECT_LT(out.size(), 64u * 1024u);
  EXPECT_NE(out.find("import cycle between modules"), std::string::npos);
  EXPECT_LT(seconds, 60.0);
}

}  // namespace
}  // namespace mskc::driver
