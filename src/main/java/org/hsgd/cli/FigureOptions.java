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
      Set.of("width", "height", "font-size", "formats", "band", "metrics");

  @Option(
      names = "--figure-width",
      paramLabel = "W",
      description = "one-column (3.3 in, default), two-column (6.9 in) or a width in inches")
  String width;

  @Option(
      names = "--figure-height",
      paramLabel = "H",
      description = "height of one panel in inches (default 2.3, two-column 2.6)")
  String height;

  @Option(
      names = "--font-size",
      paramLabel = "PT",
      description = "text size in points (default 8, two-column 9)")
  String fontSize;

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
    put(values, "width", width);
    put(values, "height", height);
    put(values, "font-size", fontSize);
    put(values, "formats", formats);
    put(values, "band", band);
    put(values, "metrics", metrics);
    return parse(new Settings(values));
  }

  /** The figure flags given, as they would be typed again (for a manifest's rerun line). */
  String given() {
    StringBuilder flags = new StringBuilder();
    String[][] all = {
      {"--figure-width", width},
      {"--figure-height", height},
      {"--font-size", fontSize},
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
    PaperStyle style = PaperStyle.oneColumn();
    if (s.has("width")) {
      String w = s.text("width");
      style =
          switch (w) {
            case "one-column" -> PaperStyle.oneColumn();
            case "two-column" -> PaperStyle.twoColumn();
            default -> {
              double inches = Settings.parseNumber("figures.width", w);
              PaperStyle preset =
                  inches >= PaperStyle.TWO_COLUMN ? PaperStyle.twoColumn() : PaperStyle.oneColumn();
              yield preset.withSize(inches, preset.heightInches());
            }
          };
    }
    if (s.has("height")) {
      style =
          style.withSize(
              style.widthInches(), Settings.parseNumber("figures.height", s.raw("height")));
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
