package org.hsgd.figure;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Draws a {@link Figure} with XChart in the paper style and encodes it: PDF through PDFBox with
 * DejaVu Sans embedded, SVG through VectorGraphics2D with {@code <text>} elements, PNG at 300 dpi.
 * Sizes are in points (1/72 in), so a figure prints at its style's width.
 */
public final class FigureRenderer {
  private static final String FONT_RESOURCE = "DejaVuSans.ttf";
  private static final Font FONT = loadFont();
  private static final int PNG_DPI = 300;

  private FigureRenderer() {}

  /** The figure's bytes in every format of the style. */
  public static Map<FigureFormat, byte[]> render(Figure figure, PaperStyle style) {
    Map<FigureFormat, byte[]> files = new EnumMap<>(FigureFormat.class);
    try {
      for (FigureFormat format : FigureFormat.values()) {
        if (style.formats().contains(format)) {
          files.put(format, encode(figure, style, format));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render figure " + figure.name(), e);
    }
    return files;
  }

  /** The figure's files in {@code dir}, {@code <name>.<ext>} per format of the style. */
  public static Map<Path, byte[]> files(Figure figure, Path dir, PaperStyle style) {
    Map<Path, byte[]> files = new LinkedHashMap<>();
    render(figure, style)
        .forEach((f, bytes) -> files.put(dir.resolve(figure.name() + "." + f.extension()), bytes));
    return files;
  }

  private static byte[] encode(Figure figure, PaperStyle style, FigureFormat format)
      throws IOException {
    Font font = FONT.deriveFont((float) style.fontPoints());
    Layout panelsOnly = new Layout(figure, style, 0);
    List<Panel> drawn = figure.panels().stream().map(FigureRenderer::asDrawn).toList();
    LegendPlacement.Choice legend =
        LegendPlacement.choose(drawn, font, panelsOnly.panelWidth, panelsOnly.panelHeight);
    Legend strip =
        legend.panel() < 0
            ? Legend.strip(drawn.get(0).curves(), font, panelsOnly.width)
            : Legend.NONE;
    Layout layout = new Layout(figure, style, (int) Math.ceil(strip.height()));
    TextOutlines labels = new TextOutlines(font);
    List<PanelPainter> painters = new ArrayList<>();
    for (int i = 0; i < drawn.size(); i++) {
      Panel original = figure.panels().get(i);
      painters.add(
          new PanelPainter(
              drawn.get(i),
              original.categories().isEmpty() ? Axis.of(original, Curve::x) : Axis.LINEAR,
              Axis.of(original, Curve::y),
              i == legend.panel() ? legend.corner() : null,
              layout.panelWidth,
              layout.panelHeight,
              font,
              labels));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (format) {
      case PNG -> {
        double scale = PNG_DPI / 72.0;
        BufferedImage image =
            new BufferedImage(
                (int) Math.round(layout.width * scale),
                (int) Math.round(layout.height * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.scale(scale, scale);
        paint(g, painters, layout, strip);
        g.dispose();
        ImageIO.write(image, "png", out);
      }
      case SVG -> {
        TextSvgGraphics g = new TextSvgGraphics(labels);
        paint(g, painters, layout, strip);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        new SVGProcessor()
            .getDocument(g.getCommands(), new PageSize(0, 0, layout.width, layout.height))
            .writeTo(raw);
        out.write(
            SvgCompaction.compact(raw.toString(StandardCharsets.UTF_8))
                .replaceFirst("height=\"(\\d+)px\"", "height=\"$1pt\"")
                .replaceFirst("width=\"(\\d+)px\"", "width=\"$1pt\"")
                .getBytes(StandardCharsets.UTF_8));
      }
      case PDF -> {
        try (PDDocument document = new PDDocument()) {
          PDPage page = new PDPage(new PDRectangle(layout.width, layout.height));
          document.addPage(page);
          TextPdfGraphics g = new TextPdfGraphics(document, layout, labels);
          try (PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer()) {
            try (InputStream ttf = fontStream()) {
              fonts.registerFont(FONT.getFontName(), ttf);
            }
            g.setFontTextDrawer(fonts);
            paint(g, painters, layout, strip);
            g.dispose();
          }
          try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawForm(g.getXFormObject());
          }
          document.save(out);
        }
      }
    }
    return out.toByteArray();
  }

  /**
   * Panels side by side from two-column width on, stacked below it; then the legend strip, if any.
   * Sizes in points.
   */
  private record Layout(
      int width, int height, int panelWidth, int panelHeight, boolean sideBySide) {
    Layout(Figure figure, PaperStyle style, int stripHeight) {
      this(
          figure.panels().size(),
          style,
          style.widthInches() >= PaperStyle.SIDE_BY_SIDE_FROM,
          stripHeight);
    }

    private Layout(int panels, PaperStyle style, boolean sideBySide, int stripHeight) {
      this(
          points(style.widthInches()),
          points(style.heightInches()) * (sideBySide ? 1 : panels) + stripHeight,
          points(style.widthInches()) / (sideBySide ? panels : 1),
          points(style.heightInches()),
          sideBySide);
    }

    private static int points(double inches) {
      return (int) Math.round(inches * 72);
    }
  }

  private static void paint(
      Graphics2D g, List<PanelPainter> painters, Layout layout, Legend strip) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    AffineTransform origin = g.getTransform();
    for (int i = 0; i < painters.size(); i++) {
      g.translate(
          layout.sideBySide ? i * layout.panelWidth : 0,
          layout.sideBySide ? 0 : i * layout.panelHeight);
      painters.get(i).paint(g, layout.panelWidth, layout.panelHeight);
      g.setTransform(origin);
    }
    int panelsHeight =
        layout.sideBySide ? layout.panelHeight : painters.size() * layout.panelHeight;
    strip.paint(g, (layout.width - strip.width()) / 2, panelsHeight, false);
  }

  /** A panel's curves as drawn: log10 taken on its logarithmic axes. */
  private static Panel asDrawn(Panel panel) {
    Axis x = panel.categories().isEmpty() ? Axis.of(panel, Curve::x) : Axis.LINEAR;
    Axis y = Axis.of(panel, Curve::y);
    return panel.withCurves(panel.curves().stream().map(c -> y.onY(x.onX(c))).toList());
  }

  private static Font loadFont() {
    try (InputStream ttf = fontStream()) {
      return Font.createFont(Font.TRUETYPE_FONT, ttf);
    } catch (IOException | FontFormatException e) {
      throw new IllegalStateException("the bundled figure font cannot be read", e);
    }
  }

  private static InputStream fontStream() {
    return FigureRenderer.class.getResourceAsStream(FONT_RESOURCE);
  }

  /** SVG graphics that write labels as {@code <text>}. */
  private static final class TextSvgGraphics extends VectorGraphics2D {
    private final TextOutlines labels;

    TextSvgGraphics(TextOutlines labels) {
      this.labels = labels;
    }

    @Override
    public void fill(Shape shape) {
      if (!labels.drewAsText(this, shape)) {
        super.fill(shape);
      }
    }
  }

  /** PDF graphics that write labels as text in the embedded font. */
  private static final class TextPdfGraphics extends PdfBoxGraphics2D {
    private final TextOutlines labels;

    TextPdfGraphics(PDDocument document, Layout layout, TextOutlines labels) throws IOException {
      super(document, layout.width, layout.height);
      this.labels = labels;
    }

    @Override
    public void fill(Shape shape) {
      if (!labels.drewAsText(this, shape)) {
        super.fill(shape);
      }
    }
  }
}
