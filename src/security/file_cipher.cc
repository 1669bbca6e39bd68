#include "security/file_cipher.h"

#include <sodium.h>

#include <fstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "core/ids.h"

namespace dandelion::security {
namespace {

constexpr size_t kHeaderSize = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr size_t kABytes = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr size_t kSealedChunkSize = kFileChunkSize + kABytes;
static_assert(crypto_secretstream_xchacha20poly1305_KEYBYTES == SecretKey::kSize);

// Reads up to size bytes; fewer only at end of stream.
size_t ReadUpTo(std::istream& in, unsigned char* buf, size_t size) {
  in.read(reinterpret_cast<char*>(buf), static_cast<std::streamsize>(size));
  return static_cast<size_t>(in.gcount());
}

bool AtEnd(std::istream& in) { return in.peek() == std::char_traits<char>::eof(); }

bool Write(std::ostream& out, const unsigned char* data, size_t size) {
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return out.good();
}

auto IoFailure(const std::string& detail) {
  return Fail(ErrorCode::kInternal, "security.file_io_failed", detail);
}

// Runs transform from in_path to a temporary file, renamed to out_path only on success.
template <class Transform>
Result<void> ViaTemporary(const std::filesystem::path& in_path,
                          const std::filesystem::path& out_path, Transform transform) {
  std::error_code ec;
  if (std::filesystem::exists(out_path, ec)) {
    return Fail(ErrorCode::kConflict, "security.file_io_failed",
                "refusing to replace " + out_path.string());
  }
  std::ifstream in(in_path, std::ios::binary);
  if (!in) return IoFailure("cannot open " + in_path.string());
  std::filesystem::path tmp = out_path;
  tmp += ".partial-" + RandomHex(8);
  Result<void> result;
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return IoFailure("cannot create " + tmp.string());
    result = transform(in, out);
    out.flush();
    if (result && !out) result = IoFailure("cannot write " + tmp.string());
  }
  if (result) {
    std::filesystem::rename(tmp, out_path, ec);
    if (ec) result = IoFailure("cannot rename to " + out_path.string() + ": " + ec.message());
  }
  if (!result) std::filesystem::remove(tmp, ec);
  return result;
}

}  // namespace

Result<void> EncryptStream(const SecretKey& file_key, std::istream& in, std::ostream& out) {
  if (file_key.empty()) throw std::logic_error("EncryptStream with an empty key");
  crypto_secretstream_xchacha20poly1305_state state;
  unsigned char header[1 + kHeaderSize];
  header[0] = kFileFormat;
  crypto_secretstream_xchacha20poly1305_init_push(&state, header + 1, file_key.data());
  if (!Write(out, header, sizeof header)) return IoFailure("cannot write file header");
  std::vector<unsigned char> plain(kFileChunkSize);
  std::vector<unsigned char> sealed(kSealedChunkSize);
  Result<void> result;
  for (;;) {
    size_t n = ReadUpTo(in, plain.data(), plain.size());
    if (in.bad()) {
      result = IoFailure("cannot read plaintext");
      break;
    }
    // A short read means end of input; a full one is the last only if nothing follows.
    bool last = n < plain.size() || AtEnd(in);
    unsigned char tag = last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                             : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    unsigned long long sealed_len = 0;
    crypto_secretstream_xchacha20poly1305_push(&state, sealed.data(), &sealed_len, plain.data(), n,
                                               nullptr, 0, tag);
    if (!Write(out, sealed.data(), sealed_len)) {
      result = IoFailure("cannot write ciphertext");
      break;
    }
    if (last) break;
  }
  sodium_memzero(plain.data(), plain.size());
  sodium_memzero(&state, sizeof state);
  return result;
}

Result<void> DecryptStream(const SecretKey& file_key, std::istream& in, std::ostream& out) {
  if (file_key.empty()) throw std::logic_error("DecryptStream with an empty key");
  unsigned char header[1 + kHeaderSize];
  if (ReadUpTo(in, header, sizeof header) != sizeof header) {
    return Fail(ErrorCode::kInternal, "security.file_truncated", "file shorter than its header");
  }
  if (header[0] != kFileFormat) {
    return Fail(ErrorCode::kInternal, "security.file_corrupt",
                "unknown file format " + std::to_string(header[0]));
  }
  crypto_secretstream_xchacha20poly1305_state state;
  if (crypto_secretstream_xchacha20poly1305_init_pull(&state, header + 1, file_key.data()) != 0) {
    return Fail(ErrorCode::kInternal, "security.file_corrupt", "invalid stream header");
  }
  std::vector<unsigned char> sealed(kSealedChunkSize);
  std::vector<unsigned char> plain(kFileChunkSize);
  Result<void> result =
      Fail(ErrorCode::kInternal, "security.file_truncated", "stream ended without its final chunk");
  for (uint64_t chunk = 0;; ++chunk) {
    size_t n = ReadUpTo(in, sealed.data(), sealed.size());
    if (in.bad()) {
      result = IoFailure("cannot read ciphertext");
      break;
    }
    if (n == 0) break;  // no TAG_FINAL seen: truncated
    unsigned long long plain_len = 0;
    unsigned char tag = 0;
    if (n < kABytes ||
        crypto_secretstream_xchacha20poly1305_pull(&state, plain.data(), &plain_len, &tag,
                                                   sealed.data(), n, nullptr, 0) != 0) {
      result = Fail(ErrorCode::kInternal, "security.file_corrupt",
                    "chunk " + std::to_string(chunk) + " did not authenticate");
      break;
    }
    bool final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    if (!final && tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) {
      result = Fail(ErrorCode::kInternal, "security.file_corrupt",
                    "unexpected tag " + std::to_string(tag) + " in chunk " + std::to_string(chunk));
      break;
    }
    if (final && !AtEnd(in)) {
      result = Fail(ErrorCode::kInternal, "security.file_corrupt", "data after the final chunk");
      break;
    }
    if (!Write(out, plain.data(), plain_len)) {
      result = IoFailure("cannot write plaintext");
      break;
    }
    if (final) {
      result = Ok();
      break;
    }
  }
  sodium_memzero(plain.data(), plain.size());
  sodium_memzero(&state, sizeof state);
  return result;
}

Result<void> EncryptFile(const SecretKey& file_key, const std::filesystem::path& in_path,
                         const std::filesystem::path& out_path) {
  return ViaTemporary(in_path, out_path, [&](std::istream& in, std::ostream& out) {
    return EncryptStream(file_key, in, out);
  });
}

Result<void> DecryptFile(const SecretKey& file_key, const std::filesystem::path& in_path,
                         const std::filesystem::path& out_path) {
  return ViaTemporary(in_path, out_path, [&](std::istream& in, std::ostream& out) {
    return DecryptStream(file_key, in, out);
  });
}

}  // namespace dandelion::security
