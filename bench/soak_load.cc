#include "bench/soak_load.h"

#include <algorithm>
#include <type_traits>

#include "absl/strings/str_cat.h"

namespace scrub::bench {
namespace {

// Messages in one batch or stream request (see NextItem).
int BatchSize(std::mt19937& rng, int max_batch) {
  const int bucket = std::uniform_int_distribution<int>(0, 99)(rng);
  int lo = 1, hi = 10;
  if (bucket >= 90) {
    lo = 101, hi = 200;
  } else if (bucket >= 70) {
    lo = 51, hi = 100;
  } else if (bucket >= 35) {
    lo = 11, hi = 50;
  }
  hi = std::min(hi, max_batch);
  lo = std::min(lo, hi);
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

const char* CodeName(grpc::StatusCode code) {
  static const char* const kNames[] = {
      "OK",           "CANCELLED",         "UNKNOWN",          "INVALID_ARGUMENT",
      "DEADLINE_EXCEEDED", "NOT_FOUND",    "ALREADY_EXISTS",   "PERMISSION_DENIED",
      "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",  "OUT_OF_RANGE",
      "UNIMPLEMENTED", "INTERNAL",         "UNAVAILABLE",      "DATA_LOSS",
      "UNAUTHENTICATED"};
  const int i = static_cast<int>(code);
  return i >= 0 && i < static_cast<int>(std::size(kNames)) ? kNames[i] : "?";
}

}  // namespace

Item NextItem(std::mt19937& rng, double stream_fraction, double cancel_fraction,
              int max_batch) {
  std::uniform_real_distribution<double> u(0, 1);
  Item item;
  item.stream = u(rng) < stream_fraction;
  const int requests = item.stream ? std::uniform_int_distribution<int>(2, 8)(rng) : 1;
  for (int i = 0; i < requests; ++i) item.sizes.push_back(BatchSize(rng, max_batch));
  item.cancel = u(rng) < cancel_fraction;
  item.cancel_at = std::uniform_int_distribution<int>(0, requests - 1)(rng);
  item.cancel_mid_scan = u(rng) < 0.5;
  item.cancel_after = absl::Microseconds(std::uniform_int_distribution<int>(0, 2000)(rng));
  return item;
}

std::mt19937& ThreadRng() {
  thread_local std::mt19937 rng(std::random_device{}());
  return rng;
}

template <typename Request>
SentRequest Soak::Fill(uint64_t seq, int r, int size, Request* request) {
  SentRequest sent;
  std::uniform_int_distribution<size_t> pick(0, pool_.size() - 1);
  for (int i = 0; i < size; ++i) {
    const LabeledChatMessage& m = pool_[pick(ThreadRng())];
    std::string id = absl::StrCat(seq, ".", r, ".", i);
    if constexpr (std::is_same_v<Request, v1::ScanBatchRequest>) {
      v1::ChatMessage* out = request->add_messages();
      out->set_id(id);
      out->set_conversation_id(absl::StrCat("c", seq % 97));
      out->set_text(m.text);
    } else {
      v1::Record* out = request->add_records();
      out->set_id(id);
      out->set_text(m.text);
    }
    sent.ids.push_back(std::move(id));
    sent.personal.push_back(m.personal);
  }
  return sent;
}

void Soak::Check(const SentRequest& sent,
                 const google::protobuf::RepeatedPtrField<v1::MessageResult>& results,
                 const v1::PolicyInfo& policy, Tally* t) {
  const size_t n = sent.ids.size();
  const size_t got = results.size();
  if (got < n) {
    t->lost += n - got;
    t->Example(absl::StrCat("lost: ", got, " results for ", n, " messages"));
  }
  if (got > n) {
    t->duplicated += got - n;
    t->Example(absl::StrCat("duplicated: ", got, " results for ", n, " messages"));
  }
  t->versions.insert(policy.version());
  if (options_.versions != nullptr && !options_.versions->Contains(policy.version())) {
    ++t->unknown_version;
    t->Example(absl::StrCat("a response names policy version \"", policy.version(),
                            "\", never written as valid"));
  }
  for (size_t i = 0; i < std::min(n, got); ++i) {
    const v1::MessageResult& r = results[static_cast<int>(i)];
    ++t->messages_answered;
    if (r.id() != sent.ids[i]) {
      ++t->misordered;
      t->Example(absl::StrCat("result ", i, " has id ", r.id(), ", expected ", sent.ids[i]));
      continue;
    }
    switch (r.verdict()) {
      case v1::ALLOW:
        ++t->allow;
        if (sent.personal[i]) {
          ++t->personal_allowed;
          t->Example(absl::StrCat("personal data ALLOWed: ", r.id()));
        }
        break;
      case v1::REDACTED:
        ++t->redacted;
        if (!sent.personal[i]) {
          ++t->clean_not_allowed;
          t->Example(absl::StrCat("clean message REDACTED: ", r.id()));
        }
        break;
      case v1::BLOCKED:
        ++t->blocked;
        if (!sent.personal[i]) {
          ++t->clean_not_allowed;
          t->Example(absl::StrCat("clean message BLOCKED: ", r.id(), " (",
                                  r.block_reason(), ")"));
        }
        break;
      default:
        ++t->unspecified;
        t->Example(absl::StrCat("verdict ", static_cast<int>(r.verdict()), ": ", r.id()));
        break;
    }
  }
}

void Soak::Finished(const Tally& t,
                    const std::vector<std::pair<absl::Time, double>>& latencies,
                    int messages_in_call) {
  bool again = false;
  {
    absl::MutexLock lock(&mu_);
    tally_.Merge(t);
    const absl::Time now = absl::Now();
    if (now < closed_end_) closed_answered_ += t.messages_answered;
    again = now < closed_end_;
    if (recording_) {
      // A stream's later requests may be due after the load's end: the last
      // window takes them.
      auto window_of = [&](absl::Time at) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
        return std::clamp<int64_t>((at - load_start_) / options_.window, 0, last_window_);
      };
      for (const auto& [at, us] : latencies) {
        const int64_t w = window_of(at);
        if (windows_.size() <= static_cast<size_t>(w)) {
          windows_.resize(w + 1);
          window_messages_.resize(w + 1);
        }
        windows_[w].push_back(us);
      }
      if (!latencies.empty()) {
        window_messages_[window_of(latencies.front().first)] += t.messages_answered;
      }
    }
  }
  // Closed loop: the next call starts before this one stops counting, so
  // AwaitIdle() never sees a gap.
  if (again) Dispatch(NewItem(), absl::Now());
  absl::MutexLock lock(&mu_);
  --in_flight_;
  in_flight_messages_ -= messages_in_call;
}

namespace {

// One ScanBatch call.
class BatchCall {
 public:
  static void Start(Soak* soak, const Item& item, absl::Time scheduled, uint64_t seq) {
    auto call = std::make_shared<BatchCall>();
    call->soak_ = soak;
    call->scheduled_ = scheduled;
    call->sent_ = soak->Fill(seq, 0, item.sizes[0], &call->request_);
    call->context_.set_deadline(
        absl::ToChronoTime(absl::Now() + soak->options().call_timeout));
    call->tally_.batches = 1;
    call->tally_.messages_sent = item.sizes[0];
    call->cancelled_ = item.cancel;
    soak->stub()->async()->ScanBatch(
        &call->context_, &call->request_, &call->response_,
        [call](grpc::Status status) { call->Done(status); });
    if (item.cancel) {
      // The call may be over by then; the shared_ptr keeps its context.
      soak->canceller()->At(absl::Now() + item.cancel_after,
                            [call] { call->context_.TryCancel(); });
    }
  }

