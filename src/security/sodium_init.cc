#include "security/sodium_init.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace dandelion::security {

void EnsureSodium() {
  // A function-local static is initialized exactly once, even under concurrent first calls.
  static const bool initialized = [] {
    if (sodium_init() < 0) {
      std::fputs("dandelion: libsodium failed to initialize; refusing to run\n", stderr);
      std::abort();
    }
    return true;
  }();
  (void)initialized;
}

}  // namespace dandelion::security
