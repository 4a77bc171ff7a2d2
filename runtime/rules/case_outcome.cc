#include "runtime/rules/case_outcome.h"

#include <algorithm>

namespace mskc::rules {

using determination::Outcome;
using determination::Review;

void SummarizeLines(determination::Determination& d) {
  auto any = [&](Outcome o) {
    return std::any_of(d.lines.begin(), d.lines.end(),
                       [o](const determination::LineResult& l) { return l.outcome == o; });
  };
  if (any(Outcome::kPended)) {
    d.outcome = Outcome::kPended;
  } else if (any(Outcome::kApproved)) {
    d.outcome = Outcome::kApproved;
  } else if (any(Outcome::kNotificationOnly)) {
    d.outcome = Outcome::kNotificationOnly;
  } else if (!d.lines.empty() &&
             std::all_of(d.lines.begin(), d.lines.end(), [&](const determination::LineResult& l) {
               return l.outcome == d.lines.front().outcome;
             })) {
    d.outcome = d.lines.front().outcome;  // a case-level result shared by every line
  } else {
    d.outcome = Outcome::kNotRequired;
  }
  d.status = determination::StatusFor(d.outcome);

  d.review = Review::kNone;
  if (d.outcome == Outcome::kPended) {
    d.review = Review::kNurse;
    for (const auto& l : d.lines)
      if (l.outcome == Outcome::kPended && l.review == Review::kPhysician)
        d.review = Review::kPhysician;
  }

  for (const auto& l : d.lines) d.reason_codes.Add(l.reason_codes);

  d.valid_from.reset();
  d.expires_on.reset();
  if (d.outcome == Outcome::kApproved || d.outcome == Outcome::kNotificationOnly) {
    const determination::LineResult* first = nullptr;
    for (const auto& l : d.lines) {
      if (!l.expires_on) continue;
      if (first == nullptr || *l.expires_on < *first->expires_on) first = &l;
    }
    if (first != nullptr) {
      d.valid_from = first->valid_from;
      d.expires_on = first->expires_on;
    }
  }
}

}  // namespace mskc::rules
