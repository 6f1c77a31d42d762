package org.hsgd.figure;

import java.util.Locale;

/** A file format of a figure: PDF and SVG keep text as text, PNG is a 300 dpi bitmap. */
public enum FigureFormat {
  PDF,
  SVG,
  PNG;

  /** The file extension, "pdf". */
  public String extension() {
    return name().toLowerCase(Locale.ROOT);
  }
}
