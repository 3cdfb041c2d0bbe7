#include "service/service_observer.h"

namespace scrub::service {

absl::string_view RpcName(Rpc rpc) {
  switch (rpc) {
    case Rpc::kScanBatch:
      return "ScanBatch";
    case Rpc::kScanStream:
      return "ScanStream";
  }
  return "unknown";
}

}  // namespace scrub::service
