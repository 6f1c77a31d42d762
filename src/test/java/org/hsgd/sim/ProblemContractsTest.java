package org.hsgd.sim;

import org.junit.jupiter.api.Nested;

/** Every problem against the contract. */
class ProblemContractsTest {
  @Nested
  class Quadratic extends ProblemContract<QuadraticProblem.Context> {
    Problem<QuadraticProblem.Context> problem() {
      return Fixtures.quadratic(0, 0);
    }

    boolean stochasticGradientIsExact() {
      return true;
    }
  }

  @Nested
  class QuadraticCos extends ProblemContract<QuadraticProblem.Context> {
    Problem<QuadraticProblem.Context> problem() {
      return Fixtures.quadratic(0, 0.7);
    }

    boolean stochasticGradientIsExact() {
      return true;
    }
  }

  @Nested
  class Logistic extends ProblemContract<ClassificationProblem.Context> {
    Problem<ClassificationProblem.Context> problem() {
      return Fixtures.classification(new LogisticModel(5, 3), 20, 0.01);
    }

    boolean stochasticGradientIsExact() {
      return true; // batch = shard size: one epoch is the whole shard
    }
  }

  @Nested
  class Mlp extends ProblemContract<ClassificationProblem.Context> {
    Problem<ClassificationProblem.Context> problem() {
      return Fixtures.classification(new MlpModel(5, 4, 3), 20, 0.01);
    }

    boolean stochasticGradientIsExact() {
      return true;
    }
  }
}
