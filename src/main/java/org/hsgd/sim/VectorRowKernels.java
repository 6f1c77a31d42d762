package org.hsgd.sim;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernels} on the Vector API; loaded only when its module is present. It keeps a block of
 * eight vectors of the output in registers while it runs over all the terms, so the output is
 * loaded and stored once per block rather than once per term; elements past the last whole block go
 * one vector, then one element, at a time. Every lane multiplies then adds (not a fused
 * multiply-add): the same two roundings as the plain loop, hence the same bits.
 */
final class VectorRowKernels {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();
  private static final int BLOCK = 8 * LANES;

  private VectorRowKernels() {}

  static void addRows(
      double[] out,
      int o,
      int width,
      double[] rows,
      int[] row,
      int stride,
      int offset,
      float[] coefficient,
      double scale,
      int from,
      int to) {
    int i = 0;
    for (; i + BLOCK <= width; i += BLOCK) {
      int at = o + i;
      DoubleVector a0 = DoubleVector.fromArray(SPECIES, out, at);
      DoubleVector a1 = DoubleVector.fromArray(SPECIES, out, at + LANES);
      DoubleVector a2 = DoubleVector.fromArray(SPECIES, out, at + 2 * LANES);
      DoubleVector a3 = DoubleVector.fromArray(SPECIES, out, at + 3 * LANES);
      DoubleVector a4 = DoubleVector.fromArray(SPECIES, out, at + 4 * LANES);
      DoubleVector a5 = DoubleVector.fromArray(SPECIES, out, at + 5 * LANES);
      DoubleVector a6 = DoubleVector.fromArray(SPECIES, out, at + 6 * LANES);
      DoubleVector a7 = DoubleVector.fromArray(SPECIES, out, at + 7 * LANES);
      for (int k = from; k < to; k++) {
        DoubleVector v = DoubleVector.broadcast(SPECIES, scale * coefficient[k]);
        int r = row[k] * stride + offset + i;
        a0 = a0.add(DoubleVector.fromArray(SPECIES, rows, r).mul(v));
        a1 = a1.add(DoubleVector.fromArray(SPECIES, rows, r + LANES).mul(v));
        a2 = a2.add(DoubleVector.fromArray(SPECIES, rows, r + 2 * LANES).mul(v));
        a3 = a3.add(DoubleVector.fromArray(SPECIES, rows, r + 3 * LANES).mul(v));
        a4 = a4.add(DoubleVector.fromArray(SPECIES, rows, r + 4 * LANES).mul(v));
        a5 = a5.add(DoubleVector.fromArray(SPECIES, rows, r + 5 * LANES).mul(v));
        a6 = a6.add(DoubleVector.fromArray(SPECIES, rows, r + 6 * LANES).mul(v));
        a7 = a7.add(DoubleVector.fromArray(SPECIES, rows, r + 7 * LANES).mul(v));
      }
      a0.intoArray(out, at);
      a1.intoArray(out, at + LANES);
      a2.intoArray(out, at + 2 * LANES);
      a3.intoArray(out, at + 3 * LANES);
      a4.intoArray(out, at + 4 * LANES);
      a5.intoArray(out, at + 5 * LANES);
      a6.intoArray(out, at + 6 * LANES);
      a7.intoArray(out, at + 7 * LANES);
    }
    for (; i + LANES <= width; i += LANES) {
      DoubleVector a = DoubleVector.fromArray(SPECIES, out, o + i);
      for (int k = from; k < to; k++) {
        int r = row[k] * stride + offset + i;
        a = a.add(DoubleVector.fromArray(SPECIES, rows, r).mul(scale * coefficient[k]));
      }
      a.intoArray(out, o + i);
    }
    RowKernels.addRows(out, o, i, width, rows, row, stride, offset, coefficient, scale, from, to);
  }
}
