package org.hsgd.figure;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Font;
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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Draws a {@link Figure} with XChart in the paper style and encodes it: PDF through PDFBox with the
 * style's font embedded, SVG through VectorGraphics2D with {@code <text>} elements and the font's
 * used glyphs embedded, PNG at 300 dpi rendered from the PDF. Sizes are in points (1/72 in), so a
 * figure prints at its style's width.
 */
public final class FigureRenderer {
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
    return format == FigureFormat.PNG
        ? png(vector(figure, style, FigureFormat.PDF))
        : vector(figure, style, format);
  }

  /** The fonts of a figure: axis titles, small text (ticks and legend), and their fallbacks. */
  record Fonts(Font label, Font small) {
    Fonts(PaperStyle style) {
      this(style.typeface().at(style.labelPoints()), style.typeface().at(style.smallPoints()));
    }

    RichText rich(String text, Font font) {
      return RichText.of(text, font, Typeface.SANS.at(font.getSize2D()));
    }
  }

  private static byte[] vector(Figure figure, PaperStyle style, FigureFormat format)
      throws IOException {
    Fonts fonts = new Fonts(style);
    int columns = style.columnsFor(figure.panels().size());
    Layout panelsOnly = new Layout(figure, style, columns, 0);
    List<Panel> drawn = figure.panels().stream().map(FigureRenderer::asDrawn).toList();
    LegendPlacement.Choice legend =
        LegendPlacement.choose(drawn, fonts, panelsOnly.panelWidth, panelsOnly.panelHeight);
    Legend strip =
        legend.panel() < 0
            ? Legend.strip(drawn.get(0).curves(), fonts, panelsOnly.width)
            : Legend.NONE;
    Layout layout = new Layout(figure, style, columns, (int) Math.ceil(strip.height()));
    TextOutlines labels = new TextOutlines(fonts);
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
              fonts,
              labels));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (format == FigureFormat.SVG) {
      TextSvgGraphics g = new TextSvgGraphics(labels);
      paint(g, painters, layout, strip);
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      new SVGProcessor()
          .getDocument(g.getCommands(), new PageSize(0, 0, style.widthInches() * 72, layout.height))
          .writeTo(raw);
      String svg =
          SvgCompaction.compact(raw.toString(StandardCharsets.UTF_8))
              .replaceFirst("height=\"([\\d.]+)px\"", "height=\"$1pt\"")
              .replaceFirst("width=\"([\\d.]+)px\"", "width=\"$1pt\"");
      out.write(SvgFonts.embed(svg).getBytes(StandardCharsets.UTF_8));
    } else {
      try (PDDocument document = new PDDocument()) {
        // The page at the style's exact width (3.3125 in is 238.5 pt), the drawing in whole points.
        PDPage page =
            new PDPage(new PDRectangle((float) (style.widthInches() * 72), layout.height));
        document.addPage(page);
        TextPdfGraphics g = new TextPdfGraphics(document, layout, labels);
        try (PdfBoxGraphics2DFontTextDrawer drawer = new PdfBoxGraphics2DFontTextDrawer()) {
          for (Typeface face : Typeface.values()) {
            try (InputStream ttf = face.stream()) {
              drawer.registerFont(face.fontName(), ttf);
            }
          }
          g.setFontTextDrawer(drawer);
          paint(g, painters, layout, strip);
          g.dispose();
        }
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.drawForm(g.getXFormObject());
        }
        document.save(out);
      }
    }
    return out.toByteArray();
  }

  /** The PNG at 300 dpi, rendered from the PDF: the same text, fonts and layout. */
  private static byte[] png(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, PNG_DPI, ImageType.RGB);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    }
  }

  /**
   * Panels in rows of {@code columns}, each as wide as a column and as high as the style says; then
   * the legend strip, if any. Sizes in points.
   */
  private record Layout(int width, int height, int panelWidth, int panelHeight, int columns) {
    Layout(Figure figure, PaperStyle style, int columns, int stripHeight) {
      this(
          points(style.widthInches()),
          rows(figure, columns) * points(style.panelHeightInches(style.widthInches() / columns))
              + stripHeight,
          points(style.widthInches()) / columns,
          points(style.panelHeightInches(style.widthInches() / columns)),
          columns);
    }

    private static int rows(Figure figure, int columns) {
      return (figure.panels().size() + columns - 1) / columns;
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
          (i % layout.columns) * layout.panelWidth, (i / layout.columns) * layout.panelHeight);
      painters.get(i).paint(g, layout.panelWidth, layout.panelHeight);
      g.setTransform(origin);
    }
    int rows = (painters.size() + layout.columns - 1) / layout.columns;
    strip.paint(g, (layout.width - strip.width()) / 2, rows * layout.panelHeight, false);
  }

  /** A panel's curves as drawn: log10 taken on its logarithmic axes. */
  private static Panel asDrawn(Panel panel) {
    Axis x = panel.categories().isEmpty() ? Axis.of(panel, Curve::x) : Axis.LINEAR;
    Axis y = Axis.of(panel, Curve::y);
    return panel.withCurves(panel.curves().stream().map(c -> y.onY(x.onX(c))).toList());
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
