#include "scrub/internal/json_token_reader.h"

#include <cstring>

#include "rapidjson/error/en.h"
#include "rapidjson/reader.h"

namespace scrub::internal {
namespace {

constexpr unsigned kParseFlags = rapidjson::kParseNumbersAsStringsFlag;

// A bounded input stream. Unlike rapidjson::StringStream it is not copied
// into parser locals (no StreamTraits copy optimisation), so Tell() is exact
// inside every handler callback; and it needs no NUL terminator.
class SpanStream {
 public:
  typedef char Ch;

  SpanStream(const char* begin, const char* end) : begin_(begin), p_(begin), end_(end) {}

  Ch Peek() const { return p_ != end_ ? *p_ : '\0'; }
  Ch Take() { return p_ != end_ ? *p_++ : '\0'; }
  size_t Tell() const { return static_cast<size_t>(p_ - begin_); }

  // Write side of the Stream concept; never used by a reader.
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  size_t PutEnd(Ch*) { return 0; }

 private:
  const char* begin_;
  const char* p_;
  const char* end_;
};

// RapidJSON handler: turns events into tokens with raw spans.
class Handler {
 public:
  Handler(absl::string_view json, const SpanStream* stream, uint32_t max_depth,
          JsonTokenVisitor* visitor)
      : json_(json), stream_(stream), max_depth_(max_depth), visitor_(visitor) {}

  bool Null() { return Literal(JsonTokenKind::kNull); }
  bool Bool(bool b) { return Literal(b ? JsonTokenKind::kTrue : JsonTokenKind::kFalse); }
  // Not called with kParseNumbersAsStringsFlag.
  bool Int(int) { return false; }
  bool Uint(unsigned) { return false; }
  bool Int64(int64_t) { return false; }
  bool Uint64(uint64_t) { return false; }
  bool Double(double) { return false; }

  bool RawNumber(const char* str, rapidjson::SizeType length, bool) {
    JsonToken t = Token(JsonTokenKind::kNumber);
    t.text = absl::string_view(str, length);
    return visitor_->Scalar(t);
  }
  bool String(const char* str, rapidjson::SizeType length, bool) {
    JsonToken t = Token(JsonTokenKind::kString);
    t.text = absl::string_view(str, length);
    return visitor_->Scalar(t);
  }
  bool Key(const char* str, rapidjson::SizeType length, bool) {
    JsonToken t = Token(JsonTokenKind::kString);
    t.text = absl::string_view(str, length);
    return visitor_->Key(t);
  }
  bool StartObject() { return Start(false); }
  bool StartArray() { return Start(true); }
  bool EndObject(rapidjson::SizeType) { return End(false); }
  bool EndArray(rapidjson::SizeType) { return End(true); }

  bool too_deep() const { return too_deep_; }
  size_t too_deep_offset() const { return too_deep_offset_; }

 private:
  // The token that ends at the stream position: it starts after the
  // previous event's end and the separators (whitespace, ',' and ':').
  JsonToken Token(JsonTokenKind kind) {
    const size_t end = stream_->Tell();
    size_t start = last_end_;
    while (start < end) {
      const char c = json_[start];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':') break;
      ++start;
    }
    last_end_ = end;
    JsonToken t;
    t.kind = kind;
    t.start = start;
    t.end = end;
    return t;
  }

  bool Literal(JsonTokenKind kind) {
    JsonToken t = Token(kind);
    t.text = json_.substr(t.start, t.end - t.start);
    return visitor_->Scalar(t);
  }

  bool Start(bool is_array) {
    const size_t end = stream_->Tell();  // just past the bracket
    last_end_ = end;
    if (++depth_ > max_depth_) {
      too_deep_ = true;
      too_deep_offset_ = end - 1;
      return false;
    }
    return visitor_->StartContainer(is_array, end - 1);
  }

  bool End(bool is_array) {
    --depth_;
    last_end_ = stream_->Tell();
    return visitor_->EndContainer(is_array, last_end_);
  }

  absl::string_view json_;
  const SpanStream* stream_;
  uint32_t max_depth_;
  JsonTokenVisitor* visitor_;
  size_t last_end_ = 0;
  uint32_t depth_ = 0;
  bool too_deep_ = false;
  size_t too_deep_offset_ = 0;
};

}  // namespace

JsonReadStatus ReadJsonTokens(absl::string_view json, uint32_t max_depth,
                              JsonTokenVisitor* visitor) {
  JsonReadStatus status;
  // RapidJSON reads NUL as the end of input: a NUL byte (never valid JSON
  // outside a string, and escaped inside one) must not hide what follows.
  if (const void* nul = std::memchr(json.data(), '\0', json.size())) {
    status.kind = JsonReadStatus::Kind::kMalformed;
    status.offset = static_cast<const char*>(nul) - json.data();
    status.message = "NUL byte in JSON text.";
    return status;
  }
  SpanStream stream(json.data(), json.data() + json.size());
  Handler handler(json, &stream, max_depth, visitor);
  rapidjson::Reader reader;
  const rapidjson::ParseResult result = reader.Parse<kParseFlags>(stream, handler);
  if (!result.IsError()) return status;
  status.offset = result.Offset();
  if (result.Code() == rapidjson::kParseErrorTermination) {
    if (handler.too_deep()) {
      status.kind = JsonReadStatus::Kind::kTooDeep;
      status.offset = handler.too_deep_offset();
    } else {
      status.kind = JsonReadStatus::Kind::kStopped;
    }
    return status;
  }
  if (result.Code() == rapidjson::kParseErrorStringUnicodeSurrogateInvalid) {
    status.kind = JsonReadStatus::Kind::kLoneSurrogate;
    return status;
  }
  status.kind = JsonReadStatus::Kind::kMalformed;
  status.message = rapidjson::GetParseError_En(result.Code());
  return status;
}

}  // namespace scrub::internal
