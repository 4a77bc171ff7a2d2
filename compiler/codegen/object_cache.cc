#include "compiler/codegen/object_cache.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"

namespace mskc::codegen::internal {
namespace {

constexpr std::string_view kMagic = "MSKCOBJ1\n";

std::string Sha256Hex(llvm::StringRef data) {
  auto digest = llvm::SHA256::hash(llvm::arrayRefFromStringRef(data));
  return llvm::toHex(digest, /*LowerCase=*/true);
}

std::string PathFor(const std::string& dir, const std::string& key) {
  return (std::filesystem::path(dir) / (key + ".obj")).string();
}

}  // namespace

std::string ObjectCache::Key(const llvm::Module& module,
                             const llvm::orc::JITTargetMachineBuilder& target,
                             int opt_level) const {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "mskc-object-cache 1\nllvm " << LLVM_VERSION_STRING << "\ntriple "
     << target.getTargetTriple().str() << "\ncpu " << target.getCPU() << "\nfeatures "
     << target.getFeatures().getString() << "\nopt " << opt_level << "\n";
  module.print(os, nullptr);
  os.flush();
  return Sha256Hex(text);
}

bool ObjectCache::Load(const std::string& key, std::unique_ptr<llvm::MemoryBuffer>* object,
                       std::string* ir_text) const {
  if (!enabled()) return false;
  std::ifstream in(PathFor(dir_, key), std::ios::binary);
  if (!in) return false;
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Layout: magic, sha256 of the rest (64 hex + '\n'), object size ('\n'-ended), object, IR.
  if (data.compare(0, kMagic.size(), kMagic) != 0) return false;
  size_t pos = kMagic.size();
  if (data.size() < pos + 65 || data[pos + 64] != '\n') return false;
  std::string checksum = data.substr(pos, 64);
  pos += 65;
  if (Sha256Hex(llvm::StringRef(data).substr(pos)) != checksum) return false;
  size_t newline = data.find('\n', pos);
  if (newline == std::string::npos) return false;
  size_t size = 0;
  try {
    size = std::stoull(data.substr(pos, newline - pos));
  } catch (const std::exception&) {
    return false;
  }
  pos = newline + 1;
  if (data.size() - pos < size) return false;
  *object = llvm::MemoryBuffer::getMemBufferCopy(llvm::StringRef(data).substr(pos, size),
                                                 "mskc-cached-" + key);
  *ir_text = data.substr(pos + size);
  return true;
}

void ObjectCache::Store(const std::string& key, const llvm::MemoryBuffer& object,
                        const std::string& ir_text) const {
  if (!enabled()) return;
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) return;
  std::string body = std::to_string(object.getBufferSize()) + "\n" +
                     object.getBuffer().str() + ir_text;
  std::string data = std::string(kMagic) + Sha256Hex(body) + "\n" + body;
  // Written aside, then renamed: readers see a whole entry or none.
  static std::atomic<unsigned> counter{0};
  std::string final_path = PathFor(dir_, key);
  std::string temp_path = final_path + ".tmp." + std::to_string(::getpid()) + "." +
                          std::to_string(counter++);
  {
    std::ofstream out(temp_path, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!out) {
      std::filesystem::remove(temp_path, ec);
      return;
    }
  }
  std::filesystem::rename(temp_path, final_path, ec);
  if (ec) std::filesystem::remove(temp_path, ec);
}

}  // namespace mskc::codegen::internal
