#include "runtime/testing/discover.h"

#include <algorithm>
#include <filesystem>
#include <string_view>

namespace mskc::testing {
namespace {

namespace fs = std::filesystem;

bool IsTestFile(const fs::path& path) {
  std::string name = path.filename().string();
  std::string_view suffix = kTestFileSuffix;
  return name.size() > suffix.size() &&
         name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Discovered DiscoverTestFiles(const std::vector<std::string>& paths) {
  Discovered out;
  for (const auto& path : paths) {
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.errors.push_back("`" + path + "`: no such file or folder");
      continue;
    }
    if (!fs::is_directory(status)) {
      out.files.push_back(fs::path(path).lexically_normal().string());
      continue;
    }
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code file_ec;
      if (it->is_regular_file(file_ec) && IsTestFile(it->path()))
        out.files.push_back(it->path().lexically_normal().string());
    }
    if (ec) out.errors.push_back("`" + path + "`: " + ec.message());
  }
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
  return out;
}

}  // namespace mskc::testing
