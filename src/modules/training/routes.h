// The HTTP routes of activist training: the organizing organization's courses, modules,
// sessions, trainees, attendance and certificates, and the public verification of a certificate
// (no account, no cookie). Shapes in docs/api-training.md.
#pragma once

#include "http/router.h"
#include "modules/training/training_service.h"

namespace dandelion::training {

void AddRoutes(http::Router& router, TrainingService& training);
void RegisterTrainingMessages();

}  // namespace dandelion::training
