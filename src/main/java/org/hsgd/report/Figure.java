package org.hsgd.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A figure for a paper: one or more panels (side by side from two-column width on, stacked below
 * it) and the caption text that says what the figure shows; no title, as papers caption figures.
 *
 * @param name the file name without extension
 * @param caption what the figure shows, including what its bands are, for the manifest
 */
public record Figure(String name, List<Panel> panels, String caption) {

  public Figure {
    panels = List.copyOf(panels);
  }

  /** The figure's bytes in every format of the style. */
  public Map<FigureFormat, byte[]> render(PaperStyle style) {
    return FigureRenderer.render(this, style);
  }

  /** The figure's files in {@code dir}, {@code <name>.<ext>} per format. */
  public Map<Path, byte[]> files(Path dir, PaperStyle style) {
    Map<Path, byte[]> files = new LinkedHashMap<>();
    render(style).forEach((f, bytes) -> files.put(dir.resolve(name + "." + f.extension()), bytes));
    return files;
  }
}
