#include "kafka/pipeline.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "kafka/provenance.h"
#include "kafka/resume_point.h"
#include "service/daemon/logging.h"

namespace scrub::kafka {
namespace {

using service::LogInfo;
using service::LogWarning;

int Ms(absl::Duration d) {
  return static_cast<int>(std::clamp<int64_t>(absl::ToInt64Milliseconds(d), 0, INT32_MAX));
}

// Properties the pipeline sets on its handles; its guarantees depend on them.
const absl::flat_hash_set<std::string>& Owned() {
  static const auto* owned = new absl::flat_hash_set<std::string>{
      "bootstrap.servers",
      "metadata.broker.list",
      "group.id",
      "enable.idempotence",
      "acks",
      "request.required.acks",
      "transactional.id",
      "enable.auto.commit",
      "enable.auto.offset.store",
      "enable.partition.eof",
      "auto.offset.reset",
      "allow.auto.create.topics",
      "partition.assignment.strategy",
      "group.protocol.type",
  };
  return *owned;
}

Properties With(const Properties& base, Properties own) {
  Properties all = base;
  all.insert(all.end(), own.begin(), own.end());
  return all;
}

// The message's opaque: what was delivered, for metrics.
void* VerdictOpaque(scrub::Verdict v) {
  return reinterpret_cast<void*>(static_cast<intptr_t>(v));
}

}  // namespace

bool OwnedProperty(const std::string& name) { return Owned().contains(name); }

// librdkafka's C callbacks: they run on the pipeline's thread, inside
// rd_kafka_consumer_poll / rd_kafka_poll / rd_kafka_flush.
struct Pipeline::Callbacks {
  static void Rebalance(rd_kafka_t* rk, rd_kafka_resp_err_t err,
                        rd_kafka_topic_partition_list_t* partitions, void* opaque) {
    auto* p = static_cast<Pipeline*>(opaque);
    switch (err) {
      case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
        p->OnAssign(partitions);
        return;
      case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
        p->OnRevoke();
        return;
      default:
        p->Fail(absl::UnavailableError(
            absl::StrCat("consumer group rebalance failed: ", ErrorName(err))));
        rd_kafka_assign(rk, nullptr);
        return;
    }
  }

  static void Delivered(rd_kafka_t*, const rd_kafka_message_t* m, void* opaque) {
    auto* p = static_cast<Pipeline*>(opaque);
    if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      p->Fail(absl::UnavailableError(absl::StrCat(
          "a record for ", rd_kafka_topic_name(m->rkt), "[", m->partition,
          "] was not delivered: ", ErrorName(m->err),
          m->err == RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE
              ? " (set message.max.bytes in --kafka_config to the topic's max.message.bytes)"
              : "")));
      return;
    }
    if (p->observer_ != nullptr) {
      p->observer_->OnDelivered(
          static_cast<scrub::Verdict>(reinterpret_cast<intptr_t>(m->_private)));
    }
  }

  static void Committed(rd_kafka_t*, rd_kafka_resp_err_t err,
                        rd_kafka_topic_partition_list_t*, void* opaque) {
    auto* p = static_cast<Pipeline*>(opaque);
    if (err == RD_KAFKA_RESP_ERR__NO_OFFSET) return;  // nothing new to commit
    if (p->observer_ != nullptr) p->observer_->OnOffsetCommit(err == RD_KAFKA_RESP_ERR_NO_ERROR);
  }

  static void Error(rd_kafka_t* rk, int err, const char* reason, void* opaque) {
    auto* p = static_cast<Pipeline*>(opaque);
    if (err == RD_KAFKA_RESP_ERR__FATAL) {
      char why[512];
      const rd_kafka_resp_err_t fatal = rd_kafka_fatal_error(rk, why, sizeof(why));
      p->Fail(absl::InternalError(
          absl::StrCat("fatal Kafka client error: ", ErrorName(fatal), ": ", why)));
      return;
    }
    LogWarning(absl::StrCat("librdkafka: ", reason));
  }
};

Pipeline::Pipeline(const PipelineOptions& options, RecordTransform* transform,
                   PipelineObserver* observer)
    : options_(options), transform_(transform), observer_(observer) {}

Pipeline::~Pipeline() = default;

