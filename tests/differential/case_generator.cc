#include "tests/differential/case_generator.h"

#include <algorithm>
#include <cctype>

namespace mskc::differential {
namespace {

// Boundaries of the windows the program rules and the guidelines count in days.
const std::vector<int> kHistoryOffsets = {-3, 0, 1, 13, 14, 15, 29, 30, 31, 89, 90, 91,
                                          100, 179, 180, 181, 364, 365, 366, 700};
const std::vector<std::string> kLevels = {"L3-L4", "L4-L5", "L5-S1", "C5-C6", "C6-C7", "T12-L1"};
const std::vector<std::string> kHistoryLateralities = {"left", "right", "bilateral", "none"};
const std::vector<std::string> kStates = {"PA", "NJ", "ME", "NY", "CA"};
const std::vector<std::string> kOutOfScope = {"99213", "99999", "12345"};
const std::vector<double> kNumberThresholds = {0, 3, 3.9, 4, 5, 6, 12, 26, 29.9, 30, 39.9, 40,
                                               49, 50, 60, 79, 80, 100};

bool IsDiagnosis(const std::string& code) {
  return !code.empty() && std::isalpha(static_cast<unsigned char>(code[0]));
}

}  // namespace

CaseGenerator::CaseGenerator(const ir::Program& program, uint32_t seed,
                             std::vector<cases::Case> bases)
    : program_(program), rng_(seed), bases_(std::move(bases)) {
  for (const auto& plan : program.plans) {
    plans_.push_back(plan.code);
    CollectCodes(plan.site_of_care_codes);
    CollectCodes(plan.manual_review_codes);
  }
  for (const auto& g : program.guidelines) CollectCodes(g.codes);
  for (const auto& set : program.code_sets) CollectCodes(set);
  for (const auto& code : kOutOfScope) procedures_.push_back(code);
  std::sort(procedures_.begin(), procedures_.end());
  procedures_.erase(std::unique(procedures_.begin(), procedures_.end()), procedures_.end());
  std::sort(diagnoses_.begin(), diagnoses_.end());
  diagnoses_.erase(std::unique(diagnoses_.begin(), diagnoses_.end()), diagnoses_.end());
  if (diagnoses_.empty()) diagnoses_.push_back("M54.50");
}

// Every code a set names: exact codes, a code under each prefix, and each range's ends.
void CaseGenerator::CollectCodes(const CodeSet& set) {
  auto add = [this](const std::string& code) {
    (IsDiagnosis(code) ? diagnoses_ : procedures_).push_back(code);
  };
  for (const auto& code : set.exact()) add(code);
  for (const auto& prefix : set.prefixes()) {
    std::string code = prefix;
    if (IsDiagnosis(code)) code += "1";
    while (!IsDiagnosis(code) && code.size() < 5) code += "0";
    add(code);
  }
  for (const auto& range : set.ranges()) {
    add(range.low);
    add(range.high);
  }
}

cases::Case CaseGenerator::Next() {
  if (!bases_.empty() && Chance(0.5)) return FromBase();
  cases::Case c;
  c.case_id = "DIFF-" + std::to_string(counter_++);
  c.health_plan = Chance(0.02) ? std::string("NO-SUCH-PLAN") : Pick(plans_);
  c.line_of_business = static_cast<cases::LineOfBusiness>(Uniform(0, 2));
  if (Chance(0.3)) c.state = Pick(kStates);
  Date dos = Date::FromDays(Date::Parse("2017-06-01")->days() + Uniform(0, 2700));
  c.date_of_service = dos;
  c.submitted_on = dos.AddDays(-Uniform(0, 3));
  if (Chance(0.1)) c.submitted_on = dos.AddDays(Pick(kHistoryOffsets));
  if (Chance(0.1)) c.performed_on = dos;
  c.urgent = Chance(0.1);
  c.emergency = Chance(0.05);
  c.setting = Chance(0.2) ? cases::Setting::kInpatient : cases::Setting::kOutpatient;
  c.site_of_care = static_cast<cases::SiteOfCare>(Uniform(0, 3));
  if (Chance(0.3))
    c.site_of_care_reasons.push_back(static_cast<cases::SiteOfCareReason>(Uniform(0, 9)));
  if (c.setting == cases::Setting::kInpatient && Chance(0.8)) c.requested_los_days = Uniform(1, 6);
  AddLines(c);
  c.diagnoses = {Pick(diagnoses_)};
  if (Chance(0.4)) c.diagnoses.push_back(Pick(diagnoses_));
  c.member.id = "M" + std::to_string(Uniform(1, 50));
  c.member.birth_date = Chance(0.2) ? dos.AddYears(-18).AddDays(Uniform(-2, 2))
                                    : dos.AddYears(-Uniform(10, 90));
  c.member.sex = static_cast<cases::Sex>(Uniform(0, 2));
  c.member.enrolled = !Chance(0.05);
  c.member.benefit_covers_service = !Chance(0.05);
  c.ordering_provider.npi = "1234567890";
  c.ordering_provider.role = Chance(0.03) ? cases::ProviderRole::kServicing
                                          : cases::ProviderRole::kOrdering;
  c.ordering_provider.in_network = !Chance(0.1);
  if (Chance(0.5)) c.servicing_facility = cases::Facility{"1987654321", Chance(0.8)};
  AddClinicalFacts(c, dos);
  AddHistory(c, dos);
  return c;
}

void CaseGenerator::AddLines(cases::Case& c) {
  int lines = Uniform(1, 3);
  for (int i = 0; i < lines; ++i) {
    cases::ProcedureLine line;
    line.code = Pick(procedures_);
    line.units = Chance(0.8) ? 1 : Uniform(2, 4);
    if (Chance(0.7)) line.level = Pick(kLevels);
    line.laterality = static_cast<cases::Laterality>(Uniform(0, 3));
    line.revision = Chance(0.15);
    c.procedures.push_back(std::move(line));
  }
}

void CaseGenerator::AddClinicalFacts(cases::Case& c, Date dos) {
  for (const auto& [key, info] : program_.facts.facts()) {
    if (Chance(0.25)) continue;  // absent: unknown
    c.clinical[key] = RandomValue(info, dos);
  }
}

cases::ClinicalValue CaseGenerator::RandomValue(const FactInfo& info, Date dos) {
  switch (info.type) {
    case FactType::kBool: return Chance(0.7);
    case FactType::kNumber: {
      double lo = info.min.value_or(0), hi = info.max.value_or(100);
      double v = Chance(0.5) ? Pick(kNumberThresholds) : lo + (hi - lo) * Uniform(0, 100) / 100.0;
      return std::clamp(v, lo, hi);
    }
    case FactType::kDate: return dos.AddDays(-Pick(kHistoryOffsets));
    case FactType::kEnum: return Pick(info.vocabulary);
    case FactType::kEnumList: {
      std::vector<std::string> items;
      int n = Uniform(0, 2);
      for (int i = 0; i < n; ++i) items.push_back(Pick(info.vocabulary));
      if (Chance(0.1)) items.push_back("not_in_vocabulary");
      return items;
    }
  }
  return false;
}

// A family's base case (all criteria met), moved in time and with a few facts changed or
// removed: reaches approvals and each criterion's boundary one fact at a time.
cases::Case CaseGenerator::FromBase() {
  cases::Case c = Pick(bases_);
  c.case_id = "DIFF-" + std::to_string(counter_++);
  ShiftDates(c, Uniform(-1500, 1200));
  if (Chance(0.5)) c.health_plan = Pick(plans_);
  if (Chance(0.1)) c.urgent = true;
  if (Chance(0.1)) c.site_of_care = static_cast<cases::SiteOfCare>(Uniform(0, 3));
  if (Chance(0.1)) c.setting = cases::Setting::kInpatient;
  int changes = Uniform(0, 2);
  const auto& facts = program_.facts.facts();
  for (int i = 0; i < changes && !facts.empty(); ++i) {
    auto it = facts.begin();
    std::advance(it, Uniform(0, static_cast<int>(facts.size()) - 1));
    if (Chance(0.3)) c.clinical.erase(it->first);
    else c.clinical[it->first] = RandomValue(it->second, c.date_of_service);
  }
  if (Chance(0.3)) AddHistory(c, c.date_of_service);
  return c;
}

void CaseGenerator::ShiftDates(cases::Case& c, int days) {
  c.date_of_service = c.date_of_service.AddDays(days);
  c.submitted_on = c.submitted_on.AddDays(days);
  if (c.performed_on) c.performed_on = c.performed_on->AddDays(days);
  c.member.birth_date = c.member.birth_date.AddDays(days);
  for (auto& h : c.history) h.date = h.date.AddDays(days);
  for (auto& [key, value] : c.clinical)
    if (auto* d = std::get_if<Date>(&value)) *d = d->AddDays(days);
}

void CaseGenerator::AddHistory(cases::Case& c, Date dos) {
  int history = Uniform(0, 5);
  for (int i = 0; i < history; ++i) {
    cases::HistoryRecord h;
    h.code = Chance(0.7) && !c.procedures.empty() ? c.procedures[0].code : Pick(procedures_);
    h.date = dos.AddDays(-Pick(kHistoryOffsets));
    if (Chance(0.6)) h.level = Pick(kLevels);
    if (Chance(0.4)) h.laterality = Pick(kHistoryLateralities);
    if (Chance(0.85)) h.relief_percent = Pick(kNumberThresholds);
    if (Chance(0.85)) h.relief_weeks = Pick(std::vector<double>{2, 3, 6, 12});
    if (Chance(0.5)) h.functional_improvement = Chance(0.6);
    c.history.push_back(std::move(h));
  }
}

bool CaseGenerator::Chance(double p) {
  return std::uniform_real_distribution<double>(0, 1)(rng_) < p;
}

int CaseGenerator::Uniform(int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng_);
}

}  // namespace mskc::differential
