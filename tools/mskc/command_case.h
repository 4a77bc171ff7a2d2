// `mskc case …`: the case store's command line (cli.md, "The case store"). Registers its
// subcommands on the app, then runs whichever was parsed.
#pragma once
#include <CLI/CLI.hpp>

#include <memory>

#include "tools/mskc/exit_code.h"

namespace mskc::tool {

class CaseCommand {
 public:
  explicit CaseCommand(CLI::App& app);
  ~CaseCommand();
  bool parsed() const;
  ExitCode Run();

 private:
  struct Options;
  std::unique_ptr<Options> options_;
  CLI::App* cmd_;
};

}  // namespace mskc::tool
