#include "security/keys.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <new>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "core/durable_file.h"
#include "security/encoding.h"
#include "security/sodium_init.h"

namespace dandelion::security {
namespace {

constexpr size_t kHeaderSize = 1 + 4;
constexpr size_t kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == SecretKey::kSize);
static_assert(kWrappedKeySize == kHeaderSize + kNonceSize + SecretKey::kSize +
                                     crypto_aead_xchacha20poly1305_ietf_ABYTES);

std::string ErrnoDetail(const char* what, const std::filesystem::path& path) {
  return std::string(what) + " " + path.string() + ": " + std::strerror(errno);
}

// Closes a descriptor on every path out of a function.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

// Key memory: sodium_malloc'd slots (guard pages around them, locked out of swap), wiped when
// a key is released and kept for the next key. Every read of a survivor unwraps her key; giving
// each key its own sodium_malloc/sodium_free (and a read-only mprotect) cost three page-table
// changes per request, each a TLB shootdown on every core, which measured as most of the time
// of a case read. Slots stay writable for the same reason.
class KeySlots {
 public:
  unsigned char* Take() {
    {
      std::lock_guard lock(mu_);
      if (!free_.empty()) {
        unsigned char* slot = free_.back();
        free_.pop_back();
        return slot;
      }
    }
    auto* slot = static_cast<unsigned char*>(sodium_malloc(SecretKey::kSize));
    if (slot == nullptr) throw std::bad_alloc();
    sodium_memzero(slot, SecretKey::kSize);
    return slot;
  }

  void Give(unsigned char* slot) {
    sodium_memzero(slot, SecretKey::kSize);
    {
      std::lock_guard lock(mu_);
      if (free_.size() < kMaxFree) {
        free_.push_back(slot);
        return;
      }
    }
    sodium_free(slot);  // wipes, unlocks and unmaps
  }

 private:
  static constexpr size_t kMaxFree = 4096;  // at most 4096 idle slots (about 50 MB of mappings)
  std::mutex mu_;
  std::vector<unsigned char*> free_;
};

KeySlots& Slots() {
  static KeySlots* slots = new KeySlots();  // never destroyed: keys may outlive statics
  return *slots;
}

}  // namespace

SecretKey::SecretKey() {
  EnsureSodium();
  bytes_ = Slots().Take();
}

SecretKey::~SecretKey() {
  if (bytes_ != nullptr) Slots().Give(bytes_);
}

SecretKey& SecretKey::operator=(SecretKey&& other) noexcept {
  if (this != &other) {
    if (bytes_ != nullptr) Slots().Give(bytes_);
    bytes_ = std::exchange(other.bytes_, nullptr);
  }
  return *this;
}

SecretKey SecretKey::Random() {
  return *Build([](unsigned char* out) {
    randombytes_buf(out, kSize);
    return true;
  });
}

std::optional<SecretKey> SecretKey::FromBytes(std::string_view bytes) {
  if (bytes.size() != kSize) return std::nullopt;
  return Build([&](unsigned char* out) {
    std::memcpy(out, bytes.data(), kSize);
    return true;
  });
}

