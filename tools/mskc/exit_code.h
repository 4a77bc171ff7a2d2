// The exit codes of every mskc command (cli.md): only tools/mskc chooses them.
#pragma once

namespace mskc::tool {

enum class ExitCode : int {
  kOk = 0,       // done; `check` clean; `test` all passed
  kFailure = 1,  // `check` found errors; `test` failures; `case` refused by a rule
  kUsage = 2,    // bad case, bad command line, unreadable input
};

inline int ToInt(ExitCode code) { return static_cast<int>(code); }

}  // namespace mskc::tool
