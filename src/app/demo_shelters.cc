#include "app/demo_shelters.h"

#include <iostream>
#include <string>
#include <vector>

namespace dandelion::app {
namespace {

using std::chrono::days;
using std::chrono::hours;

// Admission days before now, and what became of each stay: nullopt stays on; a number of days
// after admission is her exit. The second resident is out now, due back this evening.
struct PlannedStay {
  int admitted_days_ago;
  int exit_after_days;  // 0: she still stays
  const char* reason;
  const char* destination;
};
constexpr PlannedStay kStays[] = {
    {340, 0, "", ""},  // near her limit: countdown and checklist
    {120, 0, "", ""},  // out now
    {45, 0, "", ""},
    {300, 200, "completed", "public_rental"},  // follow-ups done and due
    {200, 150, "own_choice", "family"},
    {60, 20, "transfer", "another_facility"},
};

// The people of org_id on record, by code.
Result<std::vector<std::string>> PeopleOf(Services& services, const std::string& org_id) {
  return services.db->ReadValue([&](store::Tx& tx) -> Result<std::vector<std::string>> {
    std::vector<std::string> ids;
    for (const auto& r :
         TRY(tx.Query("SELECT id FROM people WHERE org_id = ? AND erased_at IS NULL ORDER BY code",
                      {org_id}))) {
      ids.push_back(r.Text(0));
    }
    return ids;
  });
}

Result<int> FillOne(Services& services, DemoClock& clock, const security::Actor& staff, int* beds) {
  shelters::ShelterService& shelter = *services.shelters;
  const TimePoint now = services.clock->Now();
  clock.Pin(now - days(400));
  std::vector<std::string> bed_ids;
  for (const char* room : {"(데모) 1호실", "(데모) 2호실"}) {
    auto made = TRY(shelter.AddRoom(staff, {.name = room, .beds = 3}));
    for (const auto& b : made.beds) bed_ids.push_back(b.id);
  }
  *beds += static_cast<int>(bed_ids.size());
  const auto people = TRY(PeopleOf(services, staff.org_id));
  int stays = 0;
  size_t person = 0;
  for (size_t i = 0; i < std::size(kStays) && i < bed_ids.size(); ++i) {
    const PlannedStay& p = kStays[i];
    const TimePoint admitted = now - days(p.admitted_days_ago);
    clock.Pin(admitted);
    // A woman the limits refuse (a youth facility's resident already 19) is passed over.
    std::optional<shelters::Stay> stay;
    while (!stay && person < people.size()) {
      auto r =
          shelter.Admit(staff, {.person_id = people[person++],
                                .bed_id = bed_ids[i],
                                .admitted_on = shelters::FormatDay(shelters::SeoulDay(admitted)),
                                .source = i % 2 == 0 ? "referral" : "rescue"});
      if (r) {
        stay = std::move(*r);
      } else if (r.error().code != ErrorCode::kInvalid && r.error().code != ErrorCode::kConflict) {
        return Fail(r.error());
      }
    }
    if (!stay) break;
    ++stays;
    // An afternoon outing a week in, back on time.
    const TimePoint out = admitted + days(7) + hours(5);
    clock.Pin(out);
    auto outing = TRY(shelter.StartOuting(staff, stay->stored.id,
                                          {.kind = "outing",
                                           .left_at = FormatRfc3339(out),
                                           .planned_return_at = FormatRfc3339(out + hours(3)),
                                           .destination = "(데모) 협력 병원"}));
    clock.Pin(out + hours(2));
    TRY(shelter.EndOuting(staff, outing.stored.id, ""));
    if (p.exit_after_days > 0) {
      const TimePoint exited = admitted + days(p.exit_after_days);
      clock.Pin(exited);
      auto left = TRY(shelter.Exit(staff, stay->stored.id,
                                   {.exited_on = shelters::FormatDay(shelters::SeoulDay(exited)),
                                    .reason = p.reason,
                                    .destination = p.destination,
                                    .destination_safe = true,
                                    .note = "(데모) 퇴소 후 연락처 확인함"}));
      // The follow-ups whose day has come, recorded on that day.
      for (const auto& f : left.follow_ups) {
        const auto due = shelters::ParseDay(f.due_on);
        if (!due || *due + days(3) > shelters::SeoulDay(now)) continue;
        clock.Pin(std::chrono::sys_days(*due) + hours(3));
        TRY(shelter.RecordFollowUp(
            staff, f.id,
            {.done_on = f.due_on, .outcome = "stable", .note = "(데모) 안정적으로 지냄"}));
      }
    } else if (i == 1) {
      // Out now: left this morning, due back tonight.
      clock.Pin(now - hours(3));
      TRY(shelter.StartOuting(staff, stay->stored.id,
                              {.kind = "outing",
                               .left_at = FormatRfc3339(now - hours(3)),
                               .planned_return_at = FormatRfc3339(now + hours(6)),
                               .destination = "(데모) 직업훈련 기관"}));
    }
  }
  clock.Release();
  return stays;
}

}  // namespace

Result<DemoShelterCounts> FillDemoShelters(Services& services, DemoClock& clock,
                                           std::span<const security::Actor> staff) {
  DemoShelterCounts counts;
  for (const auto& s : staff) {
    auto stays = FillOne(services, clock, s, &counts.beds);
    clock.Release();
    if (!stays) return Fail(stays.error());
    counts.stays += *stays;
  }
  std::cout << "  shelters: " << counts.beds << " beds, " << counts.stays << " stays\n"
            << std::flush;
  return counts;
}

}  // namespace dandelion::app
