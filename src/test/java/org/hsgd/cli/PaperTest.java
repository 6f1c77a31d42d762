package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/**
 * hsgd's outputs in a paper, as an author would use them: a two-column document in the AAAI layout
 * (Times 10 pt, 3.3125 in columns, 6.975 in text) that inputs every LaTeX output and includes one
 * figure of each kind, all unchanged, compiled with pdflatex. It fails on any LaTeX error and on
 * any box wider than its column by more than {@link #SLACK_POINTS}. The document, its log and its
 * pages as PNG stay in target/paper-test to be looked at.
 */
class PaperTest {
  private static final Path DIR = Path.of("target", "paper-test");

  /** How far a box may stick out, in points: less than a letter's width. */
  private static final double SLACK_POINTS = 1;

  private static final Pattern OVERFULL =
      Pattern.compile("Overfull \\\\[hv]box \\(([0-9.]+)pt too (wide|high)\\)[^\\n]*");

  @Test
  void everyOutputCompilesUnchangedAndFitsAnAaaiPaper() throws Exception {
    clean(DIR);
    Files.createDirectories(DIR);
    List<String> tables = new ArrayList<>();
    List<Path> figures = new ArrayList<>();

    // A check that holds, with ci95 bands on log axes; and one whose sandwich is inconclusive.
    Cli check =
        Cli.run(
            "check",
            "experiments/quadratic-cos-sandwich.yaml",
            "--style",
            "aaai",
            "--band",
            "ci95",
            "--out",
            DIR.resolve("check").toString());
    assertEquals(0, check.exitCode(), check.err());
    Cli exact =
        Cli.run(
            "check",
            "experiments/quadratic-exact.yaml",
            "--seeds",
            "2",
            "--style",
            "aaai",
            "--out",
            DIR.resolve("exact").toString());
    assertEquals(ExitCodes.INCONCLUSIVE, exact.exitCode(), exact.err());
    tables.add("check/check.tex");
    tables.add("exact/check.tex");
    for (String kind :
        List.of("training", "divergences", "bounds", "bound-vs-measured", "time-averages")) {
      figures.add(DIR.resolve("check").resolve(kind + ".pdf"));
    }
    // bound, plan and bound sweep.
    write("bound-two-level.tex", "bound", "--config", "bounds/two-level.yaml", "--format", "latex");
    write(
        "bound-three-level.tex",
        "bound",
        "--config",
        "bounds/three-level.yaml",
        "--format",
        "latex");
    write("plan.tex", "plan", "--config", "bounds/plan.yaml", "--top", "10", "--format", "latex");
    tables.addAll(List.of("bound-two-level.tex", "bound-three-level.tex", "plan.tex"));
    Cli sweep =
        Cli.run(
            "bound",
            "sweep",
            "--config",
            "bounds/random-grouping-sweep.yaml",
            "--style",
            "aaai",
            "--out",
            DIR.resolve("sweep").toString());
    assertEquals(0, sweep.exitCode(), sweep.err());
    tables.add("sweep/random-grouping-sweep.tex");
    figures.add(DIR.resolve("sweep/random-grouping-sweep.pdf"));
    // A study's figure across the text width.
    Cli study =
        Cli.run(
            "check",
            "experiments/quadratic-grid.yaml",
            "--seeds",
            "2",
            "--style",
            "aaai",
            "--figure-width",
            "text",
            "--out",
            DIR.resolve("study").toString());
    assertTrue(
        study.exitCode() == 0 || study.exitCode() == ExitCodes.INCONCLUSIVE,
        study.out() + study.err());
    figures.add(DIR.resolve("study/study-gamma.pdf"));

    Files.writeString(DIR.resolve("paper.tex"), document(tables, figures));
    String log = pdflatex();
    List<String> overfull = new ArrayList<>();
    Matcher m = OVERFULL.matcher(log);
    while (m.find()) {
      if (Double.parseDouble(m.group(1)) > SLACK_POINTS) {
        overfull.add(m.group());
      }
    }
    assertTrue(overfull.isEmpty(), "boxes that do not fit:\n" + String.join("\n", overfull));
    assertTrue(Files.size(DIR.resolve("paper.pdf")) > 10_000);
    render();
  }

  /** The paper: AAAI's page, every table input and every figure at its natural size. */
  private static String document(List<String> tables, List<Path> figures) throws IOException {
    StringBuilder tex = new StringBuilder();
    tex.append(
        """
        \\documentclass[10pt,twocolumn]{article}
        \\usepackage[letterpaper,textwidth=6.975in,textheight=9.25in,columnsep=0.35in,centering]{geometry}
        \\usepackage{mathptmx}
        \\usepackage{amsmath,booktabs,siunitx,graphicx}
        \\begin{document}
        \\section{hsgd's outputs}
        Every table and one figure of each kind, as hsgd writes them.
        """);
    for (String table : tables) {
      tex.append("\\input{").append(table).append("}\n");
    }
    for (Path figure : figures) {
      boolean wide = widthPoints(figure) > 3.3125 * 72 + SLACK_POINTS;
      String environment = wide ? "figure*" : "figure";
      tex.append("\\begin{")
          .append(environment)
          .append("}[tbp]\\centering\n\\includegraphics{")
          .append(DIR.relativize(figure).toString().replace('\\', '/'))
          .append("}\n\\caption{")
          .append(figure.getFileName().toString().replace(".pdf", ""))
          .append(".}\n\\end{")
          .append(environment)
          .append("}\n");
    }
    return tex.append("\\end{document}\n").toString();
  }

  private static double widthPoints(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return doc.getPage(0).getMediaBox().getWidth();
    }
  }

  /** Runs a command and keeps what it printed as a file of the paper. */
  private static void write(String file, String... args) throws IOException {
    Cli cli = Cli.run(args);
    assertEquals(0, cli.exitCode(), cli.err());
    Files.writeString(DIR.resolve(file), cli.out());
  }

  /** Compiles the paper and returns its log; fails on a LaTeX error, with the error's lines. */
  private static String pdflatex() throws Exception {
    Process p;
    try {
      p =
          new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "paper.tex")
              .directory(DIR.toFile())
              .redirectErrorStream(true)
              .redirectOutput(DIR.resolve("pdflatex.out").toFile())
              .start();
    } catch (IOException e) {
      fail(
          "pdflatex is not installed: bash scripts/setup-tex installs it (" + e.getMessage() + ")");
      return "";
    }
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("pdflatex did not finish in 180 s");
    }
    String log = Files.readString(DIR.resolve("paper.log"), StandardCharsets.ISO_8859_1);
    List<String> errors = log.lines().filter(l -> l.startsWith("!")).toList();
    assertTrue(
        p.exitValue() == 0 && errors.isEmpty(),
        "pdflatex failed (exit "
            + p.exitValue()
            + "): "
            + errors
            + "\nsee "
            + DIR.resolve("paper.log"));
    return log;
  }

  /** The pages as PNG, to look at; skipped where poppler is not installed. */
  private static void render() throws Exception {
    try {
      Process p =
          new ProcessBuilder("pdftoppm", "-png", "-r", "80", "paper.pdf", "page")
              .directory(DIR.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      p.waitFor(120, TimeUnit.SECONDS);
    } catch (IOException e) {
      // only for looking at; the test does not depend on it
    }
  }

  private static void clean(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
