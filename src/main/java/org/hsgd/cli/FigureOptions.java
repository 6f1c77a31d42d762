package org.hsgd.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hsgd.InvalidInputException;
import org.hsgd.figure.FigureFormat;
import org.hsgd.figure.PaperStyle;
import org.hsgd.figure.SeedBand;
import org.hsgd.figure.Venue;
import org.hsgd.report.FigureSettings;
import org.hsgd.report.TraceMetric;
import picocli.CommandLine.Option;

/**
 * The figure options of the commands that draw figures: the {@code figures:} block of a config,
 * each key overridden by its flag.
 */
final class FigureOptions {
  /** The keys of a config's {@code figures:} block. */
  static final Set<String> KEYS =
      Set.of("style", "width", "height", "font-size", "columns", "formats", "band", "metrics");

  @Option(
      names = "--style",
      paramLabel = "VENUE",
      description =
          "aaai, icml, neurips, ieee or default: the venue's column width, figure text sizes and a"
              + " Times-metric serif font; panel heights by the golden ratio")
  String style;

  @Option(
      names = "--figure-width",
      paramLabel = "W",
      description =
          "column (the style's column, default), text (its text width) or a width in inches;"
              + " one-column and two-column mean the same")
  String width;

  @Option(
      names = "--figure-height",
      paramLabel = "H",
      description =
          "height of one panel in inches (default style 2.3, two-column 2.6; venues: golden ratio)")
  String height;

  @Option(
      names = "--font-size",
      paramLabel = "PT",
      description =
          "axis title size in points (default 8, two-column 9; venues 9); ticks and legend a point"
              + " smaller where the venue allows")
  String fontSize;

  @Option(
      names = "--panel-columns",
      paramLabel = "N",
      description =
          "panels per row (default: side by side from 5 in wide, at most three to a row;"
              + " stacked below)")
  String columns;

  @Option(
      names = "--formats",
      paramLabel = "LIST",
      description = "figure files, any of pdf,svg,png (default: all three)")
  String formats;

  @Option(
      names = "--band",
      paramLabel = "B",
      description = "band over seeds: min-max (default), sd (mean +- 1 sd) or ci95")
  String band;

  @Option(
      names = "--metrics",
      paramLabel = "LIST",
      description =
          "panels of the training figure, any of loss,test_accuracy,test_loss,grad_norm_sq (default: loss,"
              + " and test accuracy, or loss and |grad f|^2 without a test set)")
  String metrics;

  /** The settings of the config's {@code figures:} block (if any) with the flags applied. */
  FigureSettings settings(Settings config) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (config.has("figures")) {
      Settings block = new Settings(config.map("figures"));
      block.requireKnown(KEYS, "figures");
      values.putAll(block.asMap());
    }
    put(values, "style", style);
    put(values, "width", width);
    put(values, "height", height);
    put(values, "font-size", fontSize);
    put(values, "columns", columns);
    put(values, "formats", formats);
    put(values, "band", band);
    put(values, "metrics", metrics);
    return parse(new Settings(values));
  }

  /** The figure flags given, as they would be typed again (for a manifest's rerun line). */
  String given() {
    StringBuilder flags = new StringBuilder();
    String[][] all = {
      {"--style", style},
      {"--figure-width", width},
      {"--figure-height", height},
      {"--font-size", fontSize},
      {"--panel-columns", columns},
      {"--formats", formats},
      {"--band", band},
      {"--metrics", metrics}
    };
    for (String[] flag : all) {
      if (flag[1] != null) {
        flags.append(' ').append(flag[0]).append(' ').append(Inputs.shellQuoted(flag[1]));
      }
    }
    return flags.toString();
  }

  private static void put(Map<String, Object> values, String key, String flag) {
    if (flag != null) {
      values.put(key, flag);
    }
  }

  private static FigureSettings parse(Settings s) {
    Venue venue = Venue.DEFAULT;
    if (s.has("style")) {
      venue = Venue.byKey(s.text("style"));
      if (venue == null) {
        throw new InvalidInputException(
            "figures.style",
            "must be aaai, icml, neurips, ieee or default",
            "'" + s.text("style") + "'");
      }
    }
    PaperStyle style = venue.column();
    if (s.has("width")) {
      String w = s.text("width");
      style =
          switch (w) {
            case "column", "one-column" -> venue.column();
            case "text", "two-column" -> venue.text();
            default -> {
              double inches = Settings.parseNumber("figures.width", w);
              PaperStyle preset =
                  venue == Venue.DEFAULT && inches >= PaperStyle.TWO_COLUMN
                      ? PaperStyle.twoColumn()
                      : style;
              yield preset.withSize(inches, preset.heightInches());
            }
          };
    }
    if (s.has("columns")) {
      double perRow = Settings.parseNumber("figures.columns", s.raw("columns"));
      if (perRow != Math.rint(perRow)) {
        throw new InvalidInputException(
            "figures.columns",
            "must be a whole number of panels per row",
            String.valueOf(s.raw("columns")));
      }
      style = style.withPanelColumns((int) perRow);
    }
    if (s.has("height")) {
      double height = Settings.parseNumber("figures.height", s.raw("height"));
      org.hsgd.Require.inRange("figures.height", height, 0.5, 20); // NaN is no height
      style = style.withSize(style.widthInches(), height);
    }
    if (s.has("font-size")) {
      style = style.withFontPoints(Settings.parseNumber("figures.font-size", s.raw("font-size")));
    }
    if (s.has("formats")) {
      Set<FigureFormat> chosen = EnumSet.noneOf(FigureFormat.class);
      for (Object f : s.list("formats")) {
        chosen.add(oneOf("figures.formats", String.valueOf(f), FigureFormat.values()));
      }
      style = style.withFormats(chosen);
    }
    SeedBand band = FigureSettings.DEFAULT.band();
    if (s.has("band")) {
      String b = s.text("band");
      band = SeedBand.byKey(b);
      if (band == null) {
        throw new InvalidInputException(
            "figures.band", "must be min-max, sd or ci95", "'" + b + "'");
      }
    }
    List<TraceMetric> chosen = new ArrayList<>();
    if (s.has("metrics")) {
      for (Object m : s.list("metrics")) {
        TraceMetric metric = TraceMetric.byColumn(String.valueOf(m).trim());
        if (metric == null) {
          throw new InvalidInputException(
              "figures.metrics",
              "must list loss, test_accuracy, test_loss or grad_norm_sq",
              "'" + m + "'");
        }
        chosen.add(metric);
      }
    }
    return new FigureSettings(style, band, chosen);
  }

  private static FigureFormat oneOf(String field, String given, FigureFormat[] allowed) {
    for (FigureFormat f : allowed) {
      if (f.extension().equals(given.trim().toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new InvalidInputException(field, "must list pdf, svg or png", "'" + given + "'");
  }
}
