package org.hsgd.report;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.experiment.Variant;
import org.hsgd.report.PaperTable.Text;

/** How tables name the algorithms: "local SGD P=4" on the terminal, "local SGD, $P=4$" in LaTeX. */
final class Labels {
  private Labels() {}

  static Text variant(Variant v) {
    List<Long> p = v.periods();
    String latex =
        v.local()
            ? "local SGD, $P=" + p.get(0) + "$"
            : p.size() == 2
                ? "H-SGD, $I=" + p.get(0) + "$, $G=" + p.get(1) + "$"
                : "H-SGD, $P_k=" + String.join(",", p.stream().map(String::valueOf).toList()) + "$";
    return new Text(v.label(), latex);
  }

  /**
   * A hierarchy: "n=64 N=[16, 4] P=[2, 8, 32]", and "$n=64$, $N=(16,4)$, $P=(2,8,32)$" in LaTeX.
   */
  static Text hierarchy(Hierarchy h) {
    return new Text(
        h.describe(),
        "$n="
            + h.workers()
            + "$, $N=("
            + tuple(Arrays.stream(h.groupCountsBelowTop()).asLongStream())
            + ")$, $P=("
            + tuple(Arrays.stream(h.periods()))
            + ")$");
  }

  private static String tuple(LongStream values) {
    return values.mapToObj(String::valueOf).collect(Collectors.joining(","));
  }

  /** The three algorithms of a hierarchy's sandwich, in order: local SGD at P_1, H-SGD, at P_K. */
  static List<Text> sandwich(long[] periods) {
    List<Long> all = Arrays.stream(periods).boxed().toList();
    return List.of(
        variant(new Variant(Variant.Role.LOCAL_BOTTOM, List.of(all.get(0)))),
        variant(new Variant(Variant.Role.HSGD, all)),
        variant(new Variant(Variant.Role.LOCAL_TOP, List.of(all.get(all.size() - 1)))));
  }
}
