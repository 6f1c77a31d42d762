/**
 * Worst-case convergence bounds of K-level hierarchical SGD and of local SGD (THEORY.md,
 * docs/theory.md), the random-grouping sandwich, the step size minimising a bound, the horizon
 * reaching a target and a communication cost model. Pure computation: no I/O.
 *
 * <p>Units: every period and every horizon counts iterations (local SGD steps of every worker),
 * never epochs or batches.
 */
package org.hsgd.bounds;
