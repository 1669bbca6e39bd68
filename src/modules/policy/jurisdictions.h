// The jurisdictions of the policy monitor, compiled in: the nation (KR), Korea's 17 first-level
// regions (ISO 3166-2:KR, named as network::Regions() names them) and every region's
// municipalities (시·군·구) under their administrative codes (행정표준코드, 5 digits). Sejong is a
// single-tier city and has none. Not edited by users.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace dandelion::policy {

struct Jurisdiction {
  std::string_view code;   // "KR", "KR-41", "41110"
  std::string_view level;  // "nation", "region", "municipality"
  std::string_view ko;
  std::string_view en;
  std::string_view parent;  // "" for KR, "KR" for a region, the region for a municipality
};

// All of them: KR first, then each region followed by its municipalities, in code order.
std::span<const Jurisdiction> Jurisdictions();
std::span<const Jurisdiction> Municipalities();

const Jurisdiction* FindJurisdiction(std::string_view code);
// The two leading digits of a region's municipality codes ("41" for KR-41, "51" for KR-42).
std::string_view AdminPrefix(std::string_view region);
// The region a jurisdiction lies in ("" for KR or an unknown code).
std::string RegionOf(std::string_view code);
// "경기도 수원시" for a municipality, "경기도" for a region, "대한민국" for KR.
std::string FullName(std::string_view code);
// The jurisdiction named as the open-data lists name a local government: "경기도",
// "경기도 수원시" (also former region names such as "강원도", "전라북도"); nullopt when unknown.
std::optional<std::string> JurisdictionByName(std::string_view name);

}  // namespace dandelion::policy
