package org.hsgd.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hsgd.figure.Figure;
import org.hsgd.figure.FigureRenderer;

/**
 * Figures as files, with {@code figures.manifest.json}: each figure's caption, the style and band,
 * and how to redraw them.
 */
public final class FigureFiles {
  /** The name of the manifest written beside the figures. */
  public static final String MANIFEST = "figures.manifest.json";

  private FigureFiles() {}

  /**
   * The figures' files in {@code dir} and their manifest.
   *
   * @param provenance the command that drew them
   */
  public static Map<Path, byte[]> of(
      Path dir, List<Figure> figures, FigureSettings settings, Provenance provenance) {
    Map<Path, byte[]> files = new LinkedHashMap<>();
    List<Map<String, Object>> described = new ArrayList<>();
    for (Figure f : figures) {
      Map<Path, byte[]> own = FigureRenderer.files(f, dir, settings.style());
      files.putAll(own);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", f.name());
      entry.put("caption", f.caption());
      entry.put("files", own.keySet().stream().map(Path::toString).toList());
      described.add(entry);
    }
    Map<String, Object> manifest =
        provenance.manifest(files.keySet().stream().map(Path::toString).toList());
    manifest.put("redraw", "./hsgd plot " + dir + " (with the figure options to restyle)");
    manifest.put("style", settings.style());
    manifest.put("band", settings.band().key());
    manifest.put("font", "DejaVu Sans, embedded in the PDF");
    manifest.put("figures", described);
    files.put(dir.resolve(MANIFEST), Outputs.json(manifest).getBytes(StandardCharsets.UTF_8));
    return files;
  }
}
