package org.hsgd.report;

import java.util.List;
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

  /** The three algorithms of a hierarchy's sandwich, in order: local SGD at P_1, H-SGD, at P_K. */
  static List<Text> sandwich(long[] periods) {
    List<Long> all = java.util.Arrays.stream(periods).boxed().toList();
    return List.of(
        variant(new Variant(Variant.Role.LOCAL_BOTTOM, List.of(all.get(0)))),
        variant(new Variant(Variant.Role.HSGD, all)),
        variant(new Variant(Variant.Role.LOCAL_TOP, List.of(all.get(all.size() - 1)))));
  }
}
