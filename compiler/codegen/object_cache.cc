#include "compiler/codegen/object_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"
#include "runtime/core/limits.h"

namespace mskc::codegen::internal {
namespace {

constexpr std::string_view kMagic = "MSKCOBJ2\n";

std::string Sha256Hex(llvm::StringRef data) {
  auto digest = llvm::SHA256::hash(llvm::arrayRefFromStringRef(data));
  return llvm::toHex(digest, /*LowerCase=*/true);
}

std::string PathFor(const std::string& dir, const std::string& key) {
  return (std::filesystem::path(dir) / (key + ".obj")).string();
}

// The compiler that wrote an entry: its version, LLVM's, and this very executable (size and
// modification time), so that a rebuilt mskc never trusts objects of an older build.
const std::string& BuildIdentity() {
  static const std::string identity = [] {
    std::string id = "mskc-object-cache 2 llvm " LLVM_VERSION_STRING;
    struct stat st {};
    if (::stat("/proc/self/exe", &st) == 0)
      id += " exe " + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
            std::to_string(st.st_mtim.tv_nsec);
    return id;
  }();
  return identity;
}

// Other users must not be able to plant entries: the folder must be ours and writable by no one
// else (unless sticky). Returns why not, or "".
std::string WhyUntrusted(const std::string& dir) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) return {};  // absent: Store creates it, owner-only
  if (!S_ISDIR(st.st_mode)) return {};            // not a folder: nothing is ever read from it
  if (st.st_uid != ::geteuid()) return "it belongs to another user";
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0 && (st.st_mode & S_ISVTX) == 0)
    return "other users can write to it";
  return {};
}

// The whole content of a regular file of ours, at most the entry limit; never follows a link,
// never waits on a pipe, never reads a device or a folder.
bool ReadEntry(const std::string& path, std::string* data) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() &&
            static_cast<size_t>(st.st_size) <= limits::kMaxJitCacheEntryBytes;
  if (ok) {
    data->resize(static_cast<size_t>(st.st_size));
    size_t done = 0;
    while (done < data->size()) {
      ssize_t n = ::read(fd, data->data() + done, data->size() - done);
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    ok = done == data->size();
  }
  ::close(fd);
  return ok;
}

bool WriteNew(const std::string& path, const std::string& data) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  bool ok = ::close(fd) == 0 && done == data.size();
  if (!ok) ::unlink(path.c_str());
  return ok;
}

// Takes the next `name value\n` line at `*pos`; returns the value when the name matches.
std::optional<std::string> HeaderLine(const std::string& data, size_t* pos, std::string_view name) {
  size_t newline = data.find('\n', *pos);
  if (newline == std::string::npos) return std::nullopt;
  std::string_view line(data.data() + *pos, newline - *pos);
  *pos = newline + 1;
  if (line.size() <= name.size() || line.substr(0, name.size()) != name || line[name.size()] != ' ')
    return std::nullopt;
  return std::string(line.substr(name.size() + 1));
}

}  // namespace

ObjectCache::ObjectCache(std::string dir) : dir_(std::move(dir)) {
  if (dir_.empty()) return;
  if (std::string why = WhyUntrusted(dir_); !why.empty()) {
    std::fprintf(stderr, "mskc: warning: not using the JIT cache `%s`: %s\n", dir_.c_str(),
                 why.c_str());
    dir_.clear();
  }
}

CacheIdentity ObjectCache::Identify(const llvm::Module& module,
                                    const llvm::orc::JITTargetMachineBuilder& target,
                                    int opt_level) const {
  std::string ir;
  llvm::raw_string_ostream ir_os(ir);
  module.print(ir_os, nullptr);
  ir_os.flush();
  CacheIdentity id;
  id.source_fingerprint = Sha256Hex(ir);
  std::string text;
  llvm::raw_string_ostream os(text);
  os << BuildIdentity() << "\ntriple " << target.getTargetTriple().str() << "\ncpu "
     << target.getCPU() << "\nfeatures " << target.getFeatures().getString() << "\nopt "
     << opt_level << "\nsource " << id.source_fingerprint << "\n";
  os.flush();
  id.key = Sha256Hex(text);
  return id;
}

bool ObjectCache::Load(const CacheIdentity& id, std::unique_ptr<llvm::MemoryBuffer>* object,
                       std::string* ir_text) const {
  if (!enabled()) return false;
  std::string data;
  if (!ReadEntry(PathFor(dir_, id.key), &data)) return false;
  // Layout: magic, sha256 of the rest (64 hex + '\n'), then `key`, `build`, `source` and
  // `object` (its size) lines, the object, the optimised IR.
  if (data.compare(0, kMagic.size(), kMagic) != 0) return false;
  size_t pos = kMagic.size();
  if (data.size() < pos + 65 || data[pos + 64] != '\n') return false;
  std::string checksum = data.substr(pos, 64);
  pos += 65;
  if (Sha256Hex(llvm::StringRef(data).substr(pos)) != checksum) return false;
  // The entry must say it is this key's, from this build, of this source: an intact entry
  // copied under another entry's name is not that entry.
  if (HeaderLine(data, &pos, "key") != id.key) return false;
  if (HeaderLine(data, &pos, "build") != BuildIdentity()) return false;
  if (HeaderLine(data, &pos, "source") != id.source_fingerprint) return false;
  std::optional<std::string> size_text = HeaderLine(data, &pos, "object");
  if (!size_text || size_text->empty() || size_text->size() > 12 ||
      size_text->find_first_not_of("0123456789") != std::string::npos)
    return false;
  size_t size = std::stoull(*size_text);
  if (data.size() - pos < size) return false;
  *object = llvm::MemoryBuffer::getMemBufferCopy(llvm::StringRef(data).substr(pos, size),
                                                 "mskc-cached-" + id.key);
  *ir_text = data.substr(pos + size);
  return true;
}

void ObjectCache::Store(const CacheIdentity& id, const llvm::MemoryBuffer& object,
                        const std::string& ir_text) const {
  if (!enabled()) return;
  std::error_code ec;
  if (!std::filesystem::exists(dir_, ec)) {
    std::filesystem::create_directories(dir_, ec);
    if (ec) return;
    std::filesystem::permissions(dir_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, ec);
  }
  if (!WhyUntrusted(dir_).empty()) return;
  std::string body = "key " + id.key + "\nbuild " + BuildIdentity() + "\nsource " +
                     id.source_fingerprint + "\nobject " +
                     std::to_string(object.getBufferSize()) + "\n" + object.getBuffer().str() +
                     ir_text;
  std::string data = std::string(kMagic) + Sha256Hex(body) + "\n" + body;
  // Written aside, then renamed: readers see a whole entry or none. The rename also replaces
  // whatever was there that was not a valid entry (a link, a pipe); an empty folder is removed.
  static std::atomic<unsigned> counter{0};
  std::string final_path = PathFor(dir_, id.key);
  std::string temp_path = final_path + ".tmp." + std::to_string(::getpid()) + "." +
                          std::to_string(counter++);
  if (!WriteNew(temp_path, data)) return;
  struct stat st {};
  if (::lstat(final_path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) ::rmdir(final_path.c_str());
  if (::rename(temp_path.c_str(), final_path.c_str()) != 0) ::unlink(temp_path.c_str());
}

}  // namespace mskc::codegen::internal
