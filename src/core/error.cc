#include "core/error.h"

namespace dandelion {

std::string_view CodeName(ErrorCode code) {
  switch (code) {
#define DANDELION_ERROR_CODE_NAME(name, wire, status) \
  case ErrorCode::name:                               \
    return wire;
    DANDELION_ERROR_CODES(DANDELION_ERROR_CODE_NAME)
#undef DANDELION_ERROR_CODE_NAME
  }
  return "internal";
}

int HttpStatus(ErrorCode code) {
  switch (code) {
#define DANDELION_ERROR_CODE_STATUS(name, wire, status) \
  case ErrorCode::name:                                 \
    return status;
    DANDELION_ERROR_CODES(DANDELION_ERROR_CODE_STATUS)
#undef DANDELION_ERROR_CODE_STATUS
  }
  return 500;
}

std::span<const ErrorCode> AllErrorCodes() {
  static constexpr ErrorCode kAll[] = {
#define DANDELION_ERROR_CODE_VALUE(name, wire, status) ErrorCode::name,
      DANDELION_ERROR_CODES(DANDELION_ERROR_CODE_VALUE)
#undef DANDELION_ERROR_CODE_VALUE
  };
  return kAll;
}

}  // namespace dandelion
