// `mskc repl`: interactive evaluation. On a terminal, libedit gives line editing, tab
// completion and a history in $HOME/.mskc_history; otherwise commands are read line by line
// with no prompt, so sessions can be scripted (exit 1 when a scripted command failed).
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <exception>
#include <iostream>

#include "tools/mskc/commands.h"
#include "tools/mskc/repl/line_reader.h"
#include "tools/mskc/repl/session.h"
#include "tools/mskc/repl/text.h"

namespace mskc::tool {
namespace {

// Columns of the terminal on stdout; 0 when it is not one.
size_t TerminalWidth() {
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

std::string HistoryPath() {
  const char* home = std::getenv("HOME");
  if (home == nullptr || *home == '\0') return "";
  return std::string(home) + "/.mskc_history";
}

}  // namespace

ExitCode RunRepl(const ReplOptions& options) {
  repl::SessionOptions session_options;
  session_options.rules_dir = options.rules_dir;
  session_options.backend = options.backend;
  session_options.today = repl::Today();
  if (!options.today.empty()) {
    auto today = Date::Parse(options.today);
    if (!today) {
      std::cerr << "error: --today: expected a date as YYYY-MM-DD, found \"" << options.today
                << "\"\n";
      return ExitCode::kUsage;
    }
    session_options.today = *today;
  }
  const bool interactive = isatty(STDIN_FILENO) != 0;
  const char* no_color = std::getenv("NO_COLOR");
  session_options.color = interactive && isatty(STDOUT_FILENO) != 0 &&
                          (no_color == nullptr || *no_color == '\0');

  repl::Session session(session_options, std::cout, std::cerr);
  if (!session.LoadRules(options.rules_dir)) return ExitCode::kUsage;

  std::unique_ptr<repl::LineReader> reader;
  if (interactive) {
    reader = repl::MakeTerminalReader(
        HistoryPath(), [&session](const std::string& line, const std::string& word) {
          return session.Complete(line, word);
        });
    session.set_width(TerminalWidth());
    std::cout << session.Banner() << std::flush;
  } else {
    reader = repl::MakeStreamReader(std::cin);
  }

  bool failed = false, quit = false;
  while (auto line = reader->Read("mskc> ")) {
    repl::CommandStatus status;
    if (interactive) session.set_width(TerminalWidth());  // follows resizes
    try {
      status = session.Execute(*line);
    } catch (const std::exception& e) {  // a bug must not end the session
      std::cout.flush();
      std::cerr << "error: internal: " << e.what() << "\n";
      status = repl::CommandStatus::kError;
    }
    if (status == repl::CommandStatus::kQuit) {
      quit = true;
      break;
    }
    if (status == repl::CommandStatus::kError) failed = true;
  }
  if (interactive && !quit) std::cout << "\n";  // after Ctrl-D
  std::cout.flush();
  return !interactive && failed ? ExitCode::kFailure : ExitCode::kOk;
}

}  // namespace mskc::tool
