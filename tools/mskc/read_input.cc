#include "tools/mskc/read_input.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace mskc::tool {

std::string ReadInput(const std::string& path, std::string& text) {
  try {
    if (path == "-") {
      std::ostringstream buffer;
      buffer << std::cin.rdbuf();
      text = buffer.str();
      return std::cin.bad() ? "cannot read standard input" : "";
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
      return "cannot read '" + path + "': it is a folder, expected a file";
    std::ifstream in(path, std::ios::binary);
    if (!in) return "cannot read '" + path + "': " + std::strerror(errno);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return "cannot read '" + path + "'";
    text = buffer.str();
    return "";
  } catch (const std::exception& e) {
    return "cannot read '" + path + "': " + e.what();
  }
}

}  // namespace mskc::tool
