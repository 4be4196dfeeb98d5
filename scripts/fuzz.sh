#!/usr/bin/env bash
# Coverage-guided fuzzing of On Record (cargo fuzz / libFuzzer, nightly).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Seeds each target's corpus from the test fixtures, runs it, and prints the
# executions and any crash it found (tests/fuzz/artifacts/<target>/). A crash
# found here becomes a regression test beside the code it broke.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-1800}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(extract html docx pdf eml json session compare)
fi
fuzz=tests/fuzz
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "cargo fuzz is missing: cargo install cargo-fuzz --locked (it runs on the nightly toolchain)" >&2
    exit 2
fi
seed() {
    local target=$1; shift
    mkdir -p "$fuzz/corpus/$target"
    for f in "$@"; do
        [ -f "$f" ] && cp -n "$f" "$fuzz/corpus/$target/" 2>/dev/null || true
    done
}
seed extract tests/fixtures/extract/*.txt tests/fixtures/extract-validation/*.txt assets/samples/*.txt
seed html tests/fixtures/ingest/*.htm* assets/samples/*.html
seed docx tests/fixtures/ingest/*.docx
seed pdf tests/fixtures/ingest/*.pdf
seed eml tests/fixtures/ingest/*.eml
seed json tests/fixtures/ingest/*.json tests/fixtures/ingest/*.jsonl
seed session tests/fixtures/sessions/*.onrecord
seed compare assets/samples/kirby-miller-pakistan.txt
for target in "${targets[@]}"; do
    echo "== $target (${seconds}s)"
    cargo +nightly fuzz run --fuzz-dir "$fuzz" -O "$target" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 \
        2>&1 | tee "$fuzz/$target.log" | grep -E "stat::number_of_executed_units|SUMMARY|ERROR|Done" || true
done
