#include "compiler/source/source_manager.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace mskc::source {

FileId SourceManager::Add(std::string path, std::string text) {
  auto file = std::make_unique<File>();
  file->path = std::move(path);
  file->text = std::move(text);
  file->line_starts.push_back(0);
  for (uint32_t i = 0; i < file->text.size(); ++i)
    if (file->text[i] == '\n') file->line_starts.push_back(i + 1);
  files_.push_back(std::move(file));
  return static_cast<FileId>(files_.size() - 1);
}

std::optional<FileId> SourceManager::Load(const std::string& path) {
  // Only regular files: a pipe would wait forever, a folder cannot be read.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return Add(path, buffer.str());
}

std::string_view SourceManager::Text(Span span) const {
  if (!span.valid()) return {};
  std::string_view text = files_[span.file]->text;
  uint32_t begin = std::min<uint32_t>(span.begin, text.size());
  uint32_t end = std::min<uint32_t>(std::max(span.end, begin), text.size());
  return text.substr(begin, end - begin);
}

static bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

LineCol SourceManager::Locate(FileId id, uint32_t offset) const {
  const File& f = *files_[id];
  offset = std::min<uint32_t>(offset, f.text.size());
  auto it = std::upper_bound(f.line_starts.begin(), f.line_starts.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - f.line_starts.begin());
  uint32_t start = f.line_starts[line - 1];
  uint32_t column = 1;
  for (uint32_t i = start; i < offset; ++i)
    if (!IsContinuationByte(f.text[i])) ++column;
  return {line, column};
}

std::string_view SourceManager::LineText(FileId id, uint32_t line) const {
  const File& f = *files_[id];
  if (line == 0 || line > f.line_starts.size()) return {};
  uint32_t start = f.line_starts[line - 1];
  uint32_t end = line < f.line_starts.size() ? f.line_starts[line] : f.text.size();
  std::string_view text(f.text);
  std::string_view out = text.substr(start, end - start);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.remove_suffix(1);
  return out;
}

uint32_t SourceManager::OffsetOf(FileId id, uint32_t line, uint32_t column) const {
  const File& f = *files_[id];
  if (line == 0) line = 1;
  if (line > f.line_starts.size()) return f.text.size();
  uint32_t offset = f.line_starts[line - 1];
  for (uint32_t col = 1; col < column && offset < f.text.size() && f.text[offset] != '\n'; ++col) {
    ++offset;
    while (offset < f.text.size() && IsContinuationByte(f.text[offset])) ++offset;
  }
  return offset;
}

}  // namespace mskc::source
