#!/usr/bin/env bash
# Vendors the front-end files the web app serves, from the npm registry, into the
# package (src/scotrack/web/static/vendor), so that the app needs no CDN and works
# with no internet. Pinned versions; re-run after changing one and commit the result.
#   bash scripts/vendor_frontend.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dest=src/scotrack/web/static/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# package@version, then the files of its package/ folder to keep
vendor() {
  local spec=$1; shift
  local name=${spec%@*}
  (cd "$work" && npm pack --silent "$spec" >/dev/null && mkdir -p "$name" \
    && tar xzf "$name"-*.tgz -C "$name")
  rm -rf "${dest:?}/$name" && mkdir -p "$dest/$name"
  for file in "$@" LICENSE; do
    cp "$work/$name/package/$file" "$dest/$name/"
  done
  echo "$spec" > "$dest/$name/VERSION"
}

# Swagger UI, for the OpenAPI page at /docs
vendor swagger-ui-dist@5.35.0 swagger-ui-bundle.js swagger-ui.css

(cd "$dest" && find . -type f ! -name SHA256SUMS | sort | xargs sha256sum > SHA256SUMS)
echo "vendored into $dest:"
cat "$dest/SHA256SUMS"
