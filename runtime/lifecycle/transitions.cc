#include "runtime/lifecycle/transitions.h"

#include <algorithm>
#include <array>

namespace mskc::lifecycle {
namespace {

using determination::CaseStatus;

constexpr std::array kInProgress{CaseStatus::kInProgress};
constexpr std::array kCancellable{CaseStatus::kInProgress, CaseStatus::kAuthorized};
constexpr std::array kVoidable{CaseStatus::kInProgress, CaseStatus::kAuthorized,
                               CaseStatus::kCompleted};
constexpr std::array kDenied{CaseStatus::kNonAuthorized, CaseStatus::kMultipleDecisionsRendered};
constexpr std::array kDosChangeable{CaseStatus::kAuthorized, CaseStatus::kCompleted};

}  // namespace

std::string_view CommandName(Command c) {
  switch (c) {
    case Command::kUpdate: return "update";
    case Command::kPeerToPeer: return "p2p";
    case Command::kReview: return "review";
    case Command::kCancel: return "cancel";
    case Command::kVoid: return "void";
    case Command::kReconsider: return "reconsider";
    case Command::kChangeDateOfService: return "change-dos";
    case Command::kTick: return "tick";
  }
  return "tick";
}

std::span<const CaseStatus> AllowedFrom(Command command) {
  switch (command) {
    case Command::kUpdate:
    case Command::kPeerToPeer:
    case Command::kReview:
    case Command::kTick: return kInProgress;
    case Command::kCancel: return kCancellable;
    case Command::kVoid: return kVoidable;
    case Command::kReconsider: return kDenied;
    case Command::kChangeDateOfService: return kDosChangeable;
  }
  return {};
}

bool IsAllowed(Command command, CaseStatus from) {
  auto allowed = AllowedFrom(command);
  return std::find(allowed.begin(), allowed.end(), from) != allowed.end();
}

}  // namespace mskc::lifecycle