absl::StatusOr<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options,
                                                           RecordTransform* transform,
                                                           PipelineObserver* observer) {
  for (const auto& [name, value] : options.kafka_properties) {
    if (OwnedProperty(name)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "librdkafka property ", name,
          " is set by scrub-kafka (its exactly-once rules depend on it); remove it"));
    }
  }
  std::unique_ptr<Pipeline> p(new Pipeline(options, transform, observer));
  if (absl::Status s = p->Init(); !s.ok()) return s;
  if (absl::Status s = p->CheckTopics(); !s.ok()) return s;
  return p;
}

absl::Status Pipeline::Init() {
  const Properties base =
      With(options_.kafka_properties, {{"bootstrap.servers", options_.bootstrap_servers},
                                       {"client.id", "scrub-kafka"}});
  char err[512];
  auto make = [&](rd_kafka_type_t type, const Properties& props, bool callbacks,
                  KafkaPtr* out) -> absl::Status {
    absl::StatusOr<ConfPtr> conf = NewConf(props);
    if (!conf.ok()) return conf.status();
    LogWarningsToDaemonLog(conf->get());
    rd_kafka_conf_set_opaque(conf->get(), this);
    rd_kafka_conf_set_error_cb(conf->get(), Callbacks::Error);
    if (callbacks && type == RD_KAFKA_CONSUMER) {
      rd_kafka_conf_set_rebalance_cb(conf->get(), Callbacks::Rebalance);
      rd_kafka_conf_set_offset_commit_cb(conf->get(), Callbacks::Committed);
    }
    if (callbacks && type == RD_KAFKA_PRODUCER) {
      rd_kafka_conf_set_dr_msg_cb(conf->get(), Callbacks::Delivered);
    }
    rd_kafka_t* rk = rd_kafka_new(type, conf->get(), err, sizeof(err));
    if (rk == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat("cannot create a Kafka client: ", err));
    }
    conf->release();  // owned by rk now
    out->reset(rk);
    return absl::OkStatus();
  };
  absl::Status s = make(RD_KAFKA_CONSUMER,
                        With(base, {{"group.id", options_.group},
                                    {"enable.auto.commit", "true"},
                                    {"enable.auto.offset.store", "false"},
                                    {"enable.partition.eof", "true"},
                                    {"auto.offset.reset", "earliest"},
                                    {"partition.assignment.strategy", "range,roundrobin"}}),
                        true, &consumer_);
  if (!s.ok()) return s;
  s = make(RD_KAFKA_PRODUCER, With(base, {{"enable.idempotence", "true"}, {"acks", "all"}}),
           true, &producer_);
  if (!s.ok()) return s;
  s = make(RD_KAFKA_CONSUMER,
           With(base, {{"enable.auto.commit", "false"},
                       {"enable.partition.eof", "true"}}),
           false, &reader_);
  if (!s.ok()) return s;
  rd_kafka_poll_set_consumer(consumer_.get());
  output_.reset(rd_kafka_topic_new(producer_.get(), options_.output_topic.c_str(), nullptr));
  const std::string& blocked =
      options_.blocked_topic.empty() ? options_.output_topic : options_.blocked_topic;
  blocked_.reset(rd_kafka_topic_new(producer_.get(), blocked.c_str(), nullptr));
  return absl::OkStatus();
}

absl::Status Pipeline::CheckTopics() {
  std::vector<std::string> topics = {options_.input_topic, options_.output_topic};
  if (!options_.blocked_topic.empty()) topics.push_back(options_.blocked_topic);
  for (const std::string& name : topics) {
    TopicPtr topic(rd_kafka_topic_new(consumer_.get(), name.c_str(), nullptr));
    const rd_kafka_metadata_t* md = nullptr;
    const rd_kafka_resp_err_t err =
        rd_kafka_metadata(consumer_.get(), 0, topic.get(), &md, Ms(options_.broker_timeout));
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      return absl::UnavailableError(absl::StrCat(
          "no Kafka broker of --bootstrap_servers=", options_.bootstrap_servers,
          " answered within ", absl::FormatDuration(options_.broker_timeout), " (",
          ErrorName(err), ")"));
    }
    const rd_kafka_resp_err_t topic_err =
        md->topic_cnt == 1 ? md->topics[0].err : RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART;
    const int count = md->topic_cnt == 1 ? md->topics[0].partition_cnt : 0;
    rd_kafka_metadata_destroy(md);
    if (topic_err == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART || count == 0) {
      return absl::NotFoundError(absl::StrCat(
          "topic ", name, " does not exist (scrub-kafka creates no topics: create the output",
          " and blocked topics with as many partitions as the input)"));
    }
    if (topic_err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      return absl::UnavailableError(
          absl::StrCat("cannot read the metadata of topic ", name, ": ", ErrorName(topic_err)));
    }
    if (partitions_ == 0) {
      partitions_ = count;
    } else if (count != partitions_) {
      return absl::FailedPreconditionError(absl::StrCat(
          "topic ", name, " has ", count, " partitions and the input topic ",
          options_.input_topic, " has ", partitions_,
          ": they must be equal (output partition = input partition is what makes "
          "resumption exact)"));
    }
  }
  return absl::OkStatus();
}

