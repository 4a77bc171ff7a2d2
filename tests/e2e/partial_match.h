// Partial comparison of a determination with an expected JSON file (tests/e2e/README.md): every
// key of an expected object must be present in the actual object with a matching value; arrays
// match element-wise and must have the same length; scalars must be equal. Two markers extend it:
// the string "$absent" as a value requires the key to be missing, and {"$contains": [...]} matches
// a string holding every listed substring (for free text such as warnings and notices).
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace mskc::e2e {

// Appends one line per mismatch to `mismatches` ("lines[0].outcome: expected ..., found ...");
// returns true when there is none.
bool PartialMatch(const nlohmann::ordered_json& expected, const nlohmann::ordered_json& actual,
                  std::vector<std::string>& mismatches);

}  // namespace mskc::e2e
