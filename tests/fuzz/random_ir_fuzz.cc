// Target (f): the JIT against the reference interpreter, on random well-typed rule IR and random
// frames whose every random choice comes from libFuzzer's bytes (tests/property/random_ir.h,
// RandomIr::TakeChoicesFrom). The first 8 bytes seed the slot layout and the fallback sequence
// used once the bytes run out; the rest steer criteria and frames. Any criterion where the JIT
// (at O0 or O2, chosen by the seed) and the interpreter give a different Tri, or a write past the
// last criterion, aborts with the expression and the frame.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "compiler/codegen/jit.h"
#include "compiler/interp/interpreter.h"
#include "tests/property/ir_text.h"
#include "tests/property/random_ir.h"
#include "tests/unit/common/ir_test_builder.h"

using namespace mskc;
using ir::testing::IrTestBuilder;
using ir::testing::SlotLayout;

namespace {

// Smaller than the property test's programs: one JIT compile per input dominates the time, so
// few criteria and frames keep executions per second useful.
constexpr int kCriteria = 6;
constexpr int kMaxDepth = 5;
constexpr int kFrames = 16;

std::vector<uint8_t> Results(const ir::VersionEvaluator& e, const uint8_t* frame, size_t n,
                             const abi::EvalContext& ctx) {
  std::vector<uint8_t> out(n + 1, 0xEE);  // one sentinel byte past the last criterion
  e.Evaluate(frame, out.data(), ctx);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  uint64_t seed = 0;
  for (size_t i = 0; i < size && i < 8; ++i) seed |= uint64_t{data[i]} << (8 * i);
  const size_t skip = size < 8 ? size : 8;

  IrTestBuilder t(seed % 2 == 0 ? SlotLayout::kPacked : SlotLayout::kFixedStride);
  property::RandomIr gen(seed, t);
  gen.TakeChoicesFrom(data + skip, size - skip);
  IrTestBuilder::Nodes criteria;
  for (int i = 0; i < kCriteria; ++i) criteria.push_back(gen.Criterion(kMaxDepth));
  t.AddVersion("g", criteria);
  const ir::Version& version = t.program().guidelines[0].versions[0];
  auto interp = interp::MakeInterpretedEvaluator(t.program(), version);

  std::string error;
  const int opt_level = (seed >> 1) % 2 == 0 ? 2 : 0;
  auto jit = codegen::JitProgram::Create(t.program(), codegen::JitOptions{opt_level, true, 1, {}},
                                         &error);
  if (!jit) {
    fprintf(stderr, "JIT failed on well-typed IR: %s\n", error.c_str());
    abort();
  }
  const size_t n = version.criteria.size();
  for (int f = 0; f < kFrames; ++f) {
    gen.FillFrame();
    const abi::EvalContext ctx = f % 3 == 2 ? abi::EvalContext{nullptr, nullptr} : t.Ctx();
    const auto want = Results(*interp, t.frame(), n, ctx);
    const auto got = Results(jit->Evaluator(0, 0), t.frame(), n, ctx);
    if (want[n] != 0xEE || got[n] != 0xEE) {
      fprintf(stderr, "write past the last criterion (interp %d, jit O%d %d)\n", want[n],
              opt_level, got[n]);
      abort();
    }
    for (size_t i = 0; i < n; ++i) {
      if (want[i] <= 2 && got[i] == want[i]) continue;
      fprintf(stderr, "criterion %zu, frame %d%s: interpreter %d, JIT O%d %d\n  %s\nframe:\n%s\n",
              i, f, ctx.calendar == nullptr ? " (bare context)" : "", want[i], opt_level, got[i],
              property::ExprText(t.program(), version.criteria[i].expr).c_str(),
              property::FrameText(t.program(), t.frame()).c_str());
      abort();
    }
  }
  return 0;
}
