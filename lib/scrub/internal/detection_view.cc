#include "scrub/internal/detection_view.h"

#include <algorithm>
#include <cstdint>

#include "scrub/internal/unicode/char_class.h"
#include "scrub/internal/utf8.h"

namespace scrub::internal {
namespace {

using unicode::CharKind;

// Digits (and numerals) a run needs before its Chinese numerals count as
// digits: a mobile number has 11, "一个" or "三年二班" far fewer.
constexpr int kMinNumeralRunDigits = 7;
// Digits of one form on both sides of a change of form that make it a soft
// break.
constexpr int kMinFormSegment = 3;
// A numeral between digits of one form folds only in a block (digits no
// separator splits) no longer than any value: "13800138000三11010519491231002X"
// is two values and a word.
constexpr int kMaxTouchingRunDigits = 20;

// An ANSI escape sequence is at most this long (ESC [ parameters final).
constexpr size_t kMaxAnsiSequence = 32;

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) {
  return IsAsciiDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool IsViewSeparator(char c) { return c == ' ' || IsNumberPunctuation(c); }

// Characters that mark text up rather than write it. The view keeps them,
// but they do not end a number: a Chinese numeral or a separator after
// "**" or a quote still belongs to it ("“⒍零५”"). (Brackets are not: a
// numeral after "(" or ")" is a word's; the digit structure still reads
// "(138)1234" as one number, digit_runs.h.)
bool IsMarkup(char32_t cp) {
  switch (cp) {
    case '*':
    case '`':
    case '~':
    case '"':
    case '\'':
    case '<':
    case '>':
    case 0x2018:  // ‘ ’ “ ”
    case 0x2019:
    case 0x201C:
    case 0x201D:
    case 0x300C:  // 「 」 『 』 【 】
    case 0x300D:
    case 0x300E:
    case 0x300F:
    case 0x3010:
    case 0x3011:
      return true;
    default:
      return false;
  }
}

// IsMarkup for one byte, without the switch (called for every ASCII byte).
bool IsAsciiMarkup(unsigned char c) {
  static constexpr uint64_t kLow = (uint64_t{1} << '"') | (uint64_t{1} << '\'') |
                                   (uint64_t{1} << '*') | (uint64_t{1} << '<') |
                                   (uint64_t{1} << '>');
  static constexpr uint64_t kHigh = (uint64_t{1} << ('`' - 64)) | (uint64_t{1} << ('~' - 64));
  return c < 64 ? (kLow >> c) & 1 : c < 128 && ((kHigh >> (c - 64)) & 1);
}

// The code point of the three-byte UTF-8 sequence at `p` when it is a Han
// ideograph of CJK Unified Ideographs or Extension A (U+3400–U+9FFF), else
// 0. The text is valid UTF-8.
char32_t HanAt(absl::string_view text, size_t p) {
  if (p + 3 > text.size()) return 0;
  const unsigned char b0 = static_cast<unsigned char>(text[p]);
  if (b0 < 0xE3 || b0 > 0xE9) return 0;
  const char32_t cp = ((b0 & 0x0Fu) << 12) |
                      ((static_cast<unsigned char>(text[p + 1]) & 0x3Fu) << 6) |
                      (static_cast<unsigned char>(text[p + 2]) & 0x3Fu);
  return cp >= 0x3400 && cp < 0xA000 ? cp : 0;
}

// Whether Han ideograph `cp` (U+3400–U+9FFF) is of kind kOther — every one
// but the few Chinese numerals — from a bitmap made once from the tables:
// KeptHan() asks it of every Han character, the commonest non-ASCII text,
// and a bit test is cheaper than the two-level table lookup.
bool IsPlainHan(char32_t cp) {
  static constexpr char32_t kFirst = 0x3400, kEnd = 0xA000;
  static const auto* const kPlain = [] {
    auto* bits = new std::vector<uint64_t>((kEnd - kFirst + 63) / 64, 0);
    for (char32_t c = kFirst; c < kEnd; ++c) {
      if (unicode::KindOf(c) == CharKind::kOther) {
        (*bits)[(c - kFirst) / 64] |= uint64_t{1} << ((c - kFirst) % 64);
      }
    }
    return bits;
  }();
  const char32_t i = cp - kFirst;
  return ((*kPlain)[i / 64] >> (i % 64)) & 1;
}

// The length of a short HTML tag at `p` ("<u>", "</b>", "<span>": a name of
// one to four ASCII letters), else 0. Like a markup character, a tag does
// not end a number ("7163<u>𝟛4贰6</u>贰41"); digit_runs.h reads it the same
// way.
constexpr size_t kMaxTagName = 4;
size_t TagLength(absl::string_view in, size_t p) {
  if (in[p] != '<') return 0;
  size_t q = p + 1;
  if (q < in.size() && in[q] == '/') ++q;
  const size_t name = q;
  while (q < in.size() && q - name <= kMaxTagName &&
         ((in[q] >= 'a' && in[q] <= 'z') || (in[q] >= 'A' && in[q] <= 'Z'))) {
    ++q;
  }
  if (q == name || q - name > kMaxTagName || q >= in.size() || in[q] != '>') return 0;
  return q + 1 - p;
}

// Marks that combine with the character before them: variation selectors,
// the keycap U+20E3 ("5️⃣" is 5, U+FE0F, U+20E3) and combining marks
// ("1̶3̶8̶" strikes its digits through). After an ASCII letter or digit they
// belong to it: a value that ends in that character is redacted with them
// (a password "x\u0367" is not redacted as "x", leaving the mark to follow
// the label).
bool IsAttachedMark(char32_t cp) { return unicode::IsCombiningMark(cp); }

// Pictographs and dingbats (emoji, ★, ✅): visible where the view drops
// them, unlike controls and format characters.
bool IsPictograph(char32_t cp) {
  return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) ||
         (cp >= 0x2B00 && cp <= 0x2BFF);
}

// The form of a digit: the code point of its form's zero ('0', '０', '𝟎',
// '٠' …), so that two digits of one number in different forms are told
// apart; one form for all of ⑫-like characters, one for Chinese numerals.
constexpr char32_t kNoForm = 0xFFFFFFFF;
constexpr char32_t kNumeralForm = 0xFFFFFFFE;
constexpr char32_t kCompoundForm = 0xFFFFFFFD;
char32_t FormOf(char32_t cp, CharKind kind) {
  if (kind == CharKind::kChineseNumeral) return kNumeralForm;
  if (kind == CharKind::kDigits) return kCompoundForm;
  return cp - static_cast<char32_t>(unicode::DigitValue(cp));
}

// The length of the ANSI CSI sequence (ESC [ params intermediates final)
// starting at `pos`, or 0.
size_t AnsiSequenceLength(absl::string_view text, size_t pos) {
  if (pos + 2 >= text.size() || text[pos] != '\x1b' || text[pos + 1] != '[') return 0;
  size_t i = pos + 2;
  const size_t limit = std::min(text.size(), pos + kMaxAnsiSequence);
  while (i < limit && text[i] >= 0x30 && text[i] <= 0x3F) ++i;  // parameters
  while (i < limit && text[i] >= 0x20 && text[i] <= 0x2F) ++i;  // intermediates
  if (i < limit && text[i] >= 0x40 && text[i] <= 0x7E) return i + 1 - pos;  // final
  return 0;
}

// How a code point looks to the number-aware rules.
enum class Role {
  kDigitLike,    // a digit, numeral or multi-digit character
  kSeparator,    // space, dash, dot, slash, other number punctuation
  kTransparent,  // ignorable, invisible: looked through in a number
  kOther,
};

Role RoleOf(char32_t cp, CharKind kind) {
  if (IsMarkup(cp)) return Role::kTransparent;
  switch (kind) {
    case CharKind::kDigit:
    case CharKind::kDigits:
    case CharKind::kChineseNumeral:
      return Role::kDigitLike;
    case CharKind::kSpace:
    case CharKind::kDash:
    case CharKind::kDot:
    case CharKind::kSlash:
      return Role::kSeparator;
    case CharKind::kIgnorable:
    case CharKind::kInvisible:
      return Role::kTransparent;
    default: {
      const char ascii = cp < 0x80 ? static_cast<char>(cp) : unicode::AsciiFold(cp);
      return IsNumberPunctuation(ascii) ? Role::kSeparator : Role::kOther;
    }
  }
}

}  // namespace

