package org.hsgd.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The paper style: text stays text, sizes are the printed ones, curves stay apart in grey. */
class FiguresTest {
  private static final int POINTS = 400;

  /** Three noisy decreasing curves over 5 seeds, with a log-scale second panel. */
  static Figure sample() {
    double[] x = new double[POINTS];
    List<Curve> loss = new ArrayList<>();
    List<Curve> grad = new ArrayList<>();
    String[] names = {"local SGD, P = 4", "H-SGD, I = 4, G = 16", "local SGD, P = 16"};
    for (int k = 0; k < 3; k++) {
      double[][] seeds = new double[5][POINTS];
      for (int s = 0; s < 5; s++) {
        for (int i = 0; i < POINTS; i++) {
          x[i] = 4 * i;
          seeds[s][i] = (k + 1) * Math.exp(-i / 80.0) + 0.1 + 0.01 * Math.sin(7 * i + s);
        }
      }
      loss.add(Curve.overSeeds(names[k], x, seeds, SeedBand.MIN_MAX, Curve.Look.of(k)));
      double[] decades = new double[POINTS];
      for (int i = 0; i < POINTS; i++) {
        decades[i] = Math.pow(10, -4.0 * i / POINTS) * (k + 1);
      }
      grad.add(Curve.line(names[k], x, decades, Curve.Look.of(k)));
    }
    return new Figure(
        "sample",
        List.of(
            Panel.of("iteration t", "training loss f(u\u209c)", loss),
            Panel.of("iteration t", "\u2016\u2207f(u\u209c)\u2016\u00b2", grad)),
        "test");
  }

  @Test
  void svgKeepsEveryLabelAsTextAndStaysSmall() {
    String svg =
        new String(
            FigureRenderer.render(sample(), PaperStyle.oneColumn()).get(FigureFormat.SVG),
            StandardCharsets.UTF_8);
    // Sub- and superscripts are set as smaller text of their own: uₜ is "u" then "t".
    String texts = String.join("", texts(svg));
    for (String label :
        List.of(
            "iteration t",
            "training loss f(ut)",
            "\u2016\u2207f(ut)\u20162",
            "H-SGD, I = 4, G = 16",
            "10\u22122",
            "1000")) {
      assertTrue(texts.contains(label), label + " as <text> in " + texts);
    }
    assertFalse(svg.contains("<line "), "curves and ticks joined into polylines and paths");
    assertTrue(svg.length() < 100_000, "tens of kB, not MB: " + svg.length());
    assertTrue(svg.contains("width=\"237.6pt\""), "printed at exactly 3.3 in");
  }

  @Test
  void pdfEmbedsItsFontAndItsTextCanBeExtracted() throws Exception {
    byte[] pdf = FigureRenderer.render(sample(), PaperStyle.oneColumn()).get(FigureFormat.PDF);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertTrue(text.contains("iteration t"), text);
      assertTrue(text.contains("H-SGD, I = 4, G = 16"), text);
      List<PDFont> fonts = fonts(doc.getPage(0).getResources());
      assertFalse(fonts.isEmpty(), "text is text, not outlines");
      for (PDFont f : fonts) {
        assertTrue(f.isEmbedded(), f.getName() + " embedded");
      }
      assertEquals(238, doc.getPage(0).getMediaBox().getWidth(), 0.5, "3.3 in in points");
    }
  }

  @Test
  void aVenueStyleGivesItsExactWidthAndEmbedsTheSerifFontInPdfAndSvg() throws Exception {
    Map<FigureFormat, byte[]> files = FigureRenderer.render(sample(), Venue.AAAI.column());
    try (PDDocument doc = Loader.loadPDF(files.get(FigureFormat.PDF))) {
      assertEquals(3.3125 * 72, doc.getPage(0).getMediaBox().getWidth(), 1e-3, "3.3125 in");
      List<String> names =
          fonts(doc.getPage(0).getResources()).stream().map(PDFont::getName).toList();
      assertTrue(names.stream().anyMatch(n -> n.endsWith("+LiberationSerif")), names.toString());
    }
    String svg = new String(files.get(FigureFormat.SVG), StandardCharsets.UTF_8);
    assertTrue(svg.contains("width=\"238.5pt\""), "3.3125 in");
    assertTrue(
        svg.contains("@font-face{font-family:\"Liberation Serif\";src:url(data:font/ttf;base64,"),
        "the serif font's glyphs embedded");
    assertEquals(9, Venue.AAAI.column().smallPoints(), "AAAI: figure text of at least 9 pt");
    assertEquals(8, Venue.ICML.column().smallPoints(), "a step smaller where the venue allows");
    assertEquals(7.16, Venue.IEEE.text().widthInches());
    assertEquals(5.5, Venue.NEURIPS.column().widthInches());
    PaperStyle icml = Venue.ICML.column();
    assertEquals(3.25 / PaperStyle.PHI, icml.panelHeightInches(3.25), 1e-12, "golden ratio");
  }

  @Test
  void pngIs300DpiAtThePrintedSizeAndEveryFormatIsReproducible() throws Exception {
    Map<FigureFormat, byte[]> once = FigureRenderer.render(sample(), PaperStyle.twoColumn());
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(once.get(FigureFormat.PNG)));
    assertEquals(Math.round(6.9 * 300), png.getWidth(), 2);
    Map<FigureFormat, byte[]> again = FigureRenderer.render(sample(), PaperStyle.twoColumn());
    assertArrayEquals(once.get(FigureFormat.PNG), again.get(FigureFormat.PNG));
    assertArrayEquals(once.get(FigureFormat.SVG), again.get(FigureFormat.SVG));
  }

  @Test
  void onlyTheChosenFormatsAreRendered() {
    var style = PaperStyle.oneColumn().withFormats(java.util.EnumSet.of(FigureFormat.PDF));
    assertEquals(
        List.of(FigureFormat.PDF), List.copyOf(FigureRenderer.render(sample(), style).keySet()));
  }

  @Test
  void theFirstLooksDifferInDashAndMarkerNotOnlyInColour() {
    double[] x = {0, 1};
    List<String> dashes = new ArrayList<>();
    List<Integer> markers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      CurveStyle s = CurveStyle.of(Curve.line("c", x, x, Curve.Look.of(i)));
      dashes.add(java.util.Arrays.toString(s.stroke().getDashArray()));
      markers.add(s.marker());
    }
    assertEquals(4, dashes.stream().distinct().count(), dashes.toString());
    assertEquals(4, markers.stream().distinct().count(), markers.toString());
  }

  private static List<String> texts(String svg) {
    List<String> texts = new ArrayList<>();
    Matcher m = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(svg);
    while (m.find()) {
      texts.add(m.group(1).replace("&quot;", "\"").replace("&amp;", "&"));
    }
    return texts;
  }

  private static List<PDFont> fonts(PDResources resources) throws Exception {
    List<PDFont> fonts = new ArrayList<>();
    if (resources == null) {
      return fonts;
    }
    for (var name : resources.getFontNames()) {
      fonts.add(resources.getFont(name));
    }
    for (var name : resources.getXObjectNames()) {
      if (resources.getXObject(name) instanceof PDFormXObject form) {
        fonts.addAll(fonts(form.getResources()));
      }
    }
    return fonts;
  }
}
