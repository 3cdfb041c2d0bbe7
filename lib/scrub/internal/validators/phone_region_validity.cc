#include "scrub/internal/validators/phone_region_validity.h"

#include <algorithm>
#include <iterator>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "phonenumbers/phonemetadata.pb.h"
#include "re2/re2.h"

namespace i18n::phonenumbers {
// libphonenumber's embedded metadata, a serialised PhoneMetadataCollection
// (declared in its metadata.h, which Debian does not install).
int metadata_size();
const void* metadata_get();
}  // namespace i18n::phonenumbers

namespace scrub::internal {
namespace {

using ::i18n::phonenumbers::PhoneMetadata;
using ::i18n::phonenumbers::PhoneMetadataCollection;
using ::i18n::phonenumbers::PhoneNumberDesc;

// One number description: its possible lengths (none listed: any length)
// and its national number pattern (none: it matches nothing).
class Desc {
 public:
  // False when the pattern does not compile in RE2.
  bool Compile(const PhoneNumberDesc& desc) {
    lengths_.assign(desc.possible_length().begin(), desc.possible_length().end());
    if (desc.national_number_pattern().empty()) return true;
    RE2::Options options;
    options.set_log_errors(false);
    options.set_encoding(RE2::Options::EncodingLatin1);
    pattern_ = std::make_unique<RE2>(desc.national_number_pattern(), options);
    return pattern_->ok();
  }

  // libphonenumber's IsNumberMatchingDesc: a possible length, then a full
  // match of the pattern.
  bool Matches(absl::string_view nsn) const {
    if (!lengths_.empty() &&
        std::find(lengths_.begin(), lengths_.end(), static_cast<int>(nsn.size())) ==
            lengths_.end()) {
      return false;
    }
    return pattern_ != nullptr &&
           RE2::FullMatch(re2::StringPiece(nsn.data(), nsn.size()), *pattern_);
  }

 private:
  std::vector<int> lengths_;
  std::unique_ptr<RE2> pattern_;
};

// A region's descriptions, compiled on its first check.
struct Region {
  const PhoneMetadata* metadata = nullptr;  // points into the collection
  std::once_flag once;
  bool usable = false;  // every pattern compiled
  Desc general;
  std::vector<Desc> types;

  void Compile() {
    const PhoneMetadata& m = *metadata;
    // The types GetNumberTypeHelper tries; a number of any of them is valid.
    const PhoneNumberDesc* const descs[] = {
        &m.premium_rate(), &m.toll_free(), &m.shared_cost(), &m.voip(),
        &m.personal_number(), &m.pager(), &m.uan(), &m.voicemail(),
        &m.fixed_line(), &m.mobile()};
    usable = general.Compile(m.general_desc());
    types.resize(std::size(descs));
    for (size_t i = 0; i < std::size(descs); ++i) {
      usable = types[i].Compile(*descs[i]) && usable;
    }
  }

  bool IsValid(absl::string_view nsn) const {
    if (!general.Matches(nsn)) return false;
    for (const Desc& type : types) {
      if (type.Matches(nsn)) return true;
    }
    return false;
  }
};

// Every geographic region of libphonenumber's metadata, read once.
class Regions {
 public:
  static Regions& Get() {
    static Regions* const kRegions = new Regions();
    return *kRegions;
  }

  Region* Find(absl::string_view code) {
    const auto it = by_code_.find(code);
    return it == by_code_.end() ? nullptr : it->second.get();
  }

 private:
  Regions() {
    if (!collection_.ParseFromArray(::i18n::phonenumbers::metadata_get(),
                                    ::i18n::phonenumbers::metadata_size())) {
      return;  // no region: every answer is libphonenumber's
    }
    for (const PhoneMetadata& m : collection_.metadata()) {
      if (m.id().size() != 2) continue;  // "001": non-geographic entities
      auto region = std::make_unique<Region>();
      region->metadata = &m;
      by_code_.emplace(m.id(), std::move(region));
    }
  }

  PhoneMetadataCollection collection_;
  absl::flat_hash_map<std::string, std::unique_ptr<Region>> by_code_;
};

}  // namespace

std::optional<bool> IsValidNationalNumberForRegion(absl::string_view region,
                                                   absl::string_view nsn) {
  Region* r = Regions::Get().Find(region);
  if (r == nullptr) return std::nullopt;
  std::call_once(r->once, [r] { r->Compile(); });
  if (!r->usable) return std::nullopt;
  return r->IsValid(nsn);
}

}  // namespace scrub::internal