void Pipeline::Fail(absl::Status status) {
  if (failure_.ok()) failure_ = std::move(status);
}

void Pipeline::OnAssign(rd_kafka_topic_partition_list_t* partitions) {
  for (int i = 0; i < partitions->cnt; ++i) {
    rd_kafka_topic_partition_t& tp = partitions->elems[i];
    std::optional<int64_t> last;
    std::string where;
    std::vector<std::string> destinations = {options_.output_topic};
    if (!options_.blocked_topic.empty()) destinations.push_back(options_.blocked_topic);
    for (const std::string& topic : destinations) {
      absl::StatusOr<std::optional<int64_t>> found = LastInputOffset(
          reader_.get(), {topic, tp.partition}, options_.input_topic, options_.broker_timeout);
      if (!found.ok()) {
        Fail(absl::Status(found.status().code(),
                          absl::StrCat("cannot resume ", options_.input_topic, "[",
                                       tp.partition, "]: ", found.status().message())));
        rd_kafka_assign(consumer_.get(), nullptr);
        return;
      }
      if (found->has_value() && (!last || **found > *last)) {
        last = **found;
        where = absl::StrCat(topic, "[", tp.partition, "]");
      }
    }
    tp.offset = last.has_value() ? *last + 1 : RD_KAFKA_OFFSET_BEGINNING;
    assigned_[tp.partition] = PartitionState{last.has_value() ? *last + 1 : -1, false};
    LogInfo(last.has_value()
                ? absl::StrCat(options_.input_topic, "[", tp.partition, "]: resuming at offset ",
                               *last + 1, " (the last one written is in ", where, ")")
                : absl::StrCat(options_.input_topic, "[", tp.partition,
                               "]: nothing written yet; starting at the beginning"));
  }
  const rd_kafka_resp_err_t err = rd_kafka_assign(consumer_.get(), partitions);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    Fail(absl::UnavailableError(absl::StrCat("cannot take partitions: ", ErrorName(err))));
    return;
  }
  ever_assigned_ = true;
  rebalancing_ = false;
  if (observer_ != nullptr) observer_->OnAssigned(static_cast<int>(assigned_.size()));
}

void Pipeline::OnRevoke() {
  // Whatever was produced for these partitions must be acknowledged before
  // another instance reads their tails.
  if (absl::Status s = Flush("before giving up partitions"); !s.ok()) Fail(s);
  if (observer_ != nullptr) {
    for (const auto& [partition, state] : assigned_) observer_->OnLag(partition, -1);
  }
  assigned_.clear();
  rebalancing_ = true;
  rd_kafka_assign(consumer_.get(), nullptr);
  if (observer_ != nullptr) observer_->OnAssigned(0);
}

absl::Status Pipeline::Flush(absl::string_view why) {
  const rd_kafka_resp_err_t err = rd_kafka_flush(producer_.get(), Ms(options_.flush_timeout));
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    const int pending = rd_kafka_outq_len(producer_.get());
    // Do not let them land later, behind the next owner's records.
    rd_kafka_purge(producer_.get(), RD_KAFKA_PURGE_F_QUEUE);
    return absl::UnavailableError(absl::StrCat(
        pending, " records were not acknowledged within ",
        absl::FormatDuration(options_.flush_timeout), " ", why, " (", ErrorName(err), ")"));
  }
  return failure_;
}