 private:
  void Done(const grpc::Status& status) {
    const absl::Time now = absl::Now();
    std::vector<std::pair<absl::Time, double>> latencies;
    if (status.ok()) {
      soak_->Check(sent_, response_.results(), response_.policy(), &tally_);
      latencies.push_back({scheduled_, absl::ToDoubleMicroseconds(now - scheduled_)});
      if (soak_->AfterSigterm()) {
        ++tally_.ok_after_sigterm;
        ++tally_.sigterm_outcomes[absl::StrCat(
            "ScanBatch sent ", soak_->SentBeforeSigterm(scheduled_) ? "before" : "after",
            " it: OK, complete")];
      }
    } else {
      tally_.messages_refused += sent_.ids.size();
      ++tally_.error_codes[CodeName(status.error_code())];
      if (cancelled_ && status.error_code() == grpc::StatusCode::CANCELLED) {
        ++tally_.cancelled_by_us;
      } else if (soak_->AfterSigterm()) {
        ++tally_.errors_after_sigterm;
        ++tally_.sigterm_outcomes[absl::StrCat(
            "ScanBatch sent ",
            soak_->SentBeforeSigterm(scheduled_) ? "before" : "after", " it: ",
            CodeName(status.error_code()))];
      } else {
        ++tally_.unexpected_errors;
        tally_.Example(absl::StrCat("ScanBatch failed: ", CodeName(status.error_code()),
                                    ": ", status.error_message()));
      }
    }
    soak_->Finished(tally_, latencies, static_cast<int>(sent_.ids.size()));
  }

