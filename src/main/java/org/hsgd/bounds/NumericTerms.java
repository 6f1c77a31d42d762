package org.hsgd.bounds;

/**
 * The numeric bound at one step size and horizon (docs/theory.md, section 8):
 *
 * <pre>
 * (1/T) sum_{t&lt;T} E|grad f(u_t)|^2 &lt;= [X + c2(rho) Y] / c1(rho)
 * </pre>
 *
 * with X = 2 Delta / (gamma T) + gamma L sigma^2 / n, Y = L^2 (1/T) sum_{t&lt;T} e_t, q = 1 - gamma
 * L, c1 = 1 + q (1 - rho), c2 = 1 + q (1/rho - 1), at the rho in (0, 1] that minimises it.
 *
 * @param stepSize gamma
 * @param stepSizeValid whether 0 &lt; gamma &lt;= 1/L, i.e. the value is a proven guarantee
 * @param xPart X / c1(rho): optimisation and noise
 * @param drift c2(rho) Y / c1(rho): what the deviation of the workers from u_t adds
 * @param rho the optimal rho (0 when Y = 0: the infimum, approached as rho goes to 0)
 */
public record NumericTerms(
    double stepSize, boolean stepSizeValid, double xPart, double drift, double rho) {

  /** The bound. */
  public double total() {
    return xPart + drift;
  }
}
