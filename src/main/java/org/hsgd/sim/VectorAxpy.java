package org.hsgd.sim;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** {@link Axpy} on the Vector API; loaded only when its module is present. */
final class VectorAxpy {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

  private VectorAxpy() {}

  static void add(double[] out, int o, double v, double[] w, int off, int n) {
    DoubleVector scale = DoubleVector.broadcast(SPECIES, v);
    int i = 0;
    for (int end = SPECIES.loopBound(n); i < end; i += SPECIES.length()) {
      // mul then add, not fma: the same two roundings as the scalar loop, hence the same bits.
      DoubleVector.fromArray(SPECIES, w, off + i)
          .mul(scale)
          .add(DoubleVector.fromArray(SPECIES, out, o + i))
          .intoArray(out, o + i);
    }
    Axpy.scalar(out, o + i, v, w, off + i, n - i);
  }
}
