package org.hsgd.cli;

import java.util.OptionalDouble;
import java.util.Set;
import org.hsgd.InvalidInputException;
import org.hsgd.Require;
import org.hsgd.bounds.BoundKind;
import org.hsgd.bounds.BoundQuery;
import org.hsgd.bounds.Divergences;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.bounds.ProblemConstants;
import org.hsgd.bounds.Scenario;

/** Reads a {@link BoundQuery} from settings whose keys are the {@code hsgd bound} flags. */
final class BoundSettings {
  /** Every key of a bound scenario, as config key and as flag name (with "--"). */
  static final Set<String> KEYS =
      Set.of(
          "n",
          "groups",
          "periods",
          "local-period",
          "global-period",
          "L",
          "sigma2",
          "delta",
          "eps2",
          "eps-down2",
          "eps-up2",
          "eps2-total",
          "random-grouping",
          "gamma",
          "T",
          "target",
          "allow-invalid-step");

  private BoundSettings() {}

  static BoundQuery read(Settings s) {
    Hierarchy hierarchy = hierarchy(s);
    ProblemConstants constants =
        new ProblemConstants(s.number("L"), s.number("sigma2"), s.number("delta"));
    Scenario scenario = new Scenario(hierarchy, constants, divergences(s, hierarchy));
    return new BoundQuery(
        scenario,
        stepSize(s),
        s.integer("T"),
        s.has("target") ? OptionalDouble.of(s.number("target")) : OptionalDouble.empty(),
        s.flag("allow-invalid-step"));
  }

  /** Hierarchy from n, groups and periods (or the two-level local-period and global-period). */
  static Hierarchy hierarchy(Settings s) {
    int n = s.smallInteger("n");
    boolean twoLevelAliases = s.has("local-period") || s.has("global-period");
    Require.that(
        !(twoLevelAliases && s.has("periods")),
        "periods",
        "must not be combined with local-period/global-period (give one or the other)",
        () -> "both");
    long[] periods =
        twoLevelAliases
            ? new long[] {s.integer("local-period"), s.integer("global-period")}
            : s.integers("periods");
    int[] groups = periods.length == 1 && !s.has("groups") ? new int[0] : s.smallIntegers("groups");
    return Hierarchy.of(n, groups, periods);
  }

  private static Divergences divergences(Settings s, Hierarchy h) {
    int levels = h.levelCount();
    boolean aliases = s.has("eps-down2") || s.has("eps-up2");
    if (s.flag("random-grouping")) {
      Require.that(
          !s.has("eps2") && !aliases,
          "eps2",
          "must not be given with random-grouping (the per-level values follow from eps2-total)",
          () -> "eps2 and random-grouping");
      return Divergences.randomGrouping(h, s.number("eps2-total"));
    }
    double[] perLevel;
    if (aliases) {
      Require.that(
          !s.has("eps2"), "eps2", "must not be combined with eps-down2/eps-up2", () -> "both");
      Require.that(
          levels == 2,
          "eps-down2",
          "is for two-level hierarchies only (use eps2)",
          () -> "K=" + levels + " levels");
      perLevel = new double[] {s.number("eps-down2"), s.number("eps-up2")};
    } else if (s.has("eps2")) {
      perLevel = s.numbers("eps2");
    } else if (levels == 1 && s.has("eps2-total")) {
      perLevel = new double[] {s.number("eps2-total")};
    } else {
      throw new InvalidInputException(
          "eps2",
          "is required: per-level values (eps2, or eps-down2 and eps-up2), or eps2-total with random-grouping",
          "none");
    }
    return s.has("eps2-total")
        ? Divergences.perLevel(perLevel, s.number("eps2-total"))
        : Divergences.perLevel(perLevel);
  }

  /** The {@code bound:} key: closed (default) or numeric. */
  static BoundKind kind(Settings s) {
    String name = s.has("bound") ? s.text("bound").toLowerCase(java.util.Locale.ROOT) : "closed";
    return switch (name) {
      case "closed" -> BoundKind.CLOSED;
      case "numeric" -> BoundKind.NUMERIC;
      default ->
          throw new InvalidInputException("bound", "must be closed or numeric", "'" + name + "'");
    };
  }

  private static OptionalDouble stepSize(Settings s) {
    if (!s.has("gamma") || s.text("gamma").equalsIgnoreCase("optimal")) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(s.number("gamma"));
  }
}
