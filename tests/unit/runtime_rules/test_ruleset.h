// A hand-built rule set for the program-rule tests: a few guidelines over a handful of facts,
// the reference interpreter as backend, and plans that exercise every plan setting.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compiler/driver/ruleset.h"
#include "compiler/lower/rule_ir.h"
#include "compiler/source/source_manager.h"
#include "runtime/case/case.h"

namespace mskc::rules::testing {

// Guidelines (criterion ids in brackets):
//   ipm.epidural (pain management) 62320..62323, 64483; 2018-01-01 [function]
//       2020-08-16 [function, pain: pain_score >= 7] + notice "FDA safe use" (always) and
//       education "high pain" when pain_score >= 9
//   spine.lumbar_fusion (spine) 22630, 22633 [function]; goal LOS 3
//   joint.knee_arthroscopy (joint) 29880, 29881 [function, pain: pain_score >= 7]
//   joint.rotator_cuff_repair (joint) 29827 [nonsmoker_or_negative_test:
//       not line.revision or not smoker or nicotine_test_negative]
// Plans: DEFAULT (everything), IBX (program start 2018-01-02, soft launch 2018-01-02..2018-01-16
// for spine and joint), STATEPLAN (PA: 90 days outpatient, 30 days pain management; NJ: 5 days),
// CLOSED (extra closure 2021-03-10), PAINONLY (manages ipm.epidural only).
// Every plan: site-of-care list 29880, 29881, 29827, 62320..62323; manual review 22856, 27279.
class TestRuleset final : public driver::Ruleset {
 public:
  TestRuleset();
  const ir::Program& program() const override { return *program_; }
  driver::Backend backend() const override { return driver::Backend::kInterpreter; }
  const ir::VersionEvaluator& EvaluatorFor(const ir::Guideline& guideline,
                                           const ir::Version& version) const override;
  const source::SourceManager& sources() const { return sources_; }

 private:
  source::SourceManager sources_;
  std::unique_ptr<ir::Program> program_;
  std::map<const ir::Version*, std::unique_ptr<ir::VersionEvaluator>> evaluators_;
};

// A valid outpatient case at an ambulatory surgery center: plan DEFAULT, submitted and performed
// 2021-03-01 (a Monday), ordering provider, one line per code, diagnosis M54.16.
cases::Case MakeCase(const std::vector<std::string>& codes);

Date D(const char* text);  // a test date; aborts the test binary on a typo

}  // namespace mskc::rules::testing

#include "runtime/determination/determination.h"
#include "runtime/rules/decide.h"

namespace mskc::rules::testing {

// Decide, expecting a determination (a bad-case error fails the calling test).
determination::Determination Evaluate(const TestRuleset& rules, const cases::Case& c,
                                 const DecideOptions& options = {});

// Reason codes by name, in output order.
std::vector<std::string> Codes(const determination::ReasonCodeSet& codes);
std::vector<std::string> Codes(const determination::Determination& d);

}  // namespace mskc::rules::testing
