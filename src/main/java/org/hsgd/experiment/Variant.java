package org.hsgd.experiment;

import java.util.List;

/**
 * One algorithm of a comparison: the configured hierarchy, or local SGD (one level of all workers)
 * at the bottom or the top period.
 *
 * @param role where it sits in the sandwich
 * @param periods its periods, bottom first
 */
public record Variant(Role role, List<Long> periods) implements java.io.Serializable {

  /** The three algorithms of the sandwich. */
  public enum Role {
    /** Local SGD with period P_1: the lower side. */
    LOCAL_BOTTOM,
    /** The configured hierarchy. */
    HSGD,
    /** Local SGD with period P_K: the upper side. */
    LOCAL_TOP
  }

  public Variant {
    periods = List.copyOf(periods);
  }

  /** Whether this is local SGD (one level of all workers). */
  public boolean local() {
    return role != Role.HSGD;
  }

  /** Used in file names and tables: "hsgd", "local-P4", "local-P32". */
  public String name() {
    return local() ? "local-P" + periods.get(0) : "hsgd";
  }

  /** For readers: "H-SGD 4/32", "local SGD P=4". */
  public String label() {
    return local()
        ? "local SGD P=" + periods.get(0)
        : "H-SGD " + periods.stream().map(String::valueOf).reduce((a, b) -> a + "/" + b).orElse("");
  }
}