  Soak* soak_ = nullptr;
  absl::Time scheduled_;
  bool cancelled_ = false;
  grpc::ClientContext context_;
  v1::ScanBatchRequest request_;
  v1::ScanBatchResponse response_;
  SentRequest sent_;
  Tally tally_;
};

// One ScanStream stream: its requests one at a time (write, read the
// response, next), then half-close and one more read that must find nothing.
// Cancelled streams call TryCancel without half-closing, either right after
// writing request cancel_at (while it is scanned) or before writing it.
class StreamCall
    : public grpc::ClientBidiReactor<v1::ScanStreamRequest, v1::ScanStreamResponse> {
 public:
  StreamCall(Soak* soak, const Item& item, absl::Time scheduled, uint64_t seq)
      : soak_(soak), item_(item), seq_(seq) {
    sent_at_ = scheduled;
    first_sent_ = scheduled;
    context_.set_deadline(absl::ToChronoTime(absl::Now() + soak->options().call_timeout));
    tally_.streams = 1;
  }

  void Start() {
    soak_->stub()->async()->ScanStream(&context_, this);
    {
      absl::MutexLock lock(&mu_);
      if (item_.cancel && !item_.cancel_mid_scan && item_.cancel_at == 0) {
        CancelLocked();
      } else {
        WriteNextLocked();
      }
      StartRead(&response_);
    }
    StartCall();
  }

  void OnWriteDone(bool ok) override {
    absl::MutexLock lock(&mu_);
    if (!ok) return;  // the call is ending; OnDone reports
    write_done_ = true;
    if (item_.cancel && item_.cancel_mid_scan && next_ == item_.cancel_at) {
      CancelLocked();
      return;
    }
    MaybeAdvanceLocked();
  }

  void OnReadDone(bool ok) override {
    absl::MutexLock lock(&mu_);
    if (!ok) return;
    if (next_ >= static_cast<int>(sent_.size()) || !awaiting_response_) {
      // A response to no request.
      tally_.duplicated += response_.results_size();
      tally_.Example(absl::StrCat("stream ", seq_, ": a response too many"));
      if (!half_closed_ && !cancelled_) StartRead(&response_);
      return;
    }
    const absl::Time now = absl::Now();
    soak_->Check(sent_[next_], response_.results(), response_.policy(), &tally_);
    latencies_.push_back({sent_at_, absl::ToDoubleMicroseconds(now - sent_at_)});
    awaiting_response_ = false;
    ++answered_;
    read_done_ = true;
    MaybeAdvanceLocked();
  }

  void OnDone(const grpc::Status& status) override {
    {
      absl::MutexLock lock(&mu_);
      int unanswered = 0;
      for (size_t r = answered_; r < sent_.size(); ++r) unanswered += sent_[r].ids.size();
      if (status.ok()) {
        if (unanswered > 0) {
          tally_.lost += unanswered;
          tally_.Example(absl::StrCat("stream ", seq_, " ended OK with ", unanswered,
                                      " messages unanswered"));
        }
        if (soak_->AfterSigterm()) {
          ++tally_.ok_after_sigterm;
          ++tally_.sigterm_outcomes[absl::StrCat(
              "ScanStream started ",
              soak_->SentBeforeSigterm(first_sent_) ? "before" : "after",
              " it: OK, complete")];
        }
      } else {
        tally_.messages_refused += unanswered;
        ++tally_.error_codes[CodeName(status.error_code())];
        if (cancelled_ && status.error_code() == grpc::StatusCode::CANCELLED) {
          ++tally_.cancelled_by_us;
        } else if (soak_->AfterSigterm()) {
          ++tally_.errors_after_sigterm;
          ++tally_.sigterm_outcomes[absl::StrCat(
              "ScanStream started ",
              soak_->SentBeforeSigterm(first_sent_) ? "before" : "after", " it, ",
              answered_ > 0 ? "some" : "no", " requests answered: ",
              CodeName(status.error_code()))];
        } else {
          ++tally_.unexpected_errors;
          tally_.Example(absl::StrCat("ScanStream failed: ", CodeName(status.error_code()),
                                      ": ", status.error_message()));
        }
      }
    }
    soak_->Finished(tally_, latencies_, item_.messages());
    delete this;
  }

 private:
  void WriteNextLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    const int r = static_cast<int>(sent_.size());
    request_.Clear();
    sent_.push_back(soak_->Fill(seq_, r, item_.sizes[r], &request_));
    if (r > 0) sent_at_ = absl::Now();
    ++tally_.stream_requests;
    tally_.messages_sent += item_.sizes[r];
    write_done_ = false;
    read_done_ = false;
    awaiting_response_ = true;
    StartWrite(&request_);
  }

