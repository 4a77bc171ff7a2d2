#include "compiler/driver/module_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>

#include "compiler/diag/did_you_mean.h"
#include "compiler/frontend/parse.h"

namespace mskc::driver {
namespace fs = std::filesystem;

namespace {

std::string Canonical(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p, ec);
  return ec ? p.lexically_normal().string() : c.string();
}

// Shows a path the way the user would type it: relative to the working folder when inside it.
std::string DisplayPath(const fs::path& p) {
  std::error_code ec;
  fs::path rel = fs::relative(p, fs::current_path(ec), ec);
  if (!ec && !rel.empty() && rel.native().rfind("..", 0) != 0) return rel.string();
  return p.lexically_normal().string();
}

class Loader {
 public:
  Loader(source::SourceManager& sources, diag::DiagnosticEngine& diags, std::string library_dir)
      : sources_(sources), diags_(diags), library_dir_(std::move(library_dir)) {}

  LoadResult Run(const std::vector<std::string>& paths) {
    std::vector<fs::path> files;
    for (const std::string& p : paths) {
      std::error_code ec;
      if (fs::is_directory(p, ec)) {
        std::vector<fs::path> found;
        for (auto it = fs::recursive_directory_iterator(p, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
          if (it->is_regular_file(ec) && it->path().extension() == ".msk") found.push_back(it->path());
        }
        std::sort(found.begin(), found.end());
        if (found.empty())
          diags_.Error(diag::DiagId::kIoError, {}, fmt::format("no .msk files in `{}`", p));
        files.insert(files.end(), found.begin(), found.end());
      } else if (fs::exists(p, ec)) {
        files.push_back(p);
      } else {
        diags_.Error(diag::DiagId::kIoError, {}, fmt::format("cannot read `{}`: no such file or folder", p));
        ok_ = false;
      }
    }
    for (const fs::path& f : files) Load(f);
    // Imports may pull in more files: resolve until no new file appears.
    for (size_t i = 0; i < modules_.size(); ++i) ResolveImports(i);
    CheckCycles();
    LoadResult result;
    result.ok = ok_ && !diags_.has_errors();
    result.modules = std::move(modules_);
    return result;
  }

 private:
  std::optional<size_t> Load(const fs::path& path) {
    std::string key = Canonical(path);
    if (auto it = index_.find(key); it != index_.end()) return it->second;
    auto id = sources_.Load(path.string());
    if (!id) {
      diags_.Error(diag::DiagId::kIoError, {}, fmt::format("cannot read `{}`", path.string()));
      ok_ = false;
      return std::nullopt;
    }
    // Re-register under the display path so that diagnostics show a familiar name.
    source::FileId file = sources_.Add(DisplayPath(path), std::string(sources_.Text(*id)));
    frontend::ParseResult parsed = frontend::Parse(file, sources_, diags_);
    if (parsed.had_syntax_errors) ok_ = false;
    sema::Module m;
    m.file = std::move(parsed.file);
    modules_.push_back(std::move(m));
    paths_.push_back(fs::path(key));
    index_[key] = modules_.size() - 1;
    return modules_.size() - 1;
  }

  void ResolveImports(size_t index) {
    std::vector<size_t> resolved;
    const auto imports = modules_[index].file.imports;  // copy: Load may grow modules_
    fs::path dir = paths_[index].parent_path();
    for (const ast::Import& imp : imports) {
      std::string relative = imp.module;
      std::replace(relative.begin(), relative.end(), '.', '/');
      relative += ".msk";
      std::optional<size_t> target;
      for (fs::path d = dir;; d = d.parent_path()) {
        std::error_code ec;
        if (fs::exists(d / relative, ec)) {
          target = Load(d / relative);
          break;
        }
        if (d == d.root_path() || d.empty()) break;
      }
      // Then the shipped library, so that any rule folder can import `common.facts`.
      if (!target && !library_dir_.empty()) {
        std::error_code ec;
        if (fs::exists(fs::path(library_dir_) / relative, ec))
          target = Load(fs::path(library_dir_) / relative);
      }
      if (!target) {
        auto& d = diags_.Error(diag::DiagId::kUnknownImport, imp.span,
                               fmt::format("cannot find module `{}`", imp.module));
        diags_.AddNote(d, std::nullopt,
                       fmt::format("looked for `{}` in this file's folder, the folders above it and the "
                                   "shipped library",
                                   relative));
        ok_ = false;
        continue;
      }
      if (*target == index) {
        diags_.Error(diag::DiagId::kImportCycle, imp.span,
                     fmt::format("module `{}` imports itself", imp.module));
        ok_ = false;
        continue;
      }
      resolved.push_back(*target);
      import_spans_[{index, *target}] = imp.span;
    }
    modules_[index].imports = std::move(resolved);
  }

  void CheckCycles() {
    std::vector<int> state(modules_.size(), 0);  // 0 new, 1 on stack, 2 done
    std::vector<size_t> stack;
    std::function<void(size_t)> visit = [&](size_t m) {
      state[m] = 1;
      stack.push_back(m);
      for (size_t next : modules_[m].imports) {
        if (state[next] == 1) {
          std::string chain;
          auto start = std::find(stack.begin(), stack.end(), next);
          for (auto it = start; it != stack.end(); ++it)
            chain += sources_.Path(modules_[*it].file.file) + " → ";
          chain += sources_.Path(modules_[next].file.file);
          auto& d = diags_.Error(diag::DiagId::kImportCycle, import_spans_[{m, next}],
                                 "import cycle between modules");
          diags_.AddNote(d, std::nullopt, fmt::format("the cycle is {}", chain));
          ok_ = false;
        } else if (state[next] == 0) {
          visit(next);
        }
      }
      stack.pop_back();
      state[m] = 2;
    };
    for (size_t m = 0; m < modules_.size(); ++m)
      if (state[m] == 0) visit(m);
  }

  source::SourceManager& sources_;
  diag::DiagnosticEngine& diags_;
  std::vector<sema::Module> modules_;
  std::vector<fs::path> paths_;
  std::map<std::string, size_t> index_;
  std::map<std::pair<size_t, size_t>, source::Span> import_spans_;
  std::string library_dir_;
  bool ok_ = true;
};

}  // namespace

LoadResult LoadModules(const std::vector<std::string>& paths, source::SourceManager& sources,
                       diag::DiagnosticEngine& diags, const std::string& library_dir) {
  Loader loader(sources, diags, library_dir);
  return loader.Run(paths);
}

}  // namespace mskc::driver
