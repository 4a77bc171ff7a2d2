// Every date a case record keeps, given or derived (deadline, validity windows, denial, ...),
// must lie in 1900-01-01..9999-12-31 (limits::kEarliestYear..kLatestYear): a later one has no
// four-digit form, so the store could neither read it back nor order it by text.
#pragma once
#include <optional>
#include <string>

#include "runtime/lifecycle/case_record.h"

namespace mskc::lifecycle {

bool InDateRange(Date d);
bool InDateRange(Timestamp t);

// The name of the first field of `r` outside the range (`expires_on`, `lines[2].window_to`, ...),
// or nullopt when every date is in it.
std::optional<std::string> FieldOutOfDateRange(const CaseRecord& r);

// The message for such a field: "the case's `expires_on` would fall outside 1900-01-01..9999-12-31".
std::string DateRangeMessage(const std::string& field);

}  // namespace mskc::lifecycle
