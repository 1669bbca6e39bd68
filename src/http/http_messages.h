// The HTTP layer's own entries in the message catalog (core/messages.h holds the shared ones).
#pragma once

namespace dandelion::http {

// Registers them; idempotent and thread-safe. ErrorResponse() calls it, so callers need not.
void RegisterHttpMessages();

}  // namespace dandelion::http
