package org.hsgd.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Vector API kernel and the plain loop give the same bits, so results never depend on it. */
class AxpyTest {
  @Test
  void vectorAndScalarKernelsAgreeToTheLastBit() {
    assertTrue(Axpy.VECTOR, "the tests run with --add-modules jdk.incubator.vector (pom.xml)");
    Random random = new Random(3);
    for (int n : new int[] {1, 3, 4, 10, 64, 67}) {
      double[] w = new double[n + 5];
      double[] out = new double[n + 7];
      for (int i = 0; i < w.length; i++) {
        w[i] = random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4);
      }
      for (int i = 0; i < out.length; i++) {
        out[i] = random.nextGaussian();
      }
      double v = random.nextGaussian();
      double[] scalar = out.clone();
      double[] vector = out.clone();
      Axpy.scalar(scalar, 2, v, w, 3, n);
      VectorAxpy.add(vector, 2, v, w, 3, n);
      assertArrayEquals(scalar, vector, "n = " + n);
    }
  }
}
