// Private files: what the server and CLI write to disk is readable by their own user only.
//
// The data dir holds the master key, the database (survivors' records, sealed or not, and its
// -wal/-shm journals) and backups. A group- or world-readable copy of any of them is a leak
// waiting for the next account on the machine, so every command runs with umask 077 (files
// 0600, directories 0700), and `serve` refuses to start on a data dir whose directory, key
// directory or database files others may read, naming the chmod that fixes it.
#pragma once

#include <string>

#include "core/config.h"
#include "core/result.h"

namespace dandelion::app {

// Sets the process umask to 077; every file created afterwards is private unless a caller
// widens it on purpose (none does).
void MakeCreatedFilesPrivate();

// Ok when config's data dir, its keys dir, the master key and the SQLite database with its
// -wal and -shm files (those that exist) grant nothing to group or others; else 503
// "error.data_dir_permissions" whose detail names the first offender and the chmod to run.
Result<void> CheckDataDirPrivate(const Config& config);

}  // namespace dandelion::app
