#include "tests/unit/runtime_rules/test_ruleset.h"

#include <cstdlib>
#include <string_view>

#include "compiler/interp/interpreter.h"

namespace mskc::rules::testing {
namespace {

// The "source file" every criterion's span points into, so traces can quote it.
constexpr std::string_view kSource =
    "criterion function: functional_impairment\n"
    "criterion pain: pain_score >= 7\n"
    "criterion nonsmoker_or_negative_test: not line.revision or not smoker or "
    "nicotine_test_negative\n"
    "note when pain_score >= 9\n";

class Builder {
 public:
  Builder(ir::Program& p, source::FileId file) : p_(p), file_(file) {}

  uint32_t AddSlot(std::string key, ir::ValueType type, bool builtin) {
    ir::Slot s;
    s.key = std::move(key);
    s.type = type;
    s.builtin = builtin;
    s.value_offset = p_.layout.size;
    s.known_offset = p_.layout.size + 16;
    p_.layout.size += 24;
    p_.layout.slots.push_back(s);
    return static_cast<uint32_t>(p_.layout.slots.size() - 1);
  }

  // `text` is the node's source, the first occurrence at or after `from` in kSource.
  source::Span SpanOf(std::string_view text, size_t from) const {
    size_t at = kSource.find(text, from);
    if (at == std::string_view::npos) std::abort();
    return source::Span{file_, static_cast<uint32_t>(at), static_cast<uint32_t>(at + text.size())};
  }

  const ir::Node* Slot(uint32_t slot, size_t from) {
    ir::Node* n = p_.arena.New();
    n->op = ir::Op::kSlot;
    n->type = p_.layout.slots[slot].type;
    n->slot = slot;
    n->span = SpanOf(p_.layout.slots[slot].key, from);
    return n;
  }
  const ir::Node* Ge(const ir::Node* lhs, double bound, std::string_view text, size_t from) {
    ir::Node* c = p_.arena.New();
    c->op = ir::Op::kNumberConst;
    c->type = ir::ValueType::kNumber;
    c->number_value = bound;
    c->span = SpanOf(std::to_string(static_cast<int>(bound)), from);
    ir::Node* n = p_.arena.New();
    n->op = ir::Op::kGe;
    n->type = ir::ValueType::kBool;
    n->a = {lhs, c};
    n->span = SpanOf(text, from);
    return n;
  }
  const ir::Node* Logic(ir::Op op, std::vector<const ir::Node*> operands, std::string_view text,
                        size_t from) {
    ir::Node* n = p_.arena.New();
    n->op = op;
    n->type = ir::ValueType::kBool;
    n->a = std::move(operands);
    n->span = SpanOf(text, from);
    return n;
  }

