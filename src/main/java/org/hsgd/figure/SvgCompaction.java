package org.hsgd.figure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shrinks the SVG that VectorGraphics2D writes for an XChart figure by a factor of about five,
 * without changing what it shows: coordinates to 1/100 pt, and the runs of {@code <line>} elements
 * in which XChart draws a curve, segment by segment, joined into one {@code <polyline>} each. Clip
 * paths are numbered in order, not by identity hash, so that the same figure gives the same bytes.
 */
final class SvgCompaction {
  private static final Pattern CLIP_ID = Pattern.compile("clip\\d+");
  private static final Pattern LONG_DECIMAL = Pattern.compile("-?\\d+\\.\\d{3,}");
  private static final Pattern LINE =
      Pattern.compile(
          "(\\s*)<line style=\"([^\"]*)\" x1=\"([^\"]*)\" x2=\"([^\"]*)\" y1=\"([^\"]*)\""
              + " y2=\"([^\"]*)\"/>");

  private SvgCompaction() {}

  static String compact(String svg) {
    Map<String, String> clipIds = new HashMap<>();
    String numbered =
        CLIP_ID
            .matcher(svg)
            .replaceAll(m -> clipIds.computeIfAbsent(m.group(), k -> "clip" + clipIds.size()));
    String rounded =
        LONG_DECIMAL
            .matcher(numbered)
            .replaceAll(
                m ->
                    new BigDecimal(m.group())
                        .setScale(2, RoundingMode.HALF_EVEN)
                        .stripTrailingZeros()
                        .toPlainString());
    StringBuilder out = new StringBuilder(rounded.length());
    Polyline open = null;
    for (String line : rounded.split("\n", -1)) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        String style = m.group(2);
        String start = m.group(3) + "," + m.group(5);
        String end = m.group(4) + "," + m.group(6);
        if (open != null && open.continues(style, start)) {
          open.extend(end);
          continue;
        }
        flush(out, open);
        open = new Polyline(m.group(1), style, start, end);
        continue;
      }
      flush(out, open);
      open = null;
      out.append(line).append('\n');
    }
    flush(out, open);
    return out.substring(0, out.length() - 1);
  }

  private static void flush(StringBuilder out, Polyline open) {
    if (open != null) {
      out.append(open.element()).append('\n');
    }
  }

  /** A run of joined segments with one style. */
  private static final class Polyline {
    private final String indent;
    private final String style;
    private final StringBuilder points;
    private String last;

    Polyline(String indent, String style, String start, String end) {
      this.indent = indent;
      this.style = style;
      this.points = new StringBuilder(start).append(' ').append(end);
      this.last = end;
    }

    boolean continues(String otherStyle, String start) {
      return style.equals(otherStyle) && last.equals(start);
    }

    void extend(String end) {
      points.append(' ').append(end);
      last = end;
    }

    String element() {
      return indent + "<polyline style=\"" + style + "\" points=\"" + points + "\"/>";
    }
  }
}