// Folds one text into a view (see the header for the rules). Each input
// byte is looked at a bounded number of times: lookaheads (the end of a run
// of transparent characters, the digits of a run holding numerals) are
// computed once per run and remembered.
class DetectionView::Builder {
 public:
  Builder(absl::string_view in, DetectionView* view) : in_(in), v_(*view) {}

  void Run() {
    const size_t n = in_.size();
    while (pos_ < n) {
      const unsigned char byte = static_cast<unsigned char>(in_[pos_]);
      if (byte >= 0x20 && byte < 0x7F) {
        if (IsAsciiMarkup(byte)) {
          const size_t tag = TagLength(in_, pos_);
          KeptMarkup(tag > 0 ? tag : 1);
        } else if (byte >= '0' && byte <= '9') {
          FormChange(U'0', 1);
          Kept(static_cast<char>(byte), 1);  // printable ASCII: as is
          NoteForm(U'0');
        } else {
          KeptPlainAscii();
        }
        continue;
      }
      if (byte == 0x1B) {
        if (const size_t ansi = AnsiSequenceLength(in_, pos_); ansi > 0) {
          Drop(ansi);
          continue;
        }
      }
      if (KeptHan()) continue;
      size_t len = 1;
      const char32_t cp = byte < 0x80 ? byte : DecodeUtf8(in_, pos_, &len);
      Fold(cp, len);
    }
    Finish();
  }

