package org.hsgd.experiment;

import org.hsgd.Require;
import org.hsgd.sim.LogisticModel;
import org.hsgd.sim.MlpModel;
import org.hsgd.sim.Model;

/** The model of a classification task. */
public sealed interface ModelSpec extends java.io.Serializable {
  /** L2 regularisation weight. */
  double l2();

  /** The model for data of this shape. */
  Model create(int features, int classes);

  /** Its number of parameters d for data of this shape, in a long (it may not fit an int). */
  long parameters(int features, int classes);

  /** Multinomial logistic regression (convex). */
  record Logistic(double l2) implements ModelSpec {
    public Logistic {
      Require.nonNegative("model.l2", l2);
    }

    @Override
    public Model create(int features, int classes) {
      return new LogisticModel(features, classes);
    }

    @Override
    public long parameters(int features, int classes) {
      return ((long) features + 1) * classes;
    }
  }

  /** A one-hidden-layer MLP with tanh (smooth, non-convex). */
  record Mlp(int hidden, double l2) implements ModelSpec {
    /** Hidden width unless given. */
    public static final int DEFAULT_HIDDEN = 64;

    public Mlp {
      Require.that(hidden >= 1, "model.hidden", "must be at least 1", () -> "hidden=" + hidden);
      Require.nonNegative("model.l2", l2);
    }

    @Override
    public Model create(int features, int classes) {
      return new MlpModel(features, hidden, classes);
    }

    @Override
    public long parameters(int features, int classes) {
      return ((long) features + 1) * hidden + ((long) hidden + 1) * classes;
    }
  }
}
