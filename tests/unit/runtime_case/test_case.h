// Shared fixtures for the case reader and frame builder tests: the clinical fact dictionary of
// case-format.md and a valid base case to mutate.
#pragma once
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <variant>

#include "runtime/case/case_reader.h"
#include "runtime/core/fact_dictionary.h"

namespace mskc::cases::testing {

inline FactInfo Fact(std::string key, FactType type) {
  FactInfo f;
  f.key = std::move(key);
  f.type = type;
  return f;
}

inline FactInfo Number(std::string key, std::optional<double> min, std::optional<double> max) {
  FactInfo f = Fact(std::move(key), FactType::kNumber);
  f.min = min;
  f.max = max;
  return f;
}

inline FactInfo Vocab(std::string key, FactType type, std::vector<std::string> words) {
  FactInfo f = Fact(std::move(key), type);
  f.vocabulary = std::move(words);
  return f;
}

// The clinical table of case-format.md, with its ranges.
inline const FactDictionary& TestFacts() {
  static const FactDictionary facts = [] {
    FactDictionary d;
    for (const char* key :
         {"functional_impairment", "radicular_pain", "radiculopathy_on_exam", "axial_pain",
          "neurogenic_claudication", "physical_therapy", "radiology_report_submitted",
          "prior_fusion_at_level", "facet_synovial_cyst", "smoker", "nicotine_test_negative",
          "active_infection", "bleeding_disorder_uncontrolled", "psych_evaluation_cleared",
          "severe_neurological_deficit", "mechanical_symptoms"}) {
      d.Add(Fact(key, FactType::kBool));
    }
    d.Add(Number("pain_duration_weeks", 0, std::nullopt));
    d.Add(Number("pain_score", 0, 10));
    d.Add(Number("conservative_care_weeks", 0, std::nullopt));
    d.Add(Number("diagnostic_block_relief_percent", 0, 100));
    d.Add(Number("prior_rfn_relief_percent", 0, 100));
    d.Add(Number("prior_rfn_relief_months", 0, std::nullopt));
    d.Add(Number("bmi", 0, std::nullopt));
    d.Add(Number("hba1c", 0, std::nullopt));
    d.Add(Number("kellgren_lawrence_grade", 0, 4));
    d.Add(Number("scs_trial_relief_percent", 0, 100));
    d.Add(Number("sij_provocative_tests_positive", 0, std::nullopt));
    d.Add(Fact("imaging_date", FactType::kDate));
    d.Add(Vocab("complementary_modalities", FactType::kEnumList,
                {"nsaids", "oral_steroids", "activity_modification", "chiropractic", "acupuncture",
                 "cbt", "bracing", "injections"}));
    d.Add(Vocab("imaging_type", FactType::kEnum, {"mri", "ct", "ct_myelogram", "xray", "none"}));
    d.Add(Vocab("imaging_findings", FactType::kEnumList,
                {"disc_herniation", "nerve_root_compression", "foraminal_stenosis",
                 "central_stenosis", "spondylolisthesis", "instability", "facet_arthropathy",
                 "synovial_cyst", "pseudarthrosis", "meniscal_tear",
                 "full_thickness_rotator_cuff_tear", "partial_thickness_rotator_cuff_tear"}));
    d.Add(
        Vocab("facet_injection_type", FactType::kEnum, {"medial_branch_block", "intra_articular"}));
    d.Add(Vocab("stimulator_stage", FactType::kEnum, {"trial", "permanent"}));
    d.Add(Vocab("stimulator_target", FactType::kEnum, {"spinal_cord", "dorsal_root_ganglion"}));
    return d;
  }();
  return facts;
}

inline nlohmann::json BaseCase() {
  return nlohmann::json::parse(R"({
    "case_id": "C-1",
    "health_plan": "IBX",
    "submitted_on": "2021-03-01",
    "date_of_service": "2021-03-10",
    "setting": "outpatient",
    "site_of_care": "ambulatory_surgery_center",
    "procedures": [{"code": "62323"}],
    "diagnoses": ["M54.16"],
    "member": {"id": "M-1", "birth_date": "1970-05-20"},
    "ordering_provider": {"npi": "1234567890"}
  })");
}

inline CaseResult Read(const nlohmann::json& j) { return ReadCase(j.dump(), TestFacts()); }

inline Case MustRead(const nlohmann::json& j) {
  CaseResult r = Read(j);
  if (const auto* e = std::get_if<CaseError>(&r)) {
    ADD_FAILURE() << "refused: " << FormatCaseError(*e);
    return Case{};
  }
  return std::get<Case>(std::move(r));
}

inline CaseError MustFailText(std::string_view text) {
  CaseResult r = ReadCase(text, TestFacts());
  if (const auto* e = std::get_if<CaseError>(&r)) return *e;
  ADD_FAILURE() << "accepted: " << text;
  return CaseError{"<accepted>", ""};
}

inline CaseError MustFail(const nlohmann::json& j) { return MustFailText(j.dump()); }

// `j` with `value` at the JSON pointer `pointer` (e.g. "/member/sex").
inline nlohmann::json With(nlohmann::json j, const std::string& pointer, nlohmann::json value) {
  j[nlohmann::json::json_pointer(pointer)] = std::move(value);
  return j;
}

inline nlohmann::json Without(nlohmann::json j, const std::string& pointer) {
  nlohmann::json::json_pointer p(pointer);
  j[p.parent_pointer()].erase(p.back());
  return j;
}

}  // namespace mskc::cases::testing
