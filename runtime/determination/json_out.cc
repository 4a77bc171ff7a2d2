#include "runtime/determination/json_out.h"

#include <cstdio>

namespace mskc::determination {
namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is invalid.
size_t Utf8Length(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  if (n == 2 && c < 0xC2) return 0;                                  // overlong
  if (n == 3) {
    unsigned char c1 = b(i + 1);
    if (c == 0xE0 && c1 < 0xA0) return 0;                            // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;                           // surrogate
  }
  if (n == 4) {
    unsigned char c1 = b(i + 1);
    if (c == 0xF0 && c1 < 0x90) return 0;                            // overlong
    if (c > 0xF4 || (c == 0xF4 && c1 >= 0x90)) return 0;             // > U+10FFFF
  }
  return n;
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) {
  out.push_back('"');
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t n = Utf8Length(s, i);
      if (n == 0) {
        out += "\xEF\xBF\xBD";
        ++i;
      } else {
        out.append(s.substr(i, n));
        i += n;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out.push_back('"');
}

void JsonOut::Newline() {
  out_.push_back('\n');
  out_.append(2 * has_items_.size(), ' ');
}

void JsonOut::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_items_.empty()) return;
  if (has_items_.back()) out_.push_back(',');
  has_items_.back() = true;
  if (pretty_) Newline();
}

void JsonOut::Open(char c) {
  BeforeValue();
  out_.push_back(c);
  has_items_.push_back(false);
}

void JsonOut::Close(char c) {
  bool had_items = has_items_.back();
  has_items_.pop_back();
  if (pretty_ && had_items) Newline();
  out_.push_back(c);
}

void JsonOut::Key(std::string_view key) {
  BeforeValue();
  AppendJsonString(out_, key);
  out_ += pretty_ ? ": " : ":";
  after_key_ = true;
}

void JsonOut::String(std::string_view s) {
  BeforeValue();
  AppendJsonString(out_, s);
}

void JsonOut::Int(long v) {
  BeforeValue();
  out_ += std::to_string(v);
}

void JsonOut::Null() {
  BeforeValue();
  out_ += "null";
}

void JsonOut::Raw(std::string_view json) {
  BeforeValue();
  out_.append(json);
}

}  // namespace mskc::determination
