// JSON shapes of the survivors' network's answers (docs/api-survivors.md).
#pragma once

#include <boost/json.hpp>

#include "modules/survivors/survivor_service.h"

namespace dandelion::survivors {

boost::json::object GroupJson(const Group& g);
boost::json::object MemberJson(const Member& m);
boost::json::object MeetingJson(const Meeting& m);
boost::json::object AttendanceJson(const Attendance& a);
boost::json::object PeerContactJson(const PeerContact& p);
boost::json::object StatementJson(const Statement& s);
boost::json::object MeJson(const MePage& page);

}  // namespace dandelion::survivors
