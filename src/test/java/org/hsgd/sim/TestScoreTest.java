package org.hsgd.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hsgd.data.Dataset;
import org.junit.jupiter.api.Test;

/** Test accuracy and test loss of a classifier, computed by hand. */
class TestScoreTest {
  @Test
  void accuracyAndMeanCrossEntropyOnTheTestSet() {
    // Three samples of two features; weights W = [[2, 0], [0, 1]] (feature x class), no bias.
    Dataset data = new Dataset(2, 2, new float[] {1, 0, 0, 1, 1, 1}, new int[] {0, 1, 1});
    ClassificationProblem p =
        new ClassificationProblem(
            new LogisticModel(2, 2),
            data,
            data,
            new int[][] {{0, 1, 2}},
            1,
            0,
            new RandomStreams(1).stream(RandomStreams.Purpose.INIT, 0));
    double[] x = {2, 0, 0, 1, 0, 0};
    TestScore score = p.test(x);
    // Logits (2, 0), (0, 1), (2, 1): the first two are right, the third predicts class 0.
    assertEquals(2.0 / 3, score.accuracy(), 1e-15);
    double loss =
        (Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(-1)) + Math.log1p(Math.exp(1))) / 3;
    assertEquals(loss, score.loss(), 1e-15);
  }

  @Test
  void aProblemWithoutATestSetHasNone() {
    assertEquals(TestScore.NONE, Fixtures.quadratic(1, 0.5).test(new double[3]));
  }
}
