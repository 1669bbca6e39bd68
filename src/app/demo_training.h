// The demo's activist training: a course of the secretariat for new activists, with three
// modules (one required), five weekly sessions already held, three trainees with their
// attendance — one passed with her certificate issued, one passed and waiting for hers, one not
// (yet) passed. Written through the training service as the secretariat's advocate, so
// everything is checked, sealed and audited exactly as real work.
//
// Not thread-safe: the demo runs alone on a new data dir.
#pragma once

#include "app/services.h"

namespace dandelion::app {

struct DemoTrainingCounts {
  int courses = 0;
  int sessions = 0;
  int trainees = 0;
  int marks = 0;
  int certificates = 0;
};

// secretariat: an advocate of the secretariat.
Result<DemoTrainingCounts> FillDemoTraining(Services& services, const security::Actor& secretariat);

}  // namespace dandelion::app
