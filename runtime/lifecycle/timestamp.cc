#include "runtime/lifecycle/timestamp.h"

#include <chrono>
#include <cstdio>

namespace mskc::lifecycle {
namespace {

bool Digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

Timestamp Timestamp::Now() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return FromSeconds(std::chrono::duration_cast<std::chrono::seconds>(now).count());
}

std::optional<Timestamp> Timestamp::Parse(std::string_view text) {
  if (text.size() < 10) return std::nullopt;
  std::optional<Date> date = Date::Parse(text.substr(0, 10));
  if (!date) return std::nullopt;
  int64_t seconds = int64_t{date->days()} * 86400;
  if (text.size() == 10) return FromSeconds(seconds);
  if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') return std::nullopt;
  int hh = 0, mm = 0, ss = 0;
  if (!Digits(text, 11, 2, hh) || text.size() < 16 || text[13] != ':' || !Digits(text, 14, 2, mm))
    return std::nullopt;
  size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    if (!Digits(text, pos + 1, 2, ss)) return std::nullopt;
    pos += 3;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      ++pos;
      size_t start = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == start) return std::nullopt;
    }
  }
  if (hh > 23 || mm > 59 || ss > 60) return std::nullopt;
  if (ss == 60) ss = 59;  // a leap second counts as the second before
  seconds += hh * 3600 + mm * 60 + ss;
  if (pos == text.size()) return FromSeconds(seconds);
  if ((text[pos] == 'Z' || text[pos] == 'z') && pos + 1 == text.size()) return FromSeconds(seconds);
  if (text[pos] == '+' || text[pos] == '-') {
    int oh = 0, om = 0;
    if (!Digits(text, pos + 1, 2, oh)) return std::nullopt;
    size_t rest = pos + 3;
    if (rest < text.size() && text[rest] == ':') ++rest;
    if (!Digits(text, rest, 2, om) || rest + 2 != text.size() || oh > 23 || om > 59)
      return std::nullopt;
    int64_t offset = oh * 3600 + om * 60;
    return FromSeconds(text[pos] == '+' ? seconds - offset : seconds + offset);
  }
  return std::nullopt;
}

Date Timestamp::date() const { return Date::FromDays(static_cast<int32_t>(FloorDiv(seconds_, 86400))); }

std::string Timestamp::ToString() const {
  int64_t in_day = seconds_ - int64_t{date().days()} * 86400;
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", static_cast<int>(in_day / 3600),
                static_cast<int>(in_day / 60 % 60), static_cast<int>(in_day % 60));
  return date().ToString() + buf;
}

}  // namespace mskc::lifecycle
