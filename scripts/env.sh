# Sourced by the scripts: puts the project's tools on PATH.
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
BROADSHEET_TOOLS="$(pwd)/target/tools"
export BROADSHEET_TOOLS
export PATH="$BROADSHEET_TOOLS/node_modules/.bin:$CARGO_HOME/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$(pwd)/tests/webdriver.json"
# The dated nightly that compiles the release wasm only (scripts/build,
# docs/benchmarks.md "A lighter wasm"); everything native stays on stable.
export BROADSHEET_NIGHTLY=nightly-2026-10-15
