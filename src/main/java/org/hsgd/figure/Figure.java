package org.hsgd.figure;

import java.util.List;

/**
 * A figure for a paper: one or more panels (side by side from two-column width on, stacked below
 * it) and the caption text that says what the figure shows; no title, as papers caption figures.
 * Plain data: {@link FigureRenderer} draws it.
 *
 * @param name the file name without extension
 * @param caption what the figure shows, including what its bands are, for the manifest
 */
public record Figure(String name, List<Panel> panels, String caption) {

  public Figure {
    panels = List.copyOf(panels);
  }
}