 private:
  void Fold(char32_t cp, size_t len) {
    if (IsAsciiAlnum(last_) && last_end_ == pos_ && IsAttachedMark(cp)) return Attach(len);
    const CharKind kind = unicode::KindOf(cp);
    switch (kind) {
      case CharKind::kIgnorable:
        return Drop(len);
      case CharKind::kInvisible:
        if (InNumberAhead()) {
          if (IsAsciiDigit(last_) && IsPictograph(cp)) SoftBreak(/*form_change=*/false);
          return Drop(len);
        }
        if (InCodeAhead(cp)) return Drop(len);
        return Kept(0, len);
      case CharKind::kDigit:
      case CharKind::kDigits:
        FormChange(FormOf(cp, kind), len);
        if (cp < 0x80) {
          Kept(static_cast<char>(cp), len);
        } else {
          Replace(unicode::DigitsText(cp), len);
        }
        return NoteForm(FormOf(cp, kind));
      case CharKind::kChineseNumeral:
        if (NumeralsFoldHere()) {
          const char digit = static_cast<char>('0' + unicode::DigitValue(cp));
          FormChange(kNumeralForm, len);
          Replace(absl::string_view(&digit, 1), len);
          return NoteForm(kNumeralForm);
        }
        return Kept(0, len);
      case CharKind::kXLookalike:
        if (IsAsciiDigit(last_)) return Replace("X", len);
        break;
      case CharKind::kAt:
        if (cp >= 0x80) return Replace("@", len);
        break;
      case CharKind::kSpace:
        if (cp >= 0x80) return Replace(" ", len);
        return Kept(' ', len);
      case CharKind::kDash:
        if (cp >= 0x80) return Replace("-", len);
        return Kept('-', len);
      case CharKind::kSlash:
        if (cp >= 0x80) return Replace("/", len);
        return Kept('/', len);
      case CharKind::kDot:
        if (cp < 0x80) return Kept('.', len);
        // Markup is looked through on both sides ("“5187”·7093").
        if (IsAsciiAlnum(last_unmarked_) && NextIsAlnum(pos_ + len)) {
          return Replace(".", len);
        }
        return Kept(0, len);
      default:
        break;  // (Han ideographs never get here: KeptHan() took them)
    }
    if (IsMarkup(cp)) return KeptMarkup(len);
    if (cp < 0x80) return Kept(static_cast<char>(cp), len);
    if (const char ascii = unicode::AsciiFold(cp); ascii != 0) {
      return Replace(absl::string_view(&ascii, 1), len);
    }
    Kept(0, len);
  }

