/**
 * The H-SGD simulator: workers take minibatch SGD steps on real objectives (quadratics with exact
 * constants, logistic regression, an MLP), groups average at their periods, and the quantities of
 * the theory are measured at the global average u_t. Models are flat {@code double[]}s; the hot
 * loops allocate nothing and run in parallel across workers, deterministically for any thread
 * count.
 */
package org.hsgd.sim;
