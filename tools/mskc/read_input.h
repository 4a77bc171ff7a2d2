// Reading a whole input file (or standard input for `-`) without exceptions: a folder, an
// unreadable file or a read error is a message, never a crash.
#pragma once
#include <string>

namespace mskc::tool {

// Returns "" and fills `text`, or a message such as "cannot read 'x.json': No such file or
// directory".
std::string ReadInput(const std::string& path, std::string& text);

}  // namespace mskc::tool