  // True when the transparent character at pos_ sits inside a number: the
  // view so far ends in a number and the next character that is not
  // transparent continues it, or the view ends in a separator and a digit
  // follows. Decided once for each run of transparent characters.
  bool InNumberAhead() {
    if (pos_ >= transparent_until_) {
      size_t p = pos_;
      char32_t next = 0;
      CharKind next_kind = CharKind::kOther;
      while (p < in_.size()) {
        if (const size_t ansi = AnsiSequenceLength(in_, p); ansi > 0) {
          p += ansi;
          continue;
        }
        size_t len = 1;
        next = static_cast<unsigned char>(in_[p]) < 0x80 ? static_cast<unsigned char>(in_[p])
                                                         : DecodeUtf8(in_, p, &len);
        next_kind = unicode::KindOf(next);
        if (RoleOf(next, next_kind) != Role::kTransparent) break;
        p += len;
        next = 0;
      }
      transparent_until_ = p;
      const Role next_role = next == 0 ? Role::kOther : RoleOf(next, next_kind);
      // After a separator the run is dropped before a digit whatever stands
      // before the separator ("a0.\uFFFD1.1.1.1" reads as "[EMAIL].\uFFFD1…"
      // does once the e-mail is redacted).
      transparent_in_number_ =
          (in_number_ && (next_role == Role::kDigitLike || next_role == Role::kSeparator)) ||
          (IsViewSeparator(last_) && next_role == Role::kDigitLike);
      // Between two letters or digits of a code ("525101073D\x01DDP2D93G").
      const char next_ascii = next < 0x80 ? static_cast<char>(next) : unicode::AsciiFold(next);
      transparent_in_code_ = IsAsciiAlnum(last_) &&
                             (next_role == Role::kDigitLike || IsAsciiAlnum(next_ascii));
    }
    return transparent_in_number_;
  }

  // True when the invisible character at pos_ stands between two ASCII
  // letters or digits (after InNumberAhead() looked ahead): controls and
  // U+FFFD inside a code are dropped; pictographs between words stay.
  bool InCodeAhead(char32_t cp) {
    InNumberAhead();
    return transparent_in_code_ && !IsPictograph(cp);
  }

