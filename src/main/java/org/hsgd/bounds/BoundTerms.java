package org.hsgd.bounds;

/**
 * The four terms of the bound B on (1/T) sum_t E|grad f(u_t)|^2.
 *
 * @param optimization 2 Delta / (gamma T)
 * @param noise gamma L sigma^2 / n
 * @param noiseDrift 2 gamma^2 L^2 sigma^2 sum_k (P_k - 1)(N_{k-1} - N_k) / n
 * @param divergenceDrift (4/3) gamma^2 L^2 sum_k (P_k - 1)(2 P_k - 1) eps_k^2
 */
public record BoundTerms(
    double optimization, double noise, double noiseDrift, double divergenceDrift) {

  /** B, the sum of the four terms. */
  public double total() {
    return optimization + noise + noiseDrift + divergenceDrift;
  }
}
