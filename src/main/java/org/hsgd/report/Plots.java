package org.hsgd.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Line charts (XChart) rendered to PNG, SVG and PDF bytes. */
public final class Plots {
  private Plots() {}

  /**
   * A chart of several curves over one x axis; an axis is logarithmic when its positive values span
   * more than a factor of 20.
   *
   * @param series name to y values, each as long as x
   */
  public static XYChart lines(
      String title, String xTitle, String yTitle, double[] x, Map<String, double[]> series) {
    XYChart chart =
        new XYChartBuilder()
            .width(800)
            .height(500)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setXAxisLogarithmic(spansDecades(x));
    chart.getStyler().setYAxisLogarithmic(series.values().stream().allMatch(Plots::spansDecades));
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    // Markers help read a few points and smear many into a band.
    var marker = x.length <= 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE;
    series.forEach((name, y) -> chart.addSeries(name, x, y).setMarker(marker));
    return chart;
  }

  /** The chart as PNG, SVG and PDF, keyed by file extension. */
  public static Map<String, byte[]> render(XYChart chart) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try {
      files.put("png", BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
      files.put("svg", vector(chart, VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
      files.put("pdf", vector(chart, VectorGraphicsEncoder.VectorGraphicsFormat.PDF));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the plot: " + e.getMessage(), e);
    }
    return files;
  }

  private static byte[] vector(XYChart chart, VectorGraphicsEncoder.VectorGraphicsFormat format)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VectorGraphicsEncoder.saveVectorGraphic(chart, out, format);
    return out.toByteArray();
  }

  private static boolean spansDecades(double[] values) {
    double min = Arrays.stream(values).min().orElse(0);
    double max = Arrays.stream(values).max().orElse(0);
    return min > 0 && max / min > 20;
  }
}