  // True when the Chinese numerals starting at pos_ (up to the next other
  // digit; separators and invisibles between them allowed) stand for digits:
  // in a run of at least kMinNumeralRunDigits digits and numerals (counting
  // those already in the view's current number), when there are three or
  // more of them, or digits touch them on both sides in a block no longer
  // than a value ("138一2345678": not "1111三 1380…", where the numeral may
  // be a word; the block is what no separator splits, so that the groups
  // before "13912345757 1327206一613" do not change how its last group
  // reads, nor does their redaction), or the run is
  // written in mixed forms anyway ("1柒𝟸८𝟗⑸𝟡9⑵१六"). One or two numerals
  // at the edge of a number written in one form are words: "13800138000
  // 一直打不通" ("always"), "壹贰4111 1111 1111 1111". Decided once for each
  // sequence of numerals.
  bool NumeralsFoldHere() {
    if (pos_ < numeral_run_until_) return numeral_run_folds_;
    // Digits touching the numerals on both sides (no separator, no
    // pictograph between) make them one number's digits.
    const bool after_break = !v_.soft_breaks_.empty() && v_.soft_breaks_.back().at == ViewPos();
    const bool in_number = in_number_ && run_digits_ > 0 && !after_break;
    const bool digit_before = in_number && IsAsciiDigit(last_);
    int digits = in_number ? run_digits_ : 0;
    bool mixed = in_number && number_mixed_;
    char32_t form = in_number ? number_form_ : kNoForm;
    bool touching = true;  // nothing but numerals (and invisibles) so far
    int numerals = 0;         // of this sequence
    // The digits of the block the numerals touch: those just before them
    // and those after, up to the first separator.
    int block_digits = digit_before ? group_digits_ : 0;
    bool block_ended = false;
    size_t sequence_end = 0;  // where this sequence ends; 0 while in it
    bool pictograph_after = false;
    size_t p = pos_;
    while (p < in_.size()) {
      if (const size_t ansi = AnsiSequenceLength(in_, p); ansi > 0) {
        p += ansi;
        continue;
      }
      if (const size_t tag = TagLength(in_, p); tag > 0) {
        p += tag;  // markup, like a quote
        continue;
      }
      size_t len = 1;
      const char32_t cp = static_cast<unsigned char>(in_[p]) < 0x80
                              ? static_cast<unsigned char>(in_[p])
                              : DecodeUtf8(in_, p, &len);
      const CharKind kind = unicode::KindOf(cp);
      const Role role = RoleOf(cp, kind);
      if (role == Role::kOther) break;
      if (role == Role::kTransparent && IsPictograph(cp) && sequence_end == 0) {
        sequence_end = p;  // the numerals end at a boundary, not at a digit
        pictograph_after = true;
      }
      if (role == Role::kSeparator && sequence_end == 0) touching = false;
      if (role == Role::kSeparator) block_ended = true;
      if (role == Role::kDigitLike && kind == CharKind::kChineseNumeral && sequence_end == 0) {
        touching = true;
      }
      if (role == Role::kDigitLike) {
        digits += kind == CharKind::kDigits ? 2 : 1;
        if (!block_ended) block_digits += kind == CharKind::kDigits ? 2 : 1;
        if (kind == CharKind::kChineseNumeral) {
          if (sequence_end == 0) {
            ++numerals;
          } else {
            mixed = true;  // numerals again after other digits
          }
        } else {
          if (sequence_end == 0) sequence_end = p;
          const char32_t f = FormOf(cp, kind);
          mixed = mixed || (form != kNoForm && f != form);
          form = f;
        }
      }
      p += len;
    }
    const bool digit_after = sequence_end != 0 && !pictograph_after && touching;
    numeral_run_until_ = sequence_end != 0 ? sequence_end : p;
    numeral_run_folds_ = digits >= kMinNumeralRunDigits &&
                         (numerals >= 3 || mixed ||
                          (digit_before && digit_after &&
                           block_digits <= kMaxTouchingRunDigits));
    return numeral_run_folds_;
  }

  // Remembers the form of a digit just added to the view's current number.
  void NoteForm(char32_t form) {
    if (number_form_ != kNoForm && form != number_form_) number_mixed_ = true;
    form_digits_ = form == number_form_ ? form_digits_ + 1 : 1;
    number_form_ = form;
  }

  // Before a digit of `form` (`len` bytes at pos_): where at least
  // kMinFormSegment digits of one form meet at least as many of another
  // ("𝟏𝟑𝟖13800138000", "一三八13800138000"), the change of form is a soft
  // break. Digits mixed one by one ("1柒𝟸८𝟗⑸") make none.
  void FormChange(char32_t form, size_t len) {
    if (!IsAsciiDigit(last_) || form == number_form_ || form_digits_ < kMinFormSegment) return;
    int ahead = 1;
    for (size_t p = pos_ + len; ahead < kMinFormSegment && p < in_.size(); ++ahead) {
      size_t next_len = 1;
      const char32_t cp = static_cast<unsigned char>(in_[p]) < 0x80
                              ? static_cast<unsigned char>(in_[p])
                              : DecodeUtf8(in_, p, &next_len);
      const CharKind kind = unicode::KindOf(cp);
      if (kind != CharKind::kDigit && kind != CharKind::kDigits &&
          kind != CharKind::kChineseNumeral) {
        break;
      }
      if (FormOf(cp, kind) != form) break;
      p += next_len;
    }
    if (ahead >= kMinFormSegment) SoftBreak(/*form_change=*/true);
  }

  // True when the next character from `p` that is not transparent (an
  // ignorable, an invisible, markup) folds to an ASCII letter or digit, or
  // is a Chinese numeral.
  bool NextIsAlnum(size_t p) const {
    for (int looked = 0; p < in_.size() && looked < 8; ++looked) {
      size_t len = 1;
      const char32_t cp = static_cast<unsigned char>(in_[p]) < 0x80
                              ? static_cast<unsigned char>(in_[p])
                              : DecodeUtf8(in_, p, &len);
      const CharKind kind = unicode::KindOf(cp);
      if (RoleOf(cp, kind) == Role::kTransparent) {
        p += len;
        continue;
      }
      if (kind == CharKind::kDigit || kind == CharKind::kDigits ||
          kind == CharKind::kChineseNumeral) {
        return true;
      }
      const char ascii = cp < 0x80 ? static_cast<char>(cp) : unicode::AsciiFold(cp);
      return IsAsciiAlnum(ascii);
    }
    return false;
  }

