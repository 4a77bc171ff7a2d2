// Criterion-outcome coverage of guideline tests: for every guideline version, which of each
// criterion's reachable outcomes (met, unmet, and unknown when the criterion reads something that
// can be absent) the tests' determinations reached, on lines that went through clinical review.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "compiler/lower/rule_ir.h"
#include "runtime/determination/determination.h"

namespace mskc::testing {

// Bits of a criterion outcome set.
enum OutcomeBit : uint8_t { kMetBit = 1, kUnmetBit = 2, kUnknownBit = 4 };

// True when `expr` can evaluate to unknown: it reads a clinical fact (a non-builtin slot),
// `requested_los_days`, or a history field other than `code` and `date`.
bool CanBeUnknown(const ir::Node* expr, const ir::FrameLayout& layout);

struct CriterionCoverage {
  std::string id;
  uint8_t targets = kMetBit | kUnmetBit;
  uint8_t reached = 0;
};

struct VersionCoverage {
  std::string guideline;  // "ipm.epidural"
  std::string version;    // "2020-08-16"
  std::vector<CriterionCoverage> criteria;
  int Targets() const;
  int Reached() const;  // targets reached
};

enum class CoverageScope : uint8_t {
  kAll,     // every guideline version of the rules
  kTested,  // versions of guidelines that some test reached (any version)
};

class Coverage {
 public:
  explicit Coverage(const ir::Program& program);

  // Adds the criterion results of every line that went through clinical review (a guideline was
  // applied and its criteria evaluated); lines of unknown guidelines or versions are ignored.
  void Record(const determination::Determination& d);

  std::vector<VersionCoverage> Report(CoverageScope scope) const;

 private:
  std::vector<VersionCoverage> versions_;
};

struct CoverageTotal {
  int reached = 0;
  int targets = 0;
  // True when reached / targets ≥ min_percent / 100 (exactly: no rounding). No targets = 100%.
  bool AtLeast(double min_percent) const;
  // Rounded down to one decimal, so 99.96% never shows as 100.0%.
  std::string Percent() const;
};

CoverageTotal Total(const std::vector<VersionCoverage>& report);

// The printed table: per guideline version, each criterion with its reached and missing
// outcomes, then the version's total; last, the overall total.
std::string FormatCoverage(const std::vector<VersionCoverage>& report);

}  // namespace mskc::testing