  // After request next_'s write and response both completed.
  void MaybeAdvanceLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (!write_done_ || !read_done_ || cancelled_) return;
    ++next_;
    if (next_ < static_cast<int>(item_.sizes.size())) {
      if (item_.cancel && !item_.cancel_mid_scan && next_ == item_.cancel_at) {
        CancelLocked();
        return;
      }
      WriteNextLocked();
      StartRead(&response_);
    } else {
      half_closed_ = true;
      StartWritesDone();
      StartRead(&response_);  // must end without a message
    }
  }

  void CancelLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    cancelled_ = true;
    context_.TryCancel();
  }

  Soak* const soak_;
  const Item item_;
  const uint64_t seq_;
  grpc::ClientContext context_;
  absl::Mutex mu_;
  v1::ScanStreamRequest request_;
  v1::ScanStreamResponse response_;
  std::vector<SentRequest> sent_;
  int next_ = 0;  // the request being answered
  size_t answered_ = 0;
  bool write_done_ = false, read_done_ = false, awaiting_response_ = false;
  bool half_closed_ = false, cancelled_ = false;
  absl::Time sent_at_, first_sent_;
  std::vector<std::pair<absl::Time, double>> latencies_;
  Tally tally_;
};

}  // namespace

void Soak::Dispatch(const Item& item, absl::Time scheduled) {
  {
    absl::MutexLock lock(&mu_);
    ++in_flight_;
    in_flight_messages_ += item.messages();
  }
  const uint64_t seq = seq_++;
  if (item.stream) {
    (new StreamCall(this, item, scheduled, seq))->Start();
  } else {
    BatchCall::Start(this, item, scheduled, seq);
  }
}

}  // namespace scrub::bench
