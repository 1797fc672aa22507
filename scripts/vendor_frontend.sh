#!/usr/bin/env bash
# Vendors front-end files from the npm registry, so that nothing needs a CDN or the
# internet: what the web app serves goes into the package
# (src/scotrack/web/static/vendor), what only the tests use into tests/web/vendor.
# Pinned versions; re-run after changing one and commit the result.
#   bash scripts/vendor_frontend.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# destination, package@version, then the files of its package/ folder to keep
# (its LICENSE is always kept)
vendor() {
  local dest=$1 spec=$2; shift 2
  local name=${spec%@*}
  (cd "$work" && npm pack --silent "$spec" >/dev/null && mkdir -p "$name" \
    && tar xzf "$name"-*.tgz -C "$name")
  rm -rf "${dest:?}/$name" && mkdir -p "$dest/$name"
  for file in "$@" LICENSE; do
    cp "$work/$name/package/$file" "$dest/$name/"
  done
  echo "$spec" > "$dest/$name/VERSION"
}

checksums() {
  (cd "$1" && find . -type f ! -name SHA256SUMS | sort | xargs sha256sum > SHA256SUMS)
  echo "vendored into $1:"
  cat "$1/SHA256SUMS"
}

# Swagger UI, for the OpenAPI page at /docs
vendor src/scotrack/web/static/vendor swagger-ui-dist@5.35.0 \
  swagger-ui-bundle.js swagger-ui.css
# world-atlas: Natural Earth 1:110m countries (public domain) as TopoJSON, for the
# map of summit host cities drawn on the server (web/charts/worldmap.py, #17)
vendor src/scotrack/web/static/vendor world-atlas@2.0.2 countries-110m.json
checksums src/scotrack/web/static/vendor

# axe-core, the accessibility checker the browser tests run on every page (#14)
vendor tests/web/vendor axe-core@4.14.1 axe.min.js LICENSE-3RD-PARTY.txt
checksums tests/web/vendor