bool Pipeline::Produce(rd_kafka_topic_t* topic, int32_t partition, const void* key,
                       size_t key_size, const void* value, size_t value_size,
                       rd_kafka_headers_t* headers, int64_t timestamp, scrub::Verdict verdict,
                       rd_kafka_resp_err_t* err) {
  HeadersPtr owned(headers);
  for (;;) {
    *err = rd_kafka_producev(
        producer_.get(), RD_KAFKA_V_RKT(topic), RD_KAFKA_V_PARTITION(partition),
        RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_KEY(key, key_size),
        RD_KAFKA_V_VALUE(const_cast<void*>(value), value_size),
        RD_KAFKA_V_HEADERS(owned.get()), RD_KAFKA_V_TIMESTAMP(timestamp),
        RD_KAFKA_V_OPAQUE(VerdictOpaque(verdict)), RD_KAFKA_V_END);
    if (*err == RD_KAFKA_RESP_ERR_NO_ERROR) {
      owned.release();  // the message owns them now
      return true;
    }
    if (*err != RD_KAFKA_RESP_ERR__QUEUE_FULL) return false;
    rd_kafka_poll(producer_.get(), 10);  // deliveries make room
    if (!failure_.ok()) return false;
  }
}

void Pipeline::Process(const rd_kafka_message_t& m) {
  const Provenance from{options_.input_topic, m.partition, m.offset};
  InputRecord in;
  if (m.key != nullptr) in.key = absl::string_view(static_cast<const char*>(m.key), m.key_len);
  if (m.payload != nullptr) {
    in.value = absl::string_view(static_cast<const char*>(m.payload), m.len);
  }
  rd_kafka_headers_t* input_headers = nullptr;
  if (rd_kafka_message_headers(&m, &input_headers) == RD_KAFKA_RESP_ERR_NO_ERROR) {
    in.headers = input_headers;
  }
  rd_kafka_timestamp_type_t ts_type;
  int64_t timestamp = rd_kafka_message_timestamp(&m, &ts_type);
  if (ts_type == RD_KAFKA_TIMESTAMP_NOT_AVAILABLE || timestamp < 0) timestamp = 0;

  Decision d = transform_->Decide(in);
  if (d.verdict != scrub::Verdict::kBlocked) {
    // Headers: the input's (with replaced values), then the provenance.
    HeadersPtr headers(rd_kafka_headers_new(8));
    const char* name = nullptr;
    const void* value = nullptr;
    size_t size = 0;
    size_t next_replacement = 0;
    for (size_t i = 0; in.headers != nullptr &&
                       rd_kafka_header_get_all(in.headers, i, &name, &value, &size) ==
                           RD_KAFKA_RESP_ERR_NO_ERROR;
         ++i) {
      if (next_replacement < d.header_values.size() &&
          d.header_values[next_replacement].first == i) {
        const std::string& v = d.header_values[next_replacement++].second;
        rd_kafka_header_add(headers.get(), name, -1, v.data(), static_cast<ssize_t>(v.size()));
      } else {
        rd_kafka_header_add(headers.get(), name, -1, value, static_cast<ssize_t>(size));
      }
    }
    AddProvenance(from, headers.get());
    const void* key = d.key ? d.key->data() : m.key;
    const size_t key_size = d.key ? d.key->size() : m.key_len;
    const void* out = d.value ? d.value->data() : m.payload;
    const size_t out_size = d.value ? d.value->size() : m.len;
    rd_kafka_resp_err_t err;
    if (!Produce(output_.get(), m.partition, key, key_size, out, out_size, headers.release(),
                 timestamp, d.verdict, &err)) {
      if (err != RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE) {
        Fail(absl::UnavailableError(absl::StrCat("cannot produce to ", options_.output_topic,
                                                 "[", m.partition, "]: ", ErrorName(err))));
        return;
      }
      // Redaction can lengthen a value past message.max.bytes: block it.
      d.verdict = scrub::Verdict::kBlocked;
      d.block_reason = "output_too_large";
      d.block_detail = absl::StrCat("the output record (", key_size + out_size,
                                    " bytes of key and value) is over message.max.bytes");
      d.value.reset();
      d.key.reset();
      d.header_values.clear();
    }
  }
  if (d.verdict == scrub::Verdict::kBlocked) {
    // Never the record's content: no key, no input headers, no value.
    HeadersPtr headers(rd_kafka_headers_new(3));
    AddProvenance(from, headers.get());
    const std::string placeholder = BlockedPlaceholder(d, from);
    rd_kafka_resp_err_t err;
    if (!Produce(blocked_.get(), m.partition, nullptr, 0, placeholder.data(), placeholder.size(),
                 headers.release(), timestamp, d.verdict, &err)) {
      Fail(absl::UnavailableError(absl::StrCat("cannot produce a placeholder to ",
                                               rd_kafka_topic_name(blocked_.get()), "[",
                                               m.partition, "]: ", ErrorName(err))));
      return;
    }
  }
  if (observer_ != nullptr) observer_->OnDecided(d);
  auto it = assigned_.find(m.partition);
  if (it != assigned_.end()) {
    it->second.next_offset = m.offset + 1;
    it->second.at_end = false;
  }
  // For lag monitoring only (auto-committed); resumption reads the output.
  rd_kafka_offset_store(m.rkt, m.partition, m.offset);
}

