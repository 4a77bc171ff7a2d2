// The error cap: the first kMaxErrors errors are kept and shown, the rest only counted, and the
// closing line says how many were not shown; under the cap the closing line is unchanged.
#include <gtest/gtest.h>

#include <string>

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/diag/renderer.h"

namespace mskc::diag {
namespace {

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(DiagnosticEngineTest, KeepsTheFirstErrorsAndCountsTheRest) {
  DiagnosticEngine engine;
  source::SourceManager sources;
  for (int i = 0; i < 1000; ++i) {
    Diagnostic& d = engine.Error(DiagId::kIoError, {}, "problem " + std::to_string(i));
    engine.AddNote(d, std::nullopt, "a note");  // still allowed past the cap
  }
  EXPECT_EQ(engine.error_count(), 1000u);
  EXPECT_EQ(engine.dropped_error_count(), 1000u - DiagnosticEngine::kMaxErrors);
  std::string out = RenderAll(engine, sources);
  EXPECT_EQ(Count(out, ": error: "), DiagnosticEngine::kMaxErrors);
  EXPECT_NE(out.find("problem 49\n"), std::string::npos);
  EXPECT_EQ(out.find("problem 50\n"), std::string::npos);
  EXPECT_EQ(out.substr(out.rfind('\n', out.size() - 2) + 1), "50 errors shown, 950 more not shown.\n");
}

TEST(DiagnosticEngineTest, UnderTheCapTheClosingLineIsUnchanged) {
  DiagnosticEngine engine;
  source::SourceManager sources;
  for (size_t i = 0; i < DiagnosticEngine::kMaxErrors; ++i)
    engine.Error(DiagId::kIoError, {}, "problem " + std::to_string(i));
  std::string out = RenderAll(engine, sources);
  EXPECT_EQ(engine.dropped_error_count(), 0u);
  EXPECT_EQ(out.substr(out.rfind('\n', out.size() - 2) + 1), "50 errors generated.\n");
}

}  // namespace
}  // namespace mskc::diag
