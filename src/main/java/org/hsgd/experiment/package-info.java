/**
 * Experiments as a library: immutable, typed specs (problem, data, partition, hierarchy or explicit
 * groups, grouping strategy, run settings, variants, seeds) that build their own problems; the
 * runner that turns a spec into runs; {@link org.hsgd.experiment.RunBounds}, the one place that
 * evaluates theory at a run; {@link org.hsgd.experiment.DataSources}, the seam through which
 * datasets kept in files reach a run on any engine; and studies as replicates on an {@link
 * org.hsgd.experiment.Engine}. No command-line code, no file output.
 */
package org.hsgd.experiment;
