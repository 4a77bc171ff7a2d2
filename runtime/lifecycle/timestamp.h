// Instants of the case store, in UTC seconds: receipt, deadlines, audit events. `--at` and the
// store's text columns use ISO 8601 (`2021-03-01T09:30:00Z`); a date alone means 00:00 UTC.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/core/date.h"

namespace mskc::lifecycle {

class Timestamp {
 public:
  constexpr Timestamp() = default;
  static constexpr Timestamp FromSeconds(int64_t s) { Timestamp t; t.seconds_ = s; return t; }
  static Timestamp FromDate(Date d) { return FromSeconds(int64_t{d.days()} * 86400); }
  static Timestamp Now();
  // `YYYY-MM-DD`, or a date-time `YYYY-MM-DDTHH:MM[:SS[.fraction]]` with `Z`, `±HH:MM` or no
  // zone (UTC); a space may stand for `T`. Nullopt for anything else (impossible dates too).
  static std::optional<Timestamp> Parse(std::string_view text);

  constexpr int64_t seconds() const { return seconds_; }
  Date date() const;  // the UTC calendar date
  std::string ToString() const;  // `YYYY-MM-DDTHH:MM:SSZ`: fixed width, so text order = time order
  Timestamp AddHours(int64_t h) const { return FromSeconds(seconds_ + h * 3600); }
  Timestamp AddDays(int64_t d) const { return FromSeconds(seconds_ + d * 86400); }
  friend constexpr auto operator<=>(Timestamp, Timestamp) = default;

 private:
  int64_t seconds_ = 0;
};

}  // namespace mskc::lifecycle
