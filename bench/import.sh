#!/usr/bin/env bash
# How long `upskill import-employees` takes on SQLite (release build) for a whole
# company: it generates an HR export of PEOPLE people (default 300,000) with a realistic
# management tree (eight reports per manager, six levels deep, rows in shuffled order so
# most managers come after their reports), then times three imports into a fresh
# database:
#   1. everyone new;
#   2. the same file again (nothing changes);
#   3. a file where 1% of people changed title and 0.1% changed manager;
#   4. a full HR file without 3% of the people, with --deactivate-missing (they leave).
# Each run includes the preview and the commit (the commit checks the file again).
#
#   bench/import.sh [PEOPLE]
set -euo pipefail
cd "$(dirname "$0")/.."

people=${1:-300000}
cargo build --release --quiet
binary=./target/release/upskill

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

awk -v n="$people" 'BEGIN {
  split("fulfillment operations corporate technical retail transportation", family, " ")
  split("fulfillment_center fulfillment_center corporate_office tech_hub retail_store transportation_network", site, " ")
  split("Associate Coordinator Analyst Engineer Sales_Associate Driver", title, " ")
  split("Ada Ben Cleo Dev Eva Finn Gita Hugo Ines Jon Kira Liam Mona Nils Olga Pia Raj Sara Tom Uma", first, " ")
  split("Abbott Baker Chen Diaz Evans Fox Garcia Hall Ito Jones Khan Lopez Miller Nowak Ortiz Patel Quinn Rossi Smith Tran", last, " ")
  print "email,display_name,job_title,job_family,site_type,employment_type,hire_date,manager_email,is_admin"
  # A step coprime with n visits every person once, in shuffled order.
  step = 7919
  while (gcd(step, n) != 1) step += 2
  for (k = 0; k < n; k++) {
    i = (k * step) % n
    f = i % 6 + 1
    job = (i < n / 8) ? "Manager" : title[f]
    gsub("_", " ", job)
    manager = (i == 0) ? "" : sprintf("p%07d@bench.example", int((i - 1) / 8))
    printf "p%07d@bench.example,%s %s,%s,%s,%s,%s,%04d-%02d-%02d,%s,%s\n", i, first[i % 20 + 1], last[int(i / 20) % 20 + 1], job, family[f], site[f], (i % 5 == 0) ? "part_time" : "full_time", 2010 + i % 15, 1 + i % 12, 1 + i % 28, manager, (i < 3) ? "yes" : "no"
  }
}
function gcd(a, b) { while (b) { t = b; b = a % b; a = t }; return a }' > "$work/people.csv"

# 1% new titles; 0.1% move under another manager (someone earlier in the tree: no cycles).
awk -F, -v OFS=, 'NR > 1 && (NR % 100 == 0) { $3 = "Senior " $3 }
  NR > 1 && (NR % 1000 == 0) { id = substr($1, 2, 7) + 0; if (id > 100) $8 = sprintf("p%07d@bench.example", int(id / 64)) }
  { print }' "$work/people.csv" > "$work/changed.csv"

# About 3% of the people (no manager) gone from the next full file.
awk -F, 'NR == 1 || $3 ~ /Manager/ || NR % 33 != 0' "$work/changed.csv" > "$work/leavers.csv"

echo "generated $(($(wc -l < "$work/people.csv") - 1)) people ($(du -h "$work/people.csv" | cut -f1)) on $(nproc) cores" >&2

run() { # label file [options]
  local start end
  start=$(date +%s.%N)
  "$binary" import-employees "$2" --database-url "$work/bench.db" "${@:3}" > "$work/out.txt" 2>&1 \
    || { cat "$work/out.txt" >&2; exit 1; }
  end=$(date +%s.%N)
  printf '%-34s %6.1f s   %s\n' "$1" "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" \
    "$(grep '^Imported' "$work/out.txt" | cut -c1-90)" >&2
}

export RUST_LOG=warn
run "first import (everyone new)" "$work/people.csv"
run "same file again (no change)" "$work/people.csv"
run "1% changed, 0.1% new manager" "$work/changed.csv"
run "3% gone, --deactivate-missing" "$work/leavers.csv" --deactivate-missing
echo "database: $(du -h "$work/bench.db" | cut -f1)" >&2
