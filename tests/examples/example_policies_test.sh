#!/usr/bin/env bash
# Runs every policy in examples/policies/ on the sample chat and checks the
# result line by line, plus `scrub policy check` on each.
set -uo pipefail
SCRUB="$1"
DIR="$(dirname "$2")"
failures=0
check() {  # name expected actual
  if [ "$2" != "$3" ]; then
    echo "FAIL: $1" >&2; echo "  expected: $2" >&2; echo "  actual:   $3" >&2
    failures=$((failures + 1))
  fi
}
for p in chat strict logs; do
  out=$("$SCRUB" policy check "$DIR/$p.textproto") || { echo "FAIL: check $p" >&2; failures=$((failures + 1)); }
  case "$out" in *": ok (policy \"$p\""*) ;; *) echo "FAIL: check output $out" >&2; failures=$((failures + 1));; esac
done

chat=$("$SCRUB" redact --policy "$DIR/chat.textproto" "$DIR/sample_chat.txt")
check "chat line 1" '我的身份证号是[CN_RESIDENT_ID]，电话138-****-5678' "$(sed -n 1p <<< "$chat")"
check "chat line 2" '客服热线 400-810-8888，卡号 **** **** **** ***0 128' "$(sed -n 2p <<< "$chat")"
check "chat line 3" '邮箱 [邮箱已隐藏]' "$(sed -n 3p <<< "$chat")"
check "chat line 4" '今天天气不错' "$(sed -n 4p <<< "$chat")"

strict=$("$SCRUB" redact --policy "$DIR/strict.textproto" "$DIR/sample_chat.txt")
check "strict blocks the identity bundle" '[scrub:blocked]' "$(sed -n 1p <<< "$strict")"
check "strict redacts the rest" '邮箱 [EMAIL]' "$(sed -n 3p <<< "$strict")"
reason=$("$SCRUB" inspect --policy "$DIR/strict.textproto" "$DIR/sample_chat.txt" | sed -n 1p)
case "$reason" in *'"reason":"block_rule","detail":"block rule \"identity bundle\""'*) ;;
  *) echo "FAIL: strict reason: $reason" >&2; failures=$((failures + 1));; esac

logs=$("$SCRUB" redact --policy "$DIR/logs.textproto" "$DIR/sample_chat.txt")
line1=$(sed -n 1p <<< "$logs")
[[ "$line1" =~ ^我的身份证号是tok_cn_resident_id_k1_[0-9a-f]{16}，电话tok_cn_mobile_k1_[0-9a-f]{16}$ ]] ||
  { echo "FAIL: logs line 1: $line1" >&2; failures=$((failures + 1)); }
# Stable pseudonyms: the same number in another format gets the same token.
a=$(printf '13812345678\n' | "$SCRUB" redact --policy "$DIR/logs.textproto")
b=$(printf '１３８－１２３４－５６７８\n' | "$SCRUB" redact --policy "$DIR/logs.textproto")
check "logs tokens are stable across formats" "$a" "$b"
check "logs token matches the chat line" "电话$a" "$(grep -o '电话tok_cn_mobile_k1_[0-9a-f]*' <<< "$line1")"
case "$logs" in *13812345678*|*11010519491231002X*|*zhang.san*) echo "FAIL: a value leaked" >&2; failures=$((failures + 1));; esac

[ "$failures" -eq 0 ] || exit 1
echo "example policies ok"