  // The character [pos_, pos_ + len) stays as it is; `view` is its last
  // byte when it is ASCII, else 0.
  void Kept(char view, size_t len) {
    pos_ += len;
    last_end_ = pos_;
    Note(view);
  }

  // Keeps the run of printable ASCII from pos_ that holds no digit and no
  // markup (most of any text) as it is: what Kept() would do byte by byte.
  void KeptPlainAscii() {
    const size_t n = in_.size();
    size_t end = pos_;
    bool ends_number = false;  // a byte other than a separator
    while (end < n) {
      const unsigned char c = static_cast<unsigned char>(in_[end]);
      if (c < 0x20 || c >= 0x7F || (c >= '0' && c <= '9') || IsAsciiMarkup(c)) break;
      ends_number = ends_number || !IsViewSeparator(static_cast<char>(c));
      ++end;
    }
    pos_ = end;
    last_end_ = end;
    last_ = in_[end - 1];
    last_unmarked_ = last_;
    form_digits_ = 0;
    group_digits_ = 0;
    if (ends_number) {
      in_number_ = false;
      run_digits_ = 0;
    }
  }

  // Keeps the run of Han ideographs from pos_ that are not Chinese numerals
  // as it is (what Fold() would do one by one); false when there is none.
  bool KeptHan() {
    size_t end = pos_;
    for (char32_t cp; (cp = HanAt(in_, end)) != 0 && IsPlainHan(cp);) {
      end += 3;
    }
    if (end == pos_) return false;
    pos_ = end;
    last_end_ = end;
    Note(0);
    return true;
  }

  // The mark [pos_, pos_ + len) joins the letter or digit just before it,
  // which ends at pos_: one view character then stands for both.
  void Attach(size_t len) {
    std::vector<Anchor>& anchors = v_.anchors_;
    if (!v_.identity_ && kept_from_ == pos_ && anchors.size() >= 2 &&
        anchors[anchors.size() - 2].orig_len > 0) {
      // The digit is a folded piece: widen it.
      anchors[anchors.size() - 2].orig_len += static_cast<uint32_t>(len);
      anchors.back().orig += static_cast<uint32_t>(len);
      pos_ += len;
    } else {
      // The digit is the last identity byte: make it a piece of its own.
      const size_t digit = pos_ - 1;
      pos_ = digit;
      Depart();
      anchors.push_back({Size(), static_cast<uint32_t>(digit), static_cast<uint32_t>(1 + len)});
      v_.folded_.push_back(in_[digit]);
      pos_ = digit + 1 + len;
      anchors.push_back({Size(), static_cast<uint32_t>(pos_), 0});
    }
    kept_from_ = pos_;
    last_end_ = pos_;
  }

  // A markup character stays as it is without ending the number before it.
  void KeptMarkup(size_t len) {
    last_ = len == 1 ? in_[pos_] : 0;
    pos_ += len;
  }

  // Marks a soft break at the current view position: a pictograph the view
  // drops between two digits ("20😀13800138000"), or a change of the digits'
  // form (FormChange), is visibly a boundary, which the writer may have put
  // inside one value or between two.
  void SoftBreak(bool form_change) {
    std::vector<DetectionView::SoftBreak>& breaks = v_.soft_breaks_;
    const uint32_t at = ViewPos();
    if (breaks.empty() || breaks.back().at != at) breaks.push_back({at, form_change});
  }

  // The character [pos_, pos_ + len) is dropped from the view.
  void Drop(size_t len) {
    Depart();
    pos_ += len;
    kept_from_ = pos_;
    v_.anchors_.push_back({Size(), static_cast<uint32_t>(pos_), 0});
  }

