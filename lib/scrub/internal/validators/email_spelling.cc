#include "scrub/internal/validators/email_spelling.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "scrub/internal/validators/email_validator.h"

namespace scrub::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// Lower-cased ASCII word at text[i] (letters only).
absl::string_view WordAt(absl::string_view text, size_t i) {
  size_t j = i;
  while (j < text.size() && absl::ascii_isalpha(static_cast<unsigned char>(text[j]))) ++j;
  return text.substr(i, j - i);
}

char Closing(char open) {
  switch (open) {
    case '(': return ')';
    case '[': return ']';
    case '{': return '}';
    case '<': return '>';
    default: return 0;
  }
}

// Everyday words that " at " follows in prose ("meet at", "look at").
bool IsEverydayWord(absl::string_view word) {
  static constexpr absl::string_view kWords[] = {
      "am", "are", "arrive", "arrived", "available", "back", "based", "be", "been",
      "best", "buy", "call", "check", "click", "come", "down", "eat", "email", "find",
      "found", "go", "good", "great", "he", "her", "here", "him", "home", "i", "in",
      "is", "it", "live", "lives", "located", "log", "look", "looking", "mail", "me",
      "meet", "now", "off", "on", "online", "order", "out", "price", "priced", "rate",
      "school", "see", "she", "shop", "sign", "sold", "stay", "staying", "that", "them",
      "there", "they", "this", "time", "up", "us", "visit", "was", "we", "were", "work",
      "working", "you"};
  for (absl::string_view w : kWords) {
    if (absl::EqualsIgnoreCase(word, w)) return true;
  }
  return false;
}

bool IsCommonTld(absl::string_view tld) {
  static constexpr absl::string_view kTlds[] = {
      "ai", "app", "au", "biz", "br", "ca", "cc", "ch", "cn", "co", "com", "de", "dev",
      "edu", "es", "fr", "gov", "hk", "in", "info", "io", "it", "jp", "kr", "me", "mo",
      "net", "nl", "org", "ru", "se", "sg", "top", "tv", "tw", "uk", "us", "vip", "xyz"};
  for (absl::string_view t : kTlds) {
    if (absl::EqualsIgnoreCase(tld, t)) return true;
  }
  return false;
}

}  // namespace

EmailSpelling SpelledEmail(absl::string_view text, std::string* address) {
  address->clear();
  // How the '@' was written; dots written out only count with it.
  EmailSpelling at_spelling = EmailSpelling::kInvalid;
  bool dots_spelled = false;
  auto trim_back = [&] {
    while (!address->empty() && IsSpace(address->back())) address->pop_back();
  };
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (const char close = Closing(c); close != 0) {
      const size_t end = text.find(close, i + 1);
      if (end == absl::string_view::npos || end - i > 8) return EmailSpelling::kInvalid;
      const absl::string_view inner = absl::StripAsciiWhitespace(text.substr(i + 1, end - i - 1));
      char replacement;
      if (absl::EqualsIgnoreCase(inner, "at")) {
        replacement = '@';
      } else if (absl::EqualsIgnoreCase(inner, "dot")) {
        replacement = '.';
      } else {
        return EmailSpelling::kInvalid;
      }
      trim_back();
      address->push_back(replacement);
      if (replacement == '@') {
        at_spelling = EmailSpelling::kBracketed;
      } else {
        dots_spelled = true;
      }
      i = end + 1;
      while (i < text.size() && IsSpace(text[i])) ++i;
      continue;
    }
    if (IsSpace(c)) {
      size_t j = i;
      while (j < text.size() && IsSpace(text[j])) ++j;
      if (j < text.size() && Closing(text[j]) != 0) {  // " [at]"
        i = j;
        continue;
      }
      if (j < text.size() && text[j] == '@') {
        at_spelling = EmailSpelling::kSpaced;
        i = j;
        continue;
      }
      if (!address->empty() && (address->back() == '@' || address->back() == '.')) {
        i = j;
        continue;
      }
      const absl::string_view word = WordAt(text, j);
      const size_t after = j + word.size();
      if (after < text.size() && IsSpace(text[after]) &&
          (absl::EqualsIgnoreCase(word, "at") || absl::EqualsIgnoreCase(word, "dot"))) {
        if (absl::EqualsIgnoreCase(word, "at")) {
          address->push_back('@');
          at_spelling = EmailSpelling::kWords;
        } else {
          address->push_back('.');
          dots_spelled = true;
        }
        i = after;
        while (i < text.size() && IsSpace(text[i])) ++i;
        continue;
      }
      return EmailSpelling::kInvalid;
    }
    if (c == '@') {
      address->push_back('@');
      ++i;
      if (i < text.size() && IsSpace(text[i])) at_spelling = EmailSpelling::kSpaced;
      while (i < text.size() && IsSpace(text[i])) ++i;
      continue;
    }
    address->push_back(c);
    ++i;
  }
  if (at_spelling == EmailSpelling::kInvalid && !dots_spelled) return EmailSpelling::kInvalid;
  if (!IsValidEmail(*address)) return EmailSpelling::kInvalid;
  if (at_spelling == EmailSpelling::kBracketed || at_spelling == EmailSpelling::kSpaced) {
    return at_spelling;
  }
  if (at_spelling == EmailSpelling::kInvalid) return EmailSpelling::kBracketed;  // "a@b[dot]c"
  const size_t at = address->find('@');
  const size_t last_dot = address->rfind('.');
  if (IsEverydayWord(absl::string_view(*address).substr(0, at)) ||
      !IsCommonTld(absl::string_view(*address).substr(last_dot + 1))) {
    return EmailSpelling::kInvalid;
  }
  return EmailSpelling::kWords;
}

}  // namespace scrub::internal
