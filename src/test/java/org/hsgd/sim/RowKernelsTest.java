package org.hsgd.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernel and the plain loop give the same bits, so results never depend on the
 * module; and the kernel computes what it promises.
 */
class RowKernelsTest {
  private final Random random = new Random(3);

  private double[] values(int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4);
    }
    return a;
  }

  @Test
  void vectorAndPlainKernelsAgreeToTheLastBit() {
    assertTrue(
        RowKernels.VECTOR, "the tests run with --add-modules jdk.incubator.vector (pom.xml)");
    // Widths below one vector, between one vector and a block of eight, and past whole blocks.
    for (int width : new int[] {1, 3, 4, 10, 31, 32, 33, 64, 67, 100}) {
      int stride = width + 5;
      double[] rows = values(9 * stride);
      int[] row = {8, 0, 3, 5, 2};
      float[] coefficient = {0.5f, -1.25f, 3f, 0.1f, 7.7f};
      double[] out = values(width + 7);
      double[] plain = out.clone();
      double[] vector = out.clone();
      RowKernels.addRows(plain, 2, 0, width, rows, row, stride, 4, coefficient, -0.7, 1, 5);
      VectorRowKernels.addRows(vector, 2, width, rows, row, stride, 4, coefficient, -0.7, 1, 5);
      assertArrayEquals(plain, vector, "width " + width);
    }
  }

  @Test
  void addsTheScaledRowsInOrder() {
    // Rows of width 2 at stride 3, offset 1: row r is rows[3r + 1 .. 3r + 3).
    double[] rows = {0, 1, 2, 0, 3, 4, 0, 5, 6};
    double[] out = {7, 10, 20};
    RowKernels.addRows(out, 1, 2, rows, new int[] {2, 0}, 3, 1, new float[] {2, 0.5f}, -1, 0, 2);
    assertArrayEquals(new double[] {7, 10 - 10 - 0.5, 20 - 12 - 1}, out);
  }
}
