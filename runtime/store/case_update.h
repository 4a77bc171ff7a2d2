// `mskc case update ID FACTS.json`: merges arriving information into the case as filed.
#pragma once
#include <string>

namespace mskc::store {

// FACTS must be a JSON object that changes no identifying or scheduling field of the case.
bool ValidateFacts(const std::string& facts_text, std::string& error);

// `clinical` merged key by key (null removes a fact); `history` items appended;
// `site_of_care_reasons`, `requested_los_days`, `diagnoses`, `servicing_facility` replaced; any
// other key is a clinical fact. The result is the case JSON to evaluate again.
bool MergeFacts(const std::string& case_text, const std::string& facts_text, std::string& merged,
                std::string& error);

}  // namespace mskc::store
