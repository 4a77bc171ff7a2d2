#include "compiler/driver/module_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>

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

// True when `path` is `root` or lies under it (both canonical).
bool IsInside(const fs::path& path, const fs::path& root) {
  fs::path rel = path.lexically_relative(root);
  return !rel.empty() && rel.native().rfind("..", 0) != 0;
}

// Where a module was found: the path as found, its real path and the root it must stay in.
struct Found {
  fs::path path;
  fs::path real;
  fs::path root;
};

class Loader {
 public:
  Loader(source::SourceManager& sources, diag::DiagnosticEngine& diags, std::string library_dir)
      : sources_(sources), diags_(diags) {
    std::error_code ec;
    if (!library_dir.empty() && fs::is_directory(library_dir, ec))
      library_root_ = fs::canonical(library_dir, ec);
  }

  LoadResult Run(const std::vector<std::string>& paths) {
    std::vector<Found> files;
    for (const std::string& p : paths) {
      std::error_code ec;
      if (fs::is_directory(p, ec)) {
        fs::path root = fs::canonical(p, ec);
        std::vector<fs::path> found;
        for (auto it = fs::recursive_directory_iterator(p, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
          if (it->is_regular_file(ec) && it->path().extension() == ".msk") found.push_back(it->path());
        }
        std::sort(found.begin(), found.end());
        if (found.empty())
          diags_.Error(diag::DiagId::kIoError, {}, fmt::format("no .msk files in `{}`", p));
        for (const fs::path& f : found) {
          if (InsideOrReport(f, root)) files.push_back({f, fs::canonical(f, ec), root});
        }
      } else if (fs::exists(p, ec)) {
        // A file given by itself: its folder is its rules folder.
        fs::path root = fs::canonical(fs::absolute(p, ec).parent_path(), ec);
        files.push_back({p, fs::canonical(p, ec), root});
      } else {
        diags_.Error(diag::DiagId::kIoError, {}, fmt::format("cannot read `{}`: no such file or folder", p));
        ok_ = false;
      }
    }
    for (const Found& f : files) Load(f);
    // Imports may pull in more files: resolve until no new file appears.
    for (size_t i = 0; i < modules_.size(); ++i) ResolveImports(i);
    CheckCycles();
    LoadResult result;
    result.ok = ok_ && !diags_.has_errors();
    result.modules = std::move(modules_);
    return result;
  }

 private:
  std::optional<size_t> Load(const Found& found) {
    const fs::path& path = found.path;
    std::string key = Canonical(found.real);
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
    roots_.push_back(found.root);
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
      bool refused = false;
      std::optional<Found> local = FindInRulesFolder(dir, roots_[index], relative, imp, &refused);
      std::optional<Found> shipped = FindInLibrary(relative, imp, &refused);
      if (local && shipped && local->real != shipped->real) ReportBoth(imp, *local, *shipped);
      if (local) {
        target = Load(*local);
      } else if (shipped) {
        target = Load(*shipped);
      }
      if (refused) {
        ok_ = false;
        continue;
      }
      if (!target) {
        auto& d = diags_.Error(diag::DiagId::kUnknownImport, imp.span,
                               fmt::format("cannot find module `{}`", imp.module));
        diags_.AddNote(d, std::nullopt,
                       fmt::format("looked for `{}` in this file's folder, the folders above it "
                                   "within the rules folder, and the shipped library",
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

  // The strongly connected component of each module (Tarjan), as a component number.
  std::vector<size_t> ImportGroups() const {
    const size_t n = modules_.size();
    std::vector<size_t> index(n, SIZE_MAX), low(n, 0), group(n, SIZE_MAX);
    std::vector<bool> on_stack(n, false);
    std::vector<size_t> stack;
    size_t counter = 0, groups = 0;
    std::function<void(size_t)> connect = [&](size_t m) {
      index[m] = low[m] = counter++;
      stack.push_back(m);
      on_stack[m] = true;
      for (size_t next : modules_[m].imports) {
        if (index[next] == SIZE_MAX) {
          connect(next);
          low[m] = std::min(low[m], low[next]);
        } else if (on_stack[next]) {
          low[m] = std::min(low[m], index[next]);
        }
      }
      if (low[m] != index[m]) return;
      for (size_t top = SIZE_MAX; top != m;) {
        top = stack.back();
        stack.pop_back();
        on_stack[top] = false;
        group[top] = groups;
      }
      ++groups;
    };
    for (size_t m = 0; m < n; ++m)
      if (index[m] == SIZE_MAX) connect(m);
    return group;
  }

  // `relative` in `dir` or a folder above it, never above `root`.
  std::optional<Found> FindInRulesFolder(const fs::path& dir, const fs::path& root,
                                         const std::string& relative, const ast::Import& imp,
                                         bool* refused) {
    for (fs::path d = IsInside(dir, root) ? dir : root;; d = d.parent_path()) {
      if (auto found = FindUnder(d, root, relative, imp, refused)) return found;
      if (*refused || d == root || !IsInside(d, root) || d == d.root_path()) return std::nullopt;
    }
  }

  std::optional<Found> FindInLibrary(const std::string& relative, const ast::Import& imp,
                                     bool* refused) {
    if (library_root_.empty() || *refused) return std::nullopt;
    return FindUnder(library_root_, library_root_, relative, imp, refused);
  }

  // `dir/relative` when it exists and its real path stays inside `root` (a symbolic link that
  // leads out of the rules folder is refused: it would let any file replace a module).
  std::optional<Found> FindUnder(const fs::path& dir, const fs::path& root,
                                 const std::string& relative, const ast::Import& imp,
                                 bool* refused) {
    std::error_code ec;
    fs::path candidate = dir / relative;
    if (!fs::exists(fs::symlink_status(candidate, ec)) || ec) return std::nullopt;
    fs::path real = fs::weakly_canonical(candidate, ec);
    if (ec || !IsInside(real, root)) {
      auto& d = diags_.Error(diag::DiagId::kUnknownImport, imp.span,
                             fmt::format("module `{}` leads outside the rules folder", imp.module));
      diags_.AddNote(d, std::nullopt,
                     fmt::format("`{}` is a link to `{}`; imports are only read inside `{}`",
                                 DisplayPath(candidate), real.string(), DisplayPath(root)));
      *refused = true;
      return std::nullopt;
    }
    return Found{candidate, real, root};
  }

  // The rules folder's module wins over the shipped library's; say so once per module.
  void ReportBoth(const ast::Import& imp, const Found& local, const Found& shipped) {
    if (!warned_.insert(imp.module).second) return;
    auto& d = diags_.Warning(diag::DiagId::kUnknownImport, imp.span,
                             fmt::format("module `{}` is both in the rules folder and in the "
                                         "shipped library; using `{}`",
                                         imp.module, DisplayPath(local.path)));
    diags_.AddNote(d, std::nullopt,
                   fmt::format("the rules folder's module is used; `{}` is ignored",
                               DisplayPath(shipped.path)));
  }

  // A file found in a folder given by the user must really be inside it.
  bool InsideOrReport(const fs::path& file, const fs::path& root) {
    std::error_code ec;
    fs::path real = fs::canonical(file, ec);
    if (!ec && IsInside(real, root)) return true;
    auto& d = diags_.Error(diag::DiagId::kIoError, {},
                           fmt::format("`{}` leads outside the rules folder", DisplayPath(file)));
    diags_.AddNote(d, std::nullopt,
                   fmt::format("it is a link to `{}`; rules are only read inside `{}`",
                               ec ? file.string() : real.string(), DisplayPath(root)));
    ok_ = false;
    return false;
  }

  // Reports one cycle per group of modules that import each other (a strongly connected
  // component): n modules that all import one another form one problem, not n² errors.
  void CheckCycles() {
    std::vector<size_t> group = ImportGroups();
    std::set<size_t> reported;
    std::vector<int> state(modules_.size(), 0);  // 0 new, 1 on stack, 2 done
    std::vector<size_t> stack;
    std::function<void(size_t)> visit = [&](size_t m) {
      state[m] = 1;
      stack.push_back(m);
      for (size_t next : modules_[m].imports) {
        if (state[next] == 1) {
          if (!reported.insert(group[next]).second) continue;
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
  std::vector<fs::path> paths_;   // real path of each module
  std::vector<fs::path> roots_;   // the folder each module's imports must stay in
  fs::path library_root_;         // the shipped library, real path; empty when there is none
  std::set<std::string> warned_;  // modules already reported as both local and shipped
  std::map<std::string, size_t> index_;
  std::map<std::pair<size_t, size_t>, source::Span> import_spans_;
  bool ok_ = true;
};

}  // namespace

LoadResult LoadModules(const std::vector<std::string>& paths, source::SourceManager& sources,
                       diag::DiagnosticEngine& diags, const std::string& library_dir) {
  Loader loader(sources, diags, library_dir);
  return loader.Run(paths);
}

}  // namespace mskc::driver
