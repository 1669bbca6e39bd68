// EnsureSodium(): the one place libsodium is initialized.
//
// Every SecretKey is made after calling it, so any function given a key may use libsodium; the
// functions that take no key call it themselves. The server also calls it at start-up, so a
// broken random source stops the process before it serves.
#pragma once

namespace dandelion::security {

// Runs sodium_init() once. Thread-safe and cheap after the first call. If libsodium cannot
// initialize (no usable random source), the process aborts: nothing here is safe without it.
void EnsureSodium();

}  // namespace dandelion::security
