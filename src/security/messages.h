// The Korean/English messages of the security building blocks (message keys "security.*").
#pragma once

namespace dandelion::security {

// Adds this folder's messages to the catalog (core/messages.h). Call once at start-up; calling
// again is harmless.
void RegisterSecurityMessages();

}  // namespace dandelion::security