  // The character [pos_, pos_ + len) stands in the view as `ascii`.
  void Replace(absl::string_view ascii, size_t len) {
    Depart();
    v_.anchors_.push_back(
        {Size(), static_cast<uint32_t>(pos_), static_cast<uint32_t>(len)});
    v_.folded_.append(ascii.data(), ascii.size());
    pos_ += len;
    kept_from_ = pos_;
    last_end_ = pos_;
    v_.anchors_.push_back({Size(), static_cast<uint32_t>(pos_), 0});
    for (char c : ascii) Note(c);
  }

  // Tracks whether the view ends in a number (digits, possibly followed by
  // separators) and how many digits that number has.
  void Note(char view) {
    last_ = view;
    last_unmarked_ = view;
    group_digits_ = IsAsciiDigit(view) ? group_digits_ + 1 : 0;
    if (IsAsciiDigit(view)) {
      if (!in_number_) {
        number_form_ = kNoForm;
        number_mixed_ = false;
      }
      run_digits_ = in_number_ ? run_digits_ + 1 : 1;
      in_number_ = true;
    } else {
      form_digits_ = 0;
      if (!IsViewSeparator(view)) {
        in_number_ = false;
        run_digits_ = 0;
      }
    }
  }

  // The view departs from the original at pos_: copy the identity bytes
  // pending since the last departure.
  void Depart() {
    if (v_.identity_) {
      v_.identity_ = false;
      v_.folded_.reserve(in_.size());
      v_.anchors_.push_back({0, 0, 0});
    }
    v_.folded_.append(in_.data() + kept_from_, pos_ - kept_from_);
  }

  void Finish() {
    if (!v_.identity_) {
      v_.folded_.append(in_.data() + kept_from_, in_.size() - kept_from_);
      v_.text_ = v_.folded_;
    }
  }

  uint32_t Size() const { return static_cast<uint32_t>(v_.folded_.size()); }
  // The view position of pos_ (identity bytes pending included).
  uint32_t ViewPos() const {
    return v_.identity_ ? static_cast<uint32_t>(pos_)
                        : Size() + static_cast<uint32_t>(pos_ - kept_from_);
  }

  const absl::string_view in_;
  DetectionView& v_;
  size_t pos_ = 0;
  size_t kept_from_ = 0;  // identity bytes [kept_from_, pos_) are pending
  char last_ = 0;         // the view's last byte (0: not ASCII)
  char last_unmarked_ = 0;  // the same, markup skipped
  size_t last_end_ = 0;   // where the character behind it ends in the input
  bool in_number_ = false;
  int run_digits_ = 0;
  int group_digits_ = 0;  // digits at the view's end since its last other byte
  char32_t number_form_ = kNoForm;  // of the current number's last digit
  bool number_mixed_ = false;       // its digits have more than one form
  int form_digits_ = 0;             // adjacent digits of number_form_ last
  size_t transparent_until_ = 0;
  bool transparent_in_number_ = false;
  bool transparent_in_code_ = false;
  size_t numeral_run_until_ = 0;
  bool numeral_run_folds_ = false;
};

void DetectionView::Build(absl::string_view original) {
  identity_ = true;
  text_ = original;
  folded_.clear();
  anchors_.clear();
  soft_breaks_.clear();
  Builder(original, this).Run();
}

const DetectionView::Anchor& DetectionView::AnchorFor(size_t view_pos) const {
  // The last anchor whose view position is <= view_pos. Identity anchors
  // that share a position with a later folded anchor lose to it.
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), view_pos,
                             [](size_t v, const Anchor& a) { return v < a.view; });
  --it;
  return *it;
}

std::pair<size_t, size_t> DetectionView::OriginalSpan(size_t view_start,
                                                       size_t view_end) const {
  if (identity_) return {view_start, view_end};
  const Anchor& a = AnchorFor(view_start);
  const size_t start = a.orig_len ? a.orig : a.orig + (view_start - a.view);
  const Anchor& b = AnchorFor(view_end - 1);
  const size_t end = b.orig_len ? b.orig + b.orig_len : b.orig + (view_end - b.view);
  return {start, end};
}

std::string FoldForDetection(absl::string_view text) {
  DetectionView view;
  view.Build(text);
  return std::string(view.text());
}

}  // namespace scrub::internal
