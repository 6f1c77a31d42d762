/**
 * hsgd: convergence bounds, simulations and checks for hierarchical SGD.
 *
 * <p>{@code bounds} computes the worst-case bounds of THEORY.md and is free of I/O; {@code report}
 * turns results into tables, plots and manifests; {@code cli} is the command line on top of both.
 * Every invalid input is reported by one exception type, {@link org.hsgd.InvalidInputException}.
 */
package org.hsgd;
