// The network's vocabulary: kinds of member organization, shelter types, and Korea's 17
// first-level divisions (ISO 3166-2:KR), with their Korean and English names.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace dandelion::network {

struct Named {
  std::string_view code;
  std::string_view ko;
  std::string_view en;
};

std::span<const Named> OrgKinds();
std::span<const Named> FacilityTypes();  // subtypes of support_facility (a shelter)
std::span<const Named> Regions();

bool IsOrgKind(std::string_view code);
bool IsFacilityType(std::string_view code);
bool IsRegion(std::string_view code);

struct Organization {
  std::string id;
  std::string slug;
  std::string name;
  std::string kind;
  std::string facility_type;  // "" unless kind is support_facility
  std::string region;
  std::string created_at;
};

}  // namespace dandelion::network
