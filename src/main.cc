// dandelion: the one server binary. Everything it does starts from the command line in app/.
#include "app/cli.h"

int main(int argc, char** argv) { return dandelion::app::RunCli(argc, argv); }
