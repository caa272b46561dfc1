#!/bin/sh
# Builds the deployment package Flex Consumption runs (what `azd deploy` uploads for the api service):
#   infra/package.sh [output.zip]        default: artifacts/pcc-functions.zip
# The zip holds the published app at its root: host.json, functions.metadata, worker.config.json, .azurefunctions/.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-"$root/artifacts/pcc-functions.zip"}
case "$out" in
  /*) ;;
  *) out="$(pwd)/$out" ;;
esac

if ! command -v zip >/dev/null 2>&1; then
  echo "package: zip is needed to build the package (apt-get install zip, or use azd deploy)." >&2
  exit 1
fi

publish=$(mktemp -d)
trap 'rm -rf "$publish"' EXIT

dotnet publish "$root/src/Pcc.Functions" --configuration Release --output "$publish" --nologo
mkdir -p "$(dirname "$out")"
rm -f "$out"
(cd "$publish" && zip -q -r "$out" .)
echo "$out"
