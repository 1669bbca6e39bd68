// The command line of `dandelion` (see docs/api-contract.md): init, serve, migrate, backup,
// restore.
//
// Each command validates its flags, calls the same services the HTTP API calls, prints what
// happened, and exits non-zero with the reason on stderr when it fails. Nothing is half-written.
#pragma once

namespace dandelion::app {

int RunCli(int argc, char** argv);

}  // namespace dandelion::app
