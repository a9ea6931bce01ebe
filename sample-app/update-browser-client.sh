#!/usr/bin/env bash
# Refreshes the official browser client (socket.io-client's dist/socket.io.min.js, MIT licensed) from npm.
# The file is committed so that running the sample needs only a JDK and Maven; run this to change its version.
set -euo pipefail
version="${1:-4.8.1}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "socket.io-client@$version" > /dev/null && tar -xzf socket.io-client-*.tgz)
cp "$work/package/dist/socket.io.min.js" "$here/src/main/resources/static/js/socket.io.min.js"
echo "socket.io-client $version copied to src/main/resources/static/js/socket.io.min.js"