bool Pipeline::AllAtEnd() {
  if (!ever_assigned_ || rebalancing_) return false;
  for (const auto& [partition, state] : assigned_) {
    if (!state.at_end) return false;
  }
  // The EOF events say where each partition ended when it was last fetched;
  // ask the brokers for the end offsets once more before stopping, so that
  // a record that arrived since is not left behind.
  for (auto& [partition, state] : assigned_) {
    int64_t low = 0;
    int64_t high = 0;
    const rd_kafka_resp_err_t err =
        rd_kafka_query_watermark_offsets(consumer_.get(), options_.input_topic.c_str(),
                                         partition, &low, &high, Ms(options_.broker_timeout));
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      Fail(absl::UnavailableError(absl::StrCat("cannot read the end offset of ",
                                               options_.input_topic, "[", partition,
                                               "]: ", ErrorName(err))));
      return false;
    }
    if (state.next_offset < high) state.at_end = false;  // more to come
  }
  for (const auto& [partition, state] : assigned_) {
    if (!state.at_end) return false;
  }
  return true;
}

void Pipeline::ReportLag() {
  if (observer_ == nullptr) return;
  for (const auto& [partition, state] : assigned_) {
    int64_t low = -1;
    int64_t high = -1;
    if (rd_kafka_get_watermark_offsets(consumer_.get(), options_.input_topic.c_str(), partition,
                                       &low, &high) != RD_KAFKA_RESP_ERR_NO_ERROR ||
        high < 0) {
      continue;
    }
    const int64_t next = state.next_offset >= 0 ? state.next_offset : low;
    observer_->OnLag(partition, std::max<int64_t>(0, high - next));
  }
}

absl::Status Pipeline::Run(const std::atomic<bool>* stop) {
  PartitionListPtr topics(rd_kafka_topic_partition_list_new(1));
  rd_kafka_topic_partition_list_add(topics.get(), options_.input_topic.c_str(),
                                    RD_KAFKA_PARTITION_UA);
  if (rd_kafka_resp_err_t err = rd_kafka_subscribe(consumer_.get(), topics.get());
      err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return absl::UnavailableError(
        absl::StrCat("cannot subscribe to ", options_.input_topic, ": ", ErrorName(err)));
  }
  absl::Time next_lag = absl::Now();
  bool at_end = false;
  while (failure_.ok() && !stop->load(std::memory_order_relaxed)) {
    MessagePtr m(rd_kafka_consumer_poll(consumer_.get(), 100));
    rd_kafka_poll(producer_.get(), 0);
    if (const absl::Time now = absl::Now(); now >= next_lag) {
      ReportLag();
      next_lag = now + absl::Seconds(1);
    }
    if (m == nullptr) {
      if (options_.exit_at_end && AllAtEnd()) {
        at_end = true;
        break;
      }
      continue;
    }
    if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
      Process(*m);
      continue;
    }
    if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
      auto it = assigned_.find(m->partition);
      if (it != assigned_.end()) {
        it->second.at_end = true;
        if (it->second.next_offset < 0) it->second.next_offset = m->offset;
      }
      if (options_.exit_at_end && AllAtEnd()) {
        at_end = true;
        break;
      }
      continue;
    }
    const std::string what = absl::StrCat(
        "consuming ", m->rkt != nullptr ? rd_kafka_topic_name(m->rkt) : options_.input_topic,
        ": ", ErrorName(m->err));
    switch (m->err) {
      case RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART:
      case RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC:
      case RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION:
      case RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED:
      case RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED:
      case RD_KAFKA_RESP_ERR__FATAL:
        Fail(absl::UnavailableError(what));
        break;
      default:
        LogWarning(absl::StrCat(what, " (librdkafka retries)"));
    }
  }
  if (at_end) LogInfo("every assigned partition is at its end (--exit_at_end)");
  // Leaving the group revokes the partitions: OnRevoke flushes.
  rd_kafka_consumer_close(consumer_.get());
  if (failure_.ok()) {
    if (absl::Status s = Flush("at exit"); !s.ok()) Fail(s);
  }
  return failure_;
}

}  // namespace scrub::kafka
