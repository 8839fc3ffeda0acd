#!/usr/bin/env bash
# Runs every benchmark of the SDK and prints one table of medians, ratios and verdicts (see BENCHMARKS.md).
# Usage: benchmarks/run.sh [--reps N] [--only 1,2,3,4,5,6,micro]
# Set-up: installs Debian's AWS CLI (package awscli, the peer of benchmark 2) when /usr/bin/aws is missing, then
# builds the modules the benchmarks need (tests skipped) and starts the harness with plain java.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

AWS_CLI=/usr/bin/aws
if [ ! -x "$AWS_CLI" ]; then
    echo "Installing Debian's awscli package for the peer benchmark..." >&2
    if ! { apt-get update -q >/dev/null && apt-get install -y -q awscli >/dev/null; }; then
        echo "Could not install awscli: the peer benchmark will be reported as not measured." >&2
    fi
fi

mvn -B -q -pl benchmarks -am package -DskipTests
exec java -Xms1g -Xmx4g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dbenchmarks.aws.cli="$AWS_CLI" \
    -Dbenchmarks.results=benchmarks/target/benchmark-results.md \
    -cp "benchmarks/target/classes:benchmarks/target/lib/*" io.cloudconnector.benchmarks.BenchmarkMain "$@"
