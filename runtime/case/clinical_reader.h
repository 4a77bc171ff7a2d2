// Internal to the case reader: the `clinical` object, typed by the fact dictionary.
#pragma once
#include "runtime/case/case.h"
#include "runtime/case/json_checker.h"
#include "runtime/core/fact_dictionary.h"

namespace mskc::cases::internal {

// Fills `c->clinical` and appends warnings for unknown keys and out-of-vocabulary list entries.
bool ReadClinical(Checker& check, const element& value, const Path& path,
                  const FactDictionary& facts, Case* c);

}  // namespace mskc::cases::internal
