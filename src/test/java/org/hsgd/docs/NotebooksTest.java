package org.hsgd.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hsgd.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every figure notebook runs as shipped, at its default (small) scale, and writes its figure. */
class NotebooksTest {
  @ParameterizedTest
  @ValueSource(strings = {"bounds", "training", "divergences", "bound-vs-measured"})
  void theNotebookDrawsItsFigureInThreeFormats(String figure, @TempDir Path out) throws Exception {
    if (figure.equals("training") || figure.equals("divergences")) {
      TestData.assumeMnist();
    }
    String source = Files.readString(Path.of("notebooks", "figure-" + figure + ".jsh"));
    JShellScripts.run(source, "-Dhsgd.notebook.out=" + out);
    Path dir = out.resolve(figure);
    List<Path> pdfs;
    try (var files = Files.list(dir)) {
      pdfs = files.filter(p -> p.toString().endsWith(".pdf")).toList();
    }
    assertTrue(!pdfs.isEmpty(), "a PDF in " + dir);
    for (Path pdf : pdfs) {
      String name = pdf.getFileName().toString().replace(".pdf", "");
      for (String ext : List.of("svg", "png")) {
        assertTrue(Files.size(dir.resolve(name + "." + ext)) > 1000, name + "." + ext);
      }
      assertTrue(Files.readString(dir.resolve(name + ".svg")).contains("<text"), name);
      try (var doc = Loader.loadPDF(pdf.toFile())) {
        assertEquals(1, doc.getNumberOfPages());
        assertTrue(new PDFTextStripper().getText(doc).length() > 10, "text in " + pdf);
      }
    }
    assertTrue(Files.exists(dir.resolve("figures.manifest.json")));
  }

  @Test
  void theBoundsNotebookRunsWithoutAnException() {
    String printed = JShellScripts.run(readNotebook("bounds-api.jsh"));
    assertTrue(printed.contains("sandwich"), printed);
  }

  /** Every notebook in notebooks/ is one that a test of this class runs. */
  @Test
  void everyNotebookIsRunHere() throws Exception {
    List<String> run =
        List.of(
            "bounds-api.jsh",
            "experiment-api.jsh",
            "figure-bounds.jsh",
            "figure-training.jsh",
            "figure-divergences.jsh",
            "figure-bound-vs-measured.jsh");
    try (var files = Files.list(Path.of("notebooks"))) {
      List<String> shipped =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".jsh"))
              .sorted()
              .toList();
      assertEquals(run.stream().sorted().toList(), shipped);
    }
  }

  private static String readNotebook(String name) {
    try {
      return Files.readString(Path.of("notebooks", name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theExperimentNotebookRunsAndChecksIntoAFolderWithOneCall(@TempDir Path out)
      throws Exception {
    String source = Files.readString(Path.of("notebooks", "experiment-api.jsh"));
    String printed = JShellScripts.run(source, "-Dhsgd.notebook.out=" + out);
    assertTrue(printed.contains("verdict: "), printed);
    assertTrue(printed.contains("bound validity, H-SGD 4/16, closed form"), printed);
    for (String file : List.of("check.txt", "trace.csv", "training.pdf", "bounds.pdf")) {
      assertTrue(Files.exists(out.resolve("from-jshell").resolve(file)), file);
    }
  }
}
