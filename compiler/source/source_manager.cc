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
  IndexCodePoints(*file);
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

void SourceManager::IndexCodePoints(File& f) {
  bool ascii = std::all_of(f.text.begin(), f.text.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return;  // then a column is a byte count, no table needed
  f.line_first_code_point.reserve(f.line_starts.size());
  size_t line = 0;
  for (uint32_t i = 0; i < f.text.size(); ++i) {
    if (IsContinuationByte(f.text[i])) continue;
    while (line < f.line_starts.size() && f.line_starts[line] <= i) {
      f.line_first_code_point.push_back(static_cast<uint32_t>(f.code_point_offsets.size()));
      ++line;
    }
    f.code_point_offsets.push_back(i);
  }
  while (line++ < f.line_starts.size())  // a last empty line after the final newline
    f.line_first_code_point.push_back(static_cast<uint32_t>(f.code_point_offsets.size()));
}

uint32_t SourceManager::LineEnd(const File& f, uint32_t line) {
  if (line < f.line_starts.size()) return f.line_starts[line] - 1;  // at the newline
  return static_cast<uint32_t>(f.text.size());
}

LineCol SourceManager::Locate(FileId id, uint32_t offset) const {
  const File& f = *files_[id];
  offset = std::min<uint32_t>(offset, f.text.size());
  auto it = std::upper_bound(f.line_starts.begin(), f.line_starts.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - f.line_starts.begin());
  uint32_t start = f.line_starts[line - 1];
  if (f.code_point_offsets.empty()) return {line, offset - start + 1};
  // Columns count the code points that start before the offset on this line.
  auto before = std::lower_bound(f.code_point_offsets.begin(), f.code_point_offsets.end(), offset);
  uint32_t index = static_cast<uint32_t>(before - f.code_point_offsets.begin());
  return {line, index - f.line_first_code_point[line - 1] + 1};
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
  if (column == 0) column = 1;
  uint32_t start = f.line_starts[line - 1];
  uint32_t end = LineEnd(f, line);
  if (f.code_point_offsets.empty()) return std::min<uint64_t>(uint64_t{start} + column - 1, end);
  uint64_t index = uint64_t{f.line_first_code_point[line - 1]} + column - 1;
  if (index >= f.code_point_offsets.size()) return end;
  return std::min(f.code_point_offsets[index], end);
}

}  // namespace mskc::source
