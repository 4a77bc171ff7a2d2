// Internal to runtime/testing: the `expect:` part of a test (docs/testing.md), checked against
// the determination vocabulary as it is read. Throws internal::ReadError (caught by the reader).
#pragma once
#include <yaml-cpp/yaml.h>

#include "runtime/testing/test_file.h"

namespace mskc::testing::internal {

// `line` is the test's `line:` (default 1): where the shorthand line parts (`criteria`,
// `missing`, `unmet`, `guideline`, `version`, `code`) apply.
Expectation ReadExpectation(const YAML::Node& node, int line);

}  // namespace mskc::testing::internal
