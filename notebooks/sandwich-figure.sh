#!/usr/bin/env bash
# Reproduces the sandwich figure: bounds of local SGD (P = I), H-SGD and local SGD (P = G) under
# random grouping, against the global period G. Writes results/figures/random-grouping-sweep.{csv,png,svg,pdf}
# and a manifest with the exact inputs, git commit and version.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./hsgd bound sweep --config bounds/random-grouping-sweep.yaml --out results/figures
