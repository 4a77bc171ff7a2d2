// RandomIr's frames: every slot a random value, some unknown.
#include <string>
#include <utility>
#include <vector>

#include "runtime/core/date.h"
#include "runtime/core/tri.h"
#include "tests/property/random_ir.h"

namespace mskc::property {
namespace {

using ir::testing::D;
using ir::testing::Hist;

const std::vector<double> kFrameNumbers = {0, -0.0, 1, 3, 4, 4.5, -2, 12, 14, 49.999, 50, 365, 0.1};

}  // namespace

void RandomIr::FillFrame() {
  // A value is written first and then, one time in five, marked unknown: the value stays in
  // the frame as garbage that must not leak into results.
  auto maybe_unknown = [&](uint32_t slot) {
    if (P(0.2)) b_.SetUnknown(slot);
  };
  auto random_date = [&]() -> int32_t {
    return P(0.6) ? D(Pick(kDates)) : D("2021-01-01") + R(801) - 400;
  };
  for (uint32_t s : bools_)
    b_.SetTri(s, P(0.2) ? Tri::kUnknown : (P(0.5) ? Tri::kTrue : Tri::kFalse));
  for (uint32_t s : numbers_) {
    b_.SetNumber(s, Pick(kFrameNumbers));
    maybe_unknown(s);
  }
  for (uint32_t s : dates_) {
    b_.SetDateDays(s, random_date());
    maybe_unknown(s);
  }
  for (uint32_t s : codes_) {
    b_.SetCode(s, Pick(kCodes));
    maybe_unknown(s);
  }
  for (const EnumSlots& e : enums_) {
    for (uint32_t s : e.slots) {
      b_.SetEnum(s, R(e.members + 1) - 1);  // -1: a value outside the enum
      maybe_unknown(s);
    }
    std::vector<int32_t> items;
    for (int i = R(5); i > 0; --i) items.push_back(R(e.members + 1) - 1);
    b_.SetEnumList(e.list, std::move(items));
    maybe_unknown(e.list);
  }
  std::vector<std::string> dx;
  for (int i = R(5); i > 0; --i) dx.push_back(Pick(kCodes));
  b_.SetCodeList(code_list_, std::move(dx));
  maybe_unknown(code_list_);

  std::vector<Hist> history;
  // Now and then a long list: count-distinct has a separate path past its inline buffer.
  const int length = P(0.05) ? 20 + R(60) : R(6);
  for (int i = 0; i < length; ++i) {
    Hist h;
    h.code = Pick(kCodes);
    h.date = Date::FromDays(random_date()).ToString();
    if (P(0.4)) h.level = P(0.5) ? "L4-L5" : Pick(kCodes);
    if (P(0.4)) h.laterality = P(0.5) ? "left" : "right";
    if (P(0.7)) h.relief_percent = P(0.3) ? 50 : R(101);
    if (P(0.7)) h.relief_weeks = P(0.3) ? 12 : R(27) * 0.5;
    h.functional_improvement = static_cast<uint8_t>(R(3));
    history.push_back(std::move(h));
  }
  b_.SetHistory(history_, history);
  maybe_unknown(history_);
}

}  // namespace mskc::property
