// Machine-readable reasons of a determination. INVARIANT: the enumerators follow the order of the
// reason-code table in determination-format.md, which is also the output order.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace mskc {

enum class ReasonCode : uint8_t {
  kManualReview,
  kNotManaged,
  kEmergencyExempt,
  kNotificationOnly,
  kMemberNotEnrolled,
  kBenefitNotCovered,
  kServicingProviderCannotOrder,
  kRetroWindowExceeded,
  kCriteriaNotMet,
  kMissingInformation,
  kSoftLaunchEducation,
  kSiteOfCareReview,
  kSmokingCessationRequired,
  kDuplicateOrder,
  kInfoNotProvided,
  kReconsiderationWindowExceeded,
};
inline constexpr int kReasonCodeCount = 16;

std::string_view ReasonCodeName(ReasonCode c);
std::optional<ReasonCode> ParseReasonCode(std::string_view name);

// A set of reason codes; iteration (ToVector) is in table order, so output order needs no sort.
class ReasonCodeSet {
 public:
  ReasonCodeSet() = default;
  ReasonCodeSet(std::initializer_list<ReasonCode> codes) {
    for (ReasonCode c : codes) Add(c);
  }
  void Add(ReasonCode c) { bits_ |= Bit(c); }
  void Add(const ReasonCodeSet& other) { bits_ |= other.bits_; }
  bool Has(ReasonCode c) const { return (bits_ & Bit(c)) != 0; }
  bool empty() const { return bits_ == 0; }
  std::vector<ReasonCode> ToVector() const;
  friend bool operator==(const ReasonCodeSet&, const ReasonCodeSet&) = default;

 private:
  static uint32_t Bit(ReasonCode c) { return uint32_t{1} << static_cast<uint32_t>(c); }
  uint32_t bits_ = 0;
};

}  // namespace mskc
