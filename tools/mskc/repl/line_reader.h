// Where REPL commands come from: a terminal (libedit: line editing, history in a file, tab
// completion) or, when stdin is not a terminal, plain lines with no prompt, for scripts and tests.
#pragma once
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mskc::tool::repl {

// Completion candidates for the word being typed: `line` is the text before the cursor,
// `word` its last (partial) word. Returning nullopt asks for file-name completion.
using Completer =
    std::function<std::optional<std::vector<std::string>>(const std::string& line,
                                                           const std::string& word)>;

class LineReader {
 public:
  virtual ~LineReader() = default;
  // The next line without its newline; nullopt at end of input.
  virtual std::optional<std::string> Read(const std::string& prompt) = 0;
  virtual bool interactive() const = 0;
};

// A terminal reader keeping its history in `history_path` (empty: no history file).
std::unique_ptr<LineReader> MakeTerminalReader(const std::string& history_path,
                                               Completer completer);
// Reads `in` line by line.
std::unique_ptr<LineReader> MakeStreamReader(std::istream& in);

}  // namespace mskc::tool::repl
