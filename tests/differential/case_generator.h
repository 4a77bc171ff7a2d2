// Seeded random cases for differential testing (after Soufflé and Cedar's DRT). Values cluster
// around the thresholds and boundaries the program uses: every family's procedure codes (from the
// guidelines' own code sets), every plan and an unknown one, both settings and every site of care,
// facts present, absent and at their limits, history records inside and outside each window.
// The generator reads the codes, plans and facts from the compiled program, so a new family or
// plan is covered without touching it.
#pragma once
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "compiler/lower/rule_ir.h"
#include "runtime/case/case.h"

namespace mskc::differential {

class CaseGenerator {
 public:
  // `bases`: cases that meet every criterion of a family (the library's `*.base.json`); half of
  // the cases are drawn from them when given.
  CaseGenerator(const ir::Program& program, uint32_t seed, std::vector<cases::Case> bases = {});

  cases::Case Next();

 private:
  void AddLines(cases::Case& c);
  void AddClinicalFacts(cases::Case& c, Date dos);
  void AddHistory(cases::Case& c, Date dos);
  cases::ClinicalValue RandomValue(const FactInfo& info, Date dos);
  cases::Case FromBase();
  static void ShiftDates(cases::Case& c, int days);
  void CollectCodes(const CodeSet& set);

  bool Chance(double p);
  int Uniform(int lo, int hi);
  template <typename T>
  const T& Pick(const std::vector<T>& options) {
    return options[static_cast<size_t>(Uniform(0, static_cast<int>(options.size()) - 1))];
  }

  const ir::Program& program_;
  std::mt19937 rng_;
  uint64_t counter_ = 0;
  std::vector<cases::Case> bases_;
  std::vector<std::string> plans_;
  std::vector<std::string> procedures_;  // five-character procedure codes
  std::vector<std::string> diagnoses_;   // ICD-10 codes (a letter first)
};

}  // namespace mskc::differential
