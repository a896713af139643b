#!/usr/bin/env bash
# Fails when a translation is incomplete.
#   check-translations.sh TS_DIR [LUPDATE PROJECT_JSON]
# Without LUPDATE: the committed .ts files must have no unfinished or empty entries.
# With LUPDATE and the project file CMake writes for the spectray_gui_lupdate target: the sources are
# scanned again into temporary copies, so a new tr() string that nobody translated yet fails too.
set -u
dir=$1
lupdate=${2:-}
project=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$dir"/spectray_*.ts "$work"/
if [ -n "$lupdate" ]; then
  if [ ! -f "$project" ]; then
    echo "SKIP: $project not generated (build target spectray_gui_lupdate): the sources were not re-scanned"
    exit 77
  else
    "$lupdate" -project "$project" -no-obsolete -locations none -silent -ts "$work"/spectray_*.ts >/dev/null || exit 1
  fi
fi
status=0
for ts in "$work"/spectray_*.ts; do
  name=$(basename "$ts")
  unfinished=$(grep -c 'type="unfinished"' "$ts")
  empty=$(grep -c '<translation></translation>\|<translation/>' "$ts")
  total=$(grep -c '<source>' "$ts")
  echo "$name: $total messages, $unfinished unfinished, $empty empty"
  if [ "$unfinished" != 0 ] || [ "$empty" != 0 ] || [ "$total" = 0 ]; then
    grep -B2 'type="unfinished"' "$ts" | grep '<source>' | head -20
    status=1
  fi
done
exit $status
