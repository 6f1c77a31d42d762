/**
 * Experiments as a library: an immutable, typed experiment spec (problem, data, partition,
 * hierarchy or explicit groups, grouping strategy, run settings, variants, seeds), the runner that
 * turns a spec into runs, and the bridge from a run to the bound calculator. No command-line code,
 * no file output: notebooks, tests, the checker and the command line all start here.
 */
package org.hsgd.experiment;