 private:
  ir::Program& p_;
  source::FileId file_;
};

ir::Criterion MakeCriterion(std::string id, std::string text, const ir::Node* expr) {
  ir::Criterion c;
  c.id = std::move(id);
  c.text = std::move(text);
  c.expr = expr;
  return c;
}

ir::Version MakeVersion(const char* start) {
  ir::Version v;
  v.start = D(start);
  v.label = start;
  return v;
}

CodeSet Codes(std::initializer_list<const char*> codes) {
  CodeSet set;
  for (const char* c : codes) set.AddExact(c);
  return set;
}

Plan BasePlan(std::string code) {
  Plan p;
  p.code = std::move(code);
  p.name = p.code;
  p.goal_los_days = {{"spine.lumbar_fusion", 3}};
  p.default_goal_los_days = 1;
  p.site_of_care_codes = Codes({"29880", "29881", "29827"});
  p.site_of_care_codes.AddRange("62320", "62323");
  p.manual_review_codes = Codes({"22856", "27279"});
  return p;
}

FactInfo Fact(std::string key, FactType type) {
  FactInfo f;
  f.key = std::move(key);
  f.type = type;
  return f;
}

}  // namespace

Date D(const char* text) {
  auto d = Date::Parse(text);
  if (!d) std::abort();
  return *d;
}

TestRuleset::TestRuleset() : program_(std::make_unique<ir::Program>()) {
  ir::Program& p = *program_;
  source::FileId file = sources_.Add("test.msk", std::string(kSource));
  Builder b(p, file);
  uint32_t function = b.AddSlot("functional_impairment", ir::ValueType::kBool, false);
  uint32_t pain = b.AddSlot("pain_score", ir::ValueType::kNumber, false);
  uint32_t smoker = b.AddSlot("smoker", ir::ValueType::kBool, false);
  uint32_t test = b.AddSlot("nicotine_test_negative", ir::ValueType::kBool, false);
  uint32_t revision = b.AddSlot("line.revision", ir::ValueType::kBool, true);
  p.facts.Add(Fact("functional_impairment", FactType::kBool));
  p.facts.Add(Fact("pain_score", FactType::kNumber));
  p.facts.Add(Fact("smoker", FactType::kBool));
  p.facts.Add(Fact("nicotine_test_negative", FactType::kBool));

  size_t line2 = kSource.find("criterion pain");
  size_t line3 = kSource.find("criterion nonsmoker");
  size_t line4 = kSource.find("note when");
  auto function_criterion = [&] {
    return MakeCriterion("function", "Pain limits activities of daily living or work",
                         b.Slot(function, 0));
  };
  auto pain_criterion = [&] {
    return MakeCriterion("pain", "Pain score of 7 or more",
                         b.Ge(b.Slot(pain, line2), 7, "pain_score >= 7", line2));
  };

  {
    ir::Guideline g;
    g.id = "ipm.epidural";
    g.kind = FamilyKind::kPainManagement;
    g.codes = Codes({"64483"});
    g.codes.AddRange("62320", "62323");
    ir::Version v1 = MakeVersion("2018-01-01");
    v1.criteria.push_back(function_criterion());
    ir::Version v2 = MakeVersion("2020-08-16");
    v2.criteria.push_back(function_criterion());
    v2.criteria.push_back(pain_criterion());
    v2.notes.push_back(ir::Note{ir::NoteKind::kNotice, "FDA safe use", nullptr});
    v2.notes.push_back(ir::Note{ir::NoteKind::kEducation, "high pain",
                                b.Ge(b.Slot(pain, line4), 9, "pain_score >= 9", line4)});
    g.versions = {std::move(v1), std::move(v2)};
    p.guidelines.push_back(std::move(g));
  }
  {
    ir::Guideline g;
    g.id = "spine.lumbar_fusion";
    g.kind = FamilyKind::kSpine;
    g.codes = Codes({"22630", "22633"});
    ir::Version v = MakeVersion("2018-01-01");
    v.criteria.push_back(function_criterion());
    g.versions.push_back(std::move(v));
    p.guidelines.push_back(std::move(g));
  }
  {
    ir::Guideline g;
    g.id = "joint.knee_arthroscopy";
    g.kind = FamilyKind::kJoint;
    g.codes = Codes({"29880", "29881"});
    ir::Version v = MakeVersion("2018-01-01");
    v.criteria.push_back(function_criterion());
    v.criteria.push_back(pain_criterion());
    g.versions.push_back(std::move(v));
    p.guidelines.push_back(std::move(g));
  }
  {
    ir::Guideline g;
    g.id = "joint.rotator_cuff_repair";
    g.kind = FamilyKind::kJoint;
    g.codes = Codes({"29827"});
    ir::Version v = MakeVersion("2018-01-01");
    const ir::Node* expr = b.Logic(
        ir::Op::kOr,
        {b.Logic(ir::Op::kNot, {b.Slot(revision, line3)}, "not line.revision", line3),
         b.Logic(ir::Op::kNot, {b.Slot(smoker, line3)}, "not smoker", line3),
         b.Slot(test, line3)},
        "not line.revision or not smoker or nicotine_test_negative", line3);
    v.criteria.push_back(MakeCriterion("nonsmoker_or_negative_test",
                                       "Revision repair: non-smoker or negative nicotine test",
                                       expr));
    v.criteria.back().unmet_reason = ReasonCode::kSmokingCessationRequired;
    g.versions.push_back(std::move(v));
    p.guidelines.push_back(std::move(g));
  }

  p.plans.push_back(BasePlan("DEFAULT"));
  Plan ibx = BasePlan("IBX");
  ibx.program_start = D("2018-01-02");
  ibx.soft_launch_from = D("2018-01-02");
  ibx.soft_launch_to = D("2018-01-16");
  ibx.soft_launch_kinds = {FamilyKind::kSpine, FamilyKind::kJoint};
  p.plans.push_back(std::move(ibx));
  Plan state = BasePlan("STATEPLAN");
  state.state_overrides = {
      StateOverride{"PA", std::string("outpatient"), std::nullopt, 90},
      StateOverride{"PA", std::nullopt, FamilyKind::kPainManagement, 30},
      StateOverride{"NJ", std::nullopt, std::nullopt, 5},
  };
  p.plans.push_back(std::move(state));
  Plan closed = BasePlan("CLOSED");
  closed.closure_dates = {D("2021-03-10")};
  p.plans.push_back(std::move(closed));
  Plan pain_only = BasePlan("PAINONLY");
  pain_only.manages_all = false;
  pain_only.families = {"ipm.epidural"};
  p.plans.push_back(std::move(pain_only));

  for (const ir::Guideline& g : p.guidelines)
    for (const ir::Version& v : g.versions)
      evaluators_[&v] = interp::MakeInterpretedEvaluator(p, v);
}

const ir::VersionEvaluator& TestRuleset::EvaluatorFor(const ir::Guideline& guideline,
                                                      const ir::Version& version) const {
  return *evaluators_.at(&version);
}

cases::Case MakeCase(const std::vector<std::string>& codes) {
  cases::Case c;
  c.case_id = "C-1";
  c.health_plan = "DEFAULT";
  c.submitted_on = D("2021-03-01");
  c.date_of_service = D("2021-03-01");
  c.setting = cases::Setting::kOutpatient;
  c.site_of_care = cases::SiteOfCare::kAmbulatorySurgeryCenter;
  for (const auto& code : codes) {
    cases::ProcedureLine line;
    line.code = code;
    c.procedures.push_back(line);
  }
  c.diagnoses = {"M54.16"};
  c.member.id = "M-1";
  c.member.birth_date = D("1970-05-01");
  c.ordering_provider.npi = "1234567890";
  return c;
}

}  // namespace mskc::rules::testing

#include <gtest/gtest.h>

namespace mskc::rules::testing {

determination::Determination Evaluate(const TestRuleset& rules, const cases::Case& c,
                                 const DecideOptions& options) {
  DecideResult r = Decide(rules, c, options);
  if (auto* error = std::get_if<cases::CaseError>(&r)) {
    ADD_FAILURE() << "bad case: " << error->path << ": " << error->message;
    return {};
  }
  return std::get<determination::Determination>(std::move(r));
}

std::vector<std::string> Codes(const determination::ReasonCodeSet& codes) {
  std::vector<std::string> out;
  for (auto c : codes.ToVector()) out.emplace_back(determination::ReasonCodeName(c));
  return out;
}

std::vector<std::string> Codes(const determination::Determination& d) {
  return Codes(d.reason_codes);
}

}  // namespace mskc::rules::testing
