// File encryption: uploaded documents as authenticated streams, one random key per file.
//
// Format: format byte (1) | 24-byte secretstream header | chunks. Each chunk is up to 64 KiB of
// plaintext sealed by crypto_secretstream_xchacha20poly1305 (+17 bytes); only the last carries
// TAG_FINAL. Decryption fails on any altered, reordered, dropped or appended chunk, and on a
// stream that ends without TAG_FINAL, so a truncated file is never taken for a shorter one.
//
// The per-file key is SecretKey::Random(), stored wrapped by the person key with
// FileKeyAad(file_id) (keys.h), which ties the ciphertext to its file id.
//
// Chunks are authenticated one at a time, so DecryptStream writes plaintext before it knows
// that the stream is complete: on failure, discard everything written (DecryptFile does this).
// Functions are thread-safe; a stream must not be shared between threads.
#pragma once

#include <filesystem>
#include <istream>
#include <ostream>

#include "core/result.h"
#include "security/keys.h"

namespace dandelion::security {

inline constexpr unsigned char kFileFormat = 1;
inline constexpr size_t kFileChunkSize = 64 * 1024;

// Encrypts all of in to out.
Result<void> EncryptStream(const SecretKey& file_key, std::istream& in, std::ostream& out);

// Decrypts all of in to out; see the file comment about output written before a failure.
Result<void> DecryptStream(const SecretKey& file_key, std::istream& in, std::ostream& out);

// Path forms. The output appears only when complete: it is written to a temporary file beside
// out_path and renamed into place on success, removed on failure. Refuses to replace out_path.
Result<void> EncryptFile(const SecretKey& file_key, const std::filesystem::path& in_path,
                         const std::filesystem::path& out_path);
Result<void> DecryptFile(const SecretKey& file_key, const std::filesystem::path& in_path,
                         const std::filesystem::path& out_path);

}  // namespace dandelion::security
