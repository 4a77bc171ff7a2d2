#include "tools/mskc/repl/line_reader.h"

// libedit's readline-compatible interface (Debian libedit-dev).
#include <editline/readline.h>

#include <algorithm>
#include <csignal>
#include <clocale>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <exception>

namespace mskc::tool::repl {
namespace {

class StreamReader : public LineReader {
 public:
  explicit StreamReader(std::istream& in) : in_(in) {}
  std::optional<std::string> Read(const std::string&) override {
    std::string line;
    if (!std::getline(in_, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  bool interactive() const override { return false; }

 private:
  std::istream& in_;
};

// Ctrl-C abandons the line being typed instead of ending the session.
volatile std::sig_atomic_t g_interrupted = 0;
void OnInterrupt(int) { g_interrupted = 1; }

// libedit calls plain C functions: the active reader's completer and the candidates of the
// completion in progress live here (one terminal reader per process).
Completer* g_completer = nullptr;
std::vector<std::string> g_candidates;

char* NextCandidate(const char*, int state) {
  static size_t next = 0;
  if (state == 0) next = 0;
  if (next >= g_candidates.size()) return nullptr;
  return strdup(g_candidates[next++].c_str());
}

char** CompleteWord(const char* text, int /*start*/, int end) {
  rl_attempted_completion_over = 1;
  if (g_completer == nullptr || rl_line_buffer == nullptr) return nullptr;
  std::string before(rl_line_buffer, static_cast<size_t>(std::max(end, 0)));
  std::optional<std::vector<std::string>> candidates;
  try {
    candidates = (*g_completer)(before, text);
  } catch (const std::exception&) {  // never through libedit's C frames
    return nullptr;
  }
  if (!candidates) {
    rl_attempted_completion_over = 0;  // file names (`load`, `save`)
    return nullptr;
  }
  g_candidates = std::move(*candidates);
  if (g_candidates.empty()) return nullptr;
  return rl_completion_matches(text, NextCandidate);
}

class TerminalReader : public LineReader {
 public:
  TerminalReader(std::string history_path, Completer completer)
      : history_path_(std::move(history_path)), completer_(std::move(completer)) {
    std::setlocale(LC_CTYPE, "");
    rl_readline_name = "mskc";
    g_completer = &completer_;
    rl_attempted_completion_function = CompleteWord;
    using_history();
    stifle_history(1000);
    if (!history_path_.empty()) read_history(history_path_.c_str());
    struct sigaction action {};
    action.sa_handler = OnInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: the terminal read returns, readline gives up the line
    sigaction(SIGINT, &action, &previous_);
  }
  ~TerminalReader() override {
    if (!history_path_.empty()) write_history(history_path_.c_str());
    g_completer = nullptr;
    sigaction(SIGINT, &previous_, nullptr);
  }

  std::optional<std::string> Read(const std::string& prompt) override {
    char* raw = nullptr;
    for (;;) {
      g_interrupted = 0;
      raw = readline(prompt.c_str());
      if (!g_interrupted) break;
      std::free(raw);  // Ctrl-C: drop the line, start a fresh prompt
      std::fputs("^C\n", stdout);
      std::fflush(stdout);
    }
    if (raw == nullptr) return std::nullopt;
    std::string line(raw);
    std::free(raw);
    if (line.find_first_not_of(" \t") != std::string::npos && line != last_) {
      add_history(line.c_str());
      last_ = line;
      // Written every time, so a killed session keeps its history.
      if (!history_path_.empty()) write_history(history_path_.c_str());
    }
    return line;
  }
  bool interactive() const override { return true; }

 private:
  std::string history_path_;
  Completer completer_;
  std::string last_;
  struct sigaction previous_ {};
};

}  // namespace

std::unique_ptr<LineReader> MakeTerminalReader(const std::string& history_path,
                                               Completer completer) {
  return std::make_unique<TerminalReader>(history_path, std::move(completer));
}

std::unique_ptr<LineReader> MakeStreamReader(std::istream& in) {
  return std::make_unique<StreamReader>(in);
}

}  // namespace mskc::tool::repl
