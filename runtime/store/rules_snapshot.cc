#include "runtime/store/rules_snapshot.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>
#include <utility>
#include <vector>

namespace mskc::store {
namespace {

namespace fs = std::filesystem;

std::string Fnv1a64Hex(const std::string& text) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

fs::path Canonical(const std::string& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return ec ? fs::path(p) : c;
}

// `path` relative to `root` when it lies under it.
std::optional<std::string> Under(const fs::path& path, const fs::path& root) {
  auto mismatch = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  if (mismatch.first != root.end()) return std::nullopt;
  return path.lexically_relative(root).generic_string();
}

class TempDir {
 public:
  TempDir() {
    std::error_code ec;
    fs::path base = fs::temp_directory_path(ec);
    if (ec) base = "/tmp";
    std::string pattern = (base / "mskc-rules-XXXXXX").string();
    if (char* made = mkdtemp(pattern.data())) path_ = made;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

RulesSnapshot CaptureSnapshot(const source::SourceManager& sources, const std::string& rules_dir,
                              const std::string& library_dir) {
  fs::path rules = Canonical(rules_dir);
  fs::path library = Canonical(library_dir);
  std::vector<std::pair<std::string, std::string>> files;
  for (size_t id = 0; id < sources.file_count(); ++id) {
    auto file = static_cast<source::FileId>(id);
    fs::path p = Canonical(sources.Path(file));
    std::string name;
    if (auto rel = Under(p, rules)) {
      name = "rules/" + *rel;
    } else if (auto lib = Under(p, library)) {
      name = "library/" + *lib;
    } else {
      name = "rules/" + p.filename().string();
    }
    files.emplace_back(std::move(name), std::string(sources.Text(file)));
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end(),
                          [](const auto& a, const auto& b) { return a.first == b.first; }),
              files.end());
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (auto& [path, text] : files) list.push_back({{"path", path}, {"text", text}});
  RulesSnapshot out;
  out.files = list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out.digest = Fnv1a64Hex(out.files);
  return out;
}

std::unique_ptr<driver::Ruleset> CompileSnapshot(const std::string& files, driver::Backend backend,
                                                 source::SourceManager& sources,
                                                 diag::DiagnosticEngine& diags) {
  nlohmann::json list = nlohmann::json::parse(files, nullptr, false);
  if (!list.is_array()) return nullptr;
  TempDir dir;
  if (dir.path().empty()) return nullptr;
  bool has_library = false;
  for (const auto& entry : list) {
    if (!entry.is_object() || !entry.contains("path") || !entry.contains("text")) return nullptr;
    std::string rel = entry["path"].get<std::string>();
    fs::path target = (dir.path() / rel).lexically_normal();
    // Names come from the store: refuse any that would leave the folder.
    if (!Under(target, dir.path())) return nullptr;
    has_library = has_library || rel.rfind("library/", 0) == 0;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    std::ofstream out(target, std::ios::binary);
    out << entry["text"].get<std::string>();
    if (!out) return nullptr;
  }
  fs::path rules = dir.path() / "rules";
  std::error_code ec;
  fs::create_directories(rules, ec);
  driver::CompileOptions options;
  options.backend = backend;
  options.library_dir = (has_library ? dir.path() / "library" : rules).string();
  return driver::Ruleset::Compile({rules.string()}, options, sources, diags);
}

}  // namespace mskc::store
