package org.hsgd.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels and the plain loops give the same bits, so results never depend on the
 * module; and the plain loops compute what they promise.
 */
class RowKernelsTest {
  private static final int[] WIDTHS = {1, 3, 4, 10, 31, 32, 33, 64, 67, 100};
  private final Random random = new Random(3);

  private double[] values(int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4);
    }
    return a;
  }

  @Test
  void vectorAndScalarGatherAgreeToTheLastBit() {
    assertTrue(
        RowKernels.VECTOR, "the tests run with --add-modules jdk.incubator.vector (pom.xml)");
    for (int width : WIDTHS) {
      int rows = 9;
      double[] w = values(rows * width);
      int[] feature = {0, 2, 3, 5, 8};
      float[] value = {0.5f, -1.25f, 3f, 0.1f, 7.7f};
      double[] out = values(width + 7);
      double[] scalar = out.clone();
      double[] vector = out.clone();
      RowKernels.gatherScalar(scalar, 2, 0, w, width, feature, value, 1, 5);
      VectorRowKernels.gather(vector, 2, w, width, feature, value, 1, 5);
      assertArrayEquals(scalar, vector, "width " + width);
    }
  }

  @Test
  void vectorAndScalarScatterAgreeToTheLastBit() {
    for (int width : WIDTHS) {
      int stride = width + 5;
      double[] delta = values(6 * stride);
      int[] slot = {4, 0, 5, 2};
      double[] value = {0.3, -2, 1.5, 0.25};
      double[] w = values(width + 9);
      double[] scalar = w.clone();
      double[] vector = w.clone();
      RowKernels.scatterScalar(scalar, 3, 0, width, -0.7, slot, value, 0, 4, delta, stride, 2);
      VectorRowKernels.scatter(vector, 3, width, -0.7, slot, value, 0, 4, delta, stride, 2);
      assertArrayEquals(scalar, vector, "width " + width);
    }
  }

  @Test
  void gatherAddsEachSparseInputTimesItsWeightRow() {
    // Two features of a 3 x 2 matrix: out += 2 * row 0 + 0.5 * row 2.
    double[] w = {1, 2, 3, 4, 5, 6};
    double[] out = {10, 20};
    RowKernels.gather(out, 0, w, 2, new int[] {0, 2}, new float[] {2, 0.5f}, 0, 2);
    assertArrayEquals(new double[] {10 + 2 + 2.5, 20 + 4 + 3}, out);
  }

  @Test
  void scatterAddsTheScaledOuterProductToOneRow() {
    // Row at offset 2 of w (width 2) += -0.5 * (4 * delta slot 1 + 2 * delta slot 0).
    double[] w = {0, 0, 1, 1};
    double[] delta = {1, 3, 10, 20};
    RowKernels.scatter(w, 2, 2, -0.5, new int[] {1, 0}, new double[] {4, 2}, 0, 2, delta, 2, 0);
    assertArrayEquals(new double[] {0, 0, 1 - 20 - 1, 1 - 40 - 3}, w);
    assertEquals(0, w[0]);
  }
}
