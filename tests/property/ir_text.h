// Text forms of rule IR and frames, for property-test failure messages and coverage checks.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "compiler/lower/rule_ir.h"

namespace mskc::property {

// Ops in declaration order, kBoolConst = 0 .. kLatest.
inline constexpr int kOpCount = static_cast<int>(ir::Op::kLatest) + 1;
std::string_view OpName(ir::Op op);

// An s-expression: `(and (>= s3 4) (any s7 _ (= $0.code s2)))`; slots by key, variables as
// `$depth`, absent operands as `_`.
std::string ExprText(const ir::Program& program, const ir::Node* n);
// One line a slot: `s3 number = 4.5`, `s7 history = [{...}, ...]`, `s1 bool = unknown`.
std::string FrameText(const ir::Program& program, const uint8_t* frame);

// Calls `f` on `n` and every node below it (absent operands skipped).
void ForEachNode(const ir::Node* n, const std::function<void(const ir::Node&)>& f);

}  // namespace mskc::property
