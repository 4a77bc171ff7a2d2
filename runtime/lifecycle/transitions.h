// The legal transitions of a case (program-rules.md, "Case store details"): which statuses each
// command may act on. Anything not in the table is refused with ILLEGAL_TRANSITION; docs/case-store.md
// draws the same table as a diagram.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>

#include "runtime/determination/outcome.h"

namespace mskc::lifecycle {

enum class Command : uint8_t {
  kUpdate, kPeerToPeer, kReview, kCancel, kVoid, kReconsider, kChangeDateOfService, kTick,
};

std::string_view CommandName(Command c);  // as typed: `update`, `p2p`, `review`, ...

// The statuses `command` may start from (the table's "allowed from" column).
std::span<const determination::CaseStatus> AllowedFrom(Command command);
bool IsAllowed(Command command, determination::CaseStatus from);

}  // namespace mskc::lifecycle
