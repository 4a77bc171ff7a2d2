#include "runtime/lifecycle/date_range.h"

#include "runtime/core/limits.h"

namespace mskc::lifecycle {

bool InDateRange(Date d) { return d.year() >= limits::kEarliestYear && d.year() <= limits::kLatestYear; }
bool InDateRange(Timestamp t) { return InDateRange(t.date()); }

namespace {

template <typename T>
bool Bad(const std::optional<T>& value) {
  return value && !InDateRange(*value);
}

std::optional<std::string> LineOutOfRange(const LineRecord& l) {
  std::string name = "lines[" + std::to_string(l.number) + "].";
  if (Bad(l.window_from)) return name + "valid_from";
  if (Bad(l.window_to)) return name + "expires_on";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> FieldOutOfDateRange(const CaseRecord& r) {
  if (!InDateRange(r.received_at)) return "received_at";
  if (Bad(r.deadline)) return "deadline";
  if (!InDateRange(r.date_of_service)) return "date_of_service";
  if (Bad(r.valid_from)) return "valid_from";
  if (Bad(r.expires_on)) return "expires_on";
  if (Bad(r.denied_at)) return "denied_at";
  if (!InDateRange(r.updated_at)) return "updated_at";
  for (const LineRecord& l : r.lines)
    if (auto field = LineOutOfRange(l)) return field;
  return std::nullopt;
}

std::string DateRangeMessage(const std::string& field) {
  return "the case's `" + field + "` would fall outside " + std::to_string(limits::kEarliestYear) +
         "-01-01.." + std::to_string(limits::kLatestYear) + "-12-31";
}

}  // namespace mskc::lifecycle
