package org.hsgd.figure;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A label as a paper sets it: Unicode sub- and superscripts (uₜ, 10⁻³, ‖∇f‖²) drawn as smaller text
 * below or above the baseline in the label's own font, rather than as look-alike glyphs that a
 * serif font may not have; any other character the font lacks (∇ in a Times-metric font) is taken
 * from the fallback font.
 */
final class RichText {
  private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺";
  private static final String SUPERSCRIPTED = "0123456789-+";
  private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉ₜₖᵢₙₛ";
  private static final String SUBSCRIPTED = "0123456789tkins";

  /** Size of a script relative to the text, and how far it moves, in text sizes. */
  private static final float SCRIPT_SCALE = 0.7f;

  private static final float RAISE = 0.36f;
  private static final float LOWER = 0.18f;
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  /** A stretch of text in one font at one height. */
  private record Run(String text, Font font, float shift) {}

  private final List<Run> runs;

  private RichText(List<Run> runs) {
    this.runs = runs;
  }

  /** {@code text} laid out in {@code font}, with {@code fallback} for the glyphs it lacks. */
  static RichText of(String text, Font font, Font fallback) {
    List<Run> runs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    Font currentFont = null;
    float currentShift = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int sup = SUPERSCRIPTS.indexOf(c);
      int sub = SUBSCRIPTS.indexOf(c);
      char shown = sup >= 0 ? SUPERSCRIPTED.charAt(sup) : sub >= 0 ? SUBSCRIPTED.charAt(sub) : c;
      if (shown == '-' && sup >= 0) {
        shown = '\u2212'; // a real minus in an exponent
      }
      float size = font.getSize2D() * (sup >= 0 || sub >= 0 ? SCRIPT_SCALE : 1);
      float shift = font.getSize2D() * (sup >= 0 ? -RAISE : sub >= 0 ? LOWER : 0);
      Font base = font.canDisplay(shown) ? font : fallback;
      Font chosen = base.getSize2D() == size ? base : base.deriveFont(size);
      if (currentFont != null && (!chosen.equals(currentFont) || shift != currentShift)) {
        runs.add(new Run(current.toString(), currentFont, currentShift));
        current.setLength(0);
      }
      current.append(shown);
      currentFont = chosen;
      currentShift = shift;
    }
    if (currentFont != null) {
      runs.add(new Run(current.toString(), currentFont, currentShift));
    }
    return new RichText(runs);
  }

  /** The advance width, in points. */
  double width() {
    double width = 0;
    for (Run r : runs) {
      width += r.font().getStringBounds(r.text(), FRC).getWidth();
    }
    return width;
  }

  /** Draws the text with its baseline starting at (x, y). */
  void draw(Graphics2D g, float x, float y) {
    Font before = g.getFont();
    for (Run r : runs) {
      g.setFont(r.font());
      g.drawString(r.text(), x, y + r.shift());
      x += (float) r.font().getStringBounds(r.text(), FRC).getWidth();
    }
    g.setFont(before);
  }
}
