#include "kafka/provenance.h"

#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/string_view.h"

namespace scrub::kafka {
namespace {

void Add(rd_kafka_headers_t* headers, const char* name, const std::string& value) {
  rd_kafka_header_add(headers, name, -1, value.data(), static_cast<ssize_t>(value.size()));
}

std::optional<absl::string_view> Last(const rd_kafka_headers_t* headers, const char* name) {
  const void* value = nullptr;
  size_t size = 0;
  if (rd_kafka_header_get_last(headers, name, &value, &size) != RD_KAFKA_RESP_ERR_NO_ERROR ||
      value == nullptr) {
    return std::nullopt;
  }
  return absl::string_view(static_cast<const char*>(value), size);
}

}  // namespace

void AddProvenance(const Provenance& provenance, rd_kafka_headers_t* headers) {
  Add(headers, kInputTopicHeader, provenance.topic);
  Add(headers, kInputPartitionHeader, std::to_string(provenance.partition));
  Add(headers, kInputOffsetHeader, std::to_string(provenance.offset));
}

std::optional<Provenance> ReadProvenance(const rd_kafka_headers_t* headers) {
  if (headers == nullptr) return std::nullopt;
  const auto topic = Last(headers, kInputTopicHeader);
  const auto partition = Last(headers, kInputPartitionHeader);
  const auto offset = Last(headers, kInputOffsetHeader);
  if (!topic || !partition || !offset) return std::nullopt;
  Provenance p;
  p.topic = std::string(*topic);
  if (!absl::SimpleAtoi(*partition, &p.partition) || !absl::SimpleAtoi(*offset, &p.offset) ||
      p.partition < 0 || p.offset < 0) {
    return std::nullopt;
  }
  return p;
}

}  // namespace scrub::kafka
