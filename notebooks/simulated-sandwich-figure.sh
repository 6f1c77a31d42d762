#!/usr/bin/env bash
# Reproduces the measured sandwich: |grad f(u_t)|^2 of local SGD (P = I), H-SGD and local SGD
# (P = G) on the non-convex quadratic, averaged over 5 seeds. Writes
# results/figures/simulated-sandwich/grad_norm_sq.{png,svg,pdf}, the per-run CSVs and manifests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./hsgd simulate experiments/quadratic-cos-sandwich.yaml --seeds 5 --out results/figures/simulated-sandwich
