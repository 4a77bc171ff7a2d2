// Owns the text of every loaded source file and maps byte offsets to line:column.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/source/span.h"

namespace mskc::source {

struct LineCol {
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, in code points
};

class SourceManager {
 public:
  // Registers text under a display path; returns its id.
  FileId Add(std::string path, std::string text);
  // Reads a file from disk; nullopt when it cannot be read.
  std::optional<FileId> Load(const std::string& path);

  const std::string& Path(FileId id) const { return files_[id]->path; }
  std::string_view Text(FileId id) const { return files_[id]->text; }
  std::string_view Text(Span span) const;
  LineCol Locate(FileId id, uint32_t offset) const;
  // The full text of the 1-based line, without its newline.
  std::string_view LineText(FileId id, uint32_t line) const;
  // Byte offset of the start of a 1-based line, and of (line, column in code points).
  uint32_t OffsetOf(FileId id, uint32_t line, uint32_t column) const;
  size_t file_count() const { return files_.size(); }

 private:
  struct File {
    std::string path;
    std::string text;
    std::vector<uint32_t> line_starts;
    // Only for text with non-ASCII bytes: the byte offset of every code point, and the index of
    // the first code point of each line. The parser reports columns in code points for every
    // token, so converting must not walk the line (a one-line body of 10^4 terms went quadratic).
    std::vector<uint32_t> code_point_offsets;
    std::vector<uint32_t> line_first_code_point;
  };
  static void IndexCodePoints(File& file);
  // Byte offset just past the last character of a 1-based line (its newline, or the end).
  static uint32_t LineEnd(const File& file, uint32_t line);
  std::vector<std::unique_ptr<File>> files_;
};

}  // namespace mskc::source