Result<void> CreateMasterKeyFile(const std::filesystem::path& path) {
  // O_EXCL: never replace an existing key. O_NOFOLLOW: never write through a planted symlink.
  Fd fd(open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (fd.get() < 0) {
    if (errno == EEXIST) {
      return Fail(ErrorCode::kConflict, "security.master_key_exists",
                  "master key file already exists: " + path.string());
    }
    return Fail(ErrorCode::kInternal, "security.master_key_write_failed",
                ErrnoDetail("create", path));
  }
  SecretKey key = SecretKey::Random();
  const std::string_view bytes(reinterpret_cast<const char*>(key.data()), key.size());
  if (!durable_file::WriteAll(fd.get(), bytes) || fsync(fd.get()) != 0 ||
      !durable_file::SyncDirectoryOf(path)) {
    std::string detail = ErrnoDetail("write", path);
    unlink(path.c_str());  // a short key file must not be mistaken for a key later
    return Fail(ErrorCode::kInternal, "security.master_key_write_failed", detail);
  }
  return Ok();
}

Result<SecretKey> LoadMasterKey(const std::filesystem::path& path) {
  Fd fd(open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (fd.get() < 0) {
    return Fail(ErrorCode::kInternal, "security.master_key_unreadable", ErrnoDetail("open", path));
  }
  // Check the opened file itself (fstat), so it cannot be swapped between check and read.
  struct stat st {};
  if (fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return Fail(ErrorCode::kInternal, "security.master_key_unreadable",
                "not a regular file: " + path.string());
  }
  if ((st.st_mode & 077) != 0) {
    return Fail(ErrorCode::kInternal, "security.master_key_permissions",
                "master key file " + path.string() +
                    " is accessible to group or others; run chmod 600 on it");
  }
  if (st.st_size != static_cast<off_t>(SecretKey::kSize)) {
    return Fail(ErrorCode::kInternal, "security.master_key_size",
                "master key file " + path.string() + " has " + std::to_string(st.st_size) +
                    " bytes; expected 32");
  }
  std::optional<SecretKey> key = SecretKey::Build([&](unsigned char* out) {
    size_t got = 0;
    while (got < SecretKey::kSize) {
      ssize_t n = read(fd.get(), out + got, SecretKey::kSize - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      got += static_cast<size_t>(n);
    }
    return true;
  });
  if (!key) {
    return Fail(ErrorCode::kInternal, "security.master_key_unreadable", ErrnoDetail("read", path));
  }
  return std::move(*key);
}

std::string WrapKey(const SecretKey& parent, uint32_t parent_version, const SecretKey& child,
                    std::string_view aad) {
  if (parent.empty() || child.empty()) throw std::logic_error("WrapKey with an empty key");
  std::string blob;
  blob.reserve(kWrappedKeySize);
  blob.push_back(static_cast<char>(kWrappedKeyFormat));
  AppendU32(blob, parent_version);
  std::string ad = blob;
  ad.append(aad);
  blob.resize(kHeaderSize + kNonceSize);
  unsigned char* nonce = MutableBytes(blob) + kHeaderSize;
  randombytes_buf(nonce, kNonceSize);  // 192-bit random nonces never repeat in practice
  blob.resize(kWrappedKeySize);
  unsigned long long ct_len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(MutableBytes(blob) + kHeaderSize + kNonceSize, &ct_len,
                                             child.data(), child.size(), Bytes(ad), ad.size(),
                                             nullptr, nonce, parent.data());
  return blob;
}

Result<uint32_t> WrappingKeyVersion(std::string_view blob) {
  if (blob.size() != kWrappedKeySize || static_cast<unsigned char>(blob[0]) != kWrappedKeyFormat) {
    return Fail(ErrorCode::kInternal, "security.key_unwrap_failed",
                "wrapped key has an unknown format or size " + std::to_string(blob.size()));
  }
  return *ReadU32(blob, 1);
}

Result<SecretKey> UnwrapKey(const SecretKey& parent, std::string_view blob, std::string_view aad) {
  auto version = WrappingKeyVersion(blob);
  if (!version) return Fail(version.error());
  if (parent.empty()) throw std::logic_error("UnwrapKey with an empty key");
  std::string ad(blob.substr(0, kHeaderSize));
  ad.append(aad);
  const unsigned char* nonce = Bytes(blob) + kHeaderSize;
  std::string_view ct = blob.substr(kHeaderSize + kNonceSize);
  std::optional<SecretKey> child = SecretKey::Build([&](unsigned char* out) {
    unsigned long long len = 0;
    return crypto_aead_xchacha20poly1305_ietf_decrypt(out, &len, nullptr, Bytes(ct), ct.size(),
                                                      Bytes(ad), ad.size(), nonce,
                                                      parent.data()) == 0 &&
           len == SecretKey::kSize;
  });
  if (!child) {
    return Fail(ErrorCode::kInternal, "security.key_unwrap_failed",
                "wrapped key did not authenticate (wrong parent key or aad, or altered); aad=" +
                    std::string(aad));
  }
  return std::move(*child);
}

std::string OrgKeyAad(std::string_view org_id, uint32_t version) {
  return "org:" + std::string(org_id) + ":v" + std::to_string(version);
}

std::string PersonKeyAad(std::string_view person_id, uint32_t version) {
  return "person:" + std::string(person_id) + ":v" + std::to_string(version);
}

std::string FileKeyAad(std::string_view file_id) { return "file:" + std::string(file_id); }

}  // namespace dandelion::security
