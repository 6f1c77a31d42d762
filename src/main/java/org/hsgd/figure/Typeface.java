package org.hsgd.figure;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bundled fonts a figure is set in, embedded in its PDF and SVG: DejaVu Sans, and Liberation
 * Serif, whose letters have the widths of Times, the body font of most venues (both freely
 * licensed; the licences lie beside them).
 */
public enum Typeface {
  /** DejaVu Sans: the default style's font, and the fallback for symbols others lack (∇). */
  SANS("DejaVuSans.ttf"),
  /** Liberation Serif: metric-compatible with Times. */
  SERIF("LiberationSerif-Regular.ttf");

  private final String resource;

  /**
   * Read on first use, not when the style is chosen: reading a font needs a temporary file, and a
   * host without one must lose its figures only, after the numbers are written.
   */
  private Font font;

  Typeface(String resource) {
    this.resource = resource;
  }

  private synchronized Font font() {
    if (font == null) {
      try (InputStream ttf = stream()) {
        font = Font.createFont(Font.TRUETYPE_FONT, ttf);
      } catch (IOException | FontFormatException e) {
        throw new IllegalStateException(
            "the bundled figure font " + resource + " cannot be read", e);
      }
    }
    return font;
  }

  /** The font at {@code points}. */
  Font at(double points) {
    return font().deriveFont((float) points);
  }

  /** The font's file, to embed. */
  InputStream stream() {
    return Typeface.class.getResourceAsStream(resource);
  }

  /** Its PostScript name, as a PDF lists it. */
  String fontName() {
    return font().getFontName();
  }
}
