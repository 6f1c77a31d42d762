package org.hsgd.sim;

import org.hsgd.data.Dataset;
import org.hsgd.data.GaussianMixture;
import org.hsgd.data.Partition;

/** Small problems shared by the simulator tests. */
final class Fixtures {
  private Fixtures() {}

  /** 3 classes, 5 features, 60 samples. */
  static Dataset smallData() {
    return GaussianMixture.generate(
        3, 5, 60, 2.0, new RandomStreams(11).stream(RandomStreams.Purpose.DATA, 0));
  }

  /** A classification problem over 3 workers with IID shards of 20 samples. */
  static ClassificationProblem classification(Model model, int batch, double l2) {
    Dataset data = smallData();
    int[][] shards =
        Partition.iid(data, 3, new RandomStreams(12).stream(RandomStreams.Purpose.PARTITION, 0));
    return new ClassificationProblem(
        model,
        data,
        data,
        shards,
        batch,
        l2,
        new RandomStreams(13).stream(RandomStreams.Purpose.INIT, 0));
  }

  /** d = 3, four workers at distinct centers, A = diag(0.5, 1, 2). */
  static QuadraticProblem quadratic(double sigma2, double cos) {
    double[][] centers = {{0, 1, 2}, {1, -1, 0}, {2, 2, -2}, {-1, 0, 1}};
    return new QuadraticProblem(
        new double[] {0.5, 1, 2},
        centers,
        new double[] {3, 3, 3},
        sigma2,
        cos,
        new double[] {0, 0, 1, 1});
  }
}
