// dandelion: the one server binary. Everything it does starts from the command line in app/.
#include "app/cli.h"
#include "app/private_files.h"

int main(int argc, char** argv) {
  // Before anything is written: the database, its journals, keys and backups are the owner's.
  dandelion::app::MakeCreatedFilesPrivate();
  return dandelion::app::RunCli(argc, argv);
}
