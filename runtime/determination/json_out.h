// A minimal streaming JSON emitter: keys come out in the order they are written (the contract's
// order), compact or two-space indented. Internal to the determination writer and the CLI.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace mskc::determination {

class JsonOut {
 public:
  explicit JsonOut(bool pretty) : pretty_(pretty) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);
  void String(std::string_view s);
  void Int(long v);
  void Null();
  // A value that is already valid JSON text (compact).
  void Raw(std::string_view json);

  std::string Take() { return std::move(out_); }

 private:
  void Open(char c);
  void Close(char c);
  void BeforeValue();
  void Newline();

  bool pretty_;
  std::string out_;
  std::vector<bool> has_items_;  // per open container
  bool after_key_ = false;
};

// Appends `s` as a JSON string literal (quotes included); invalid UTF-8 becomes U+FFFD.
void AppendJsonString(std::string& out, std::string_view s);

}  // namespace mskc::determination
