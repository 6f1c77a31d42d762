package org.hsgd.foreign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mapping guessed from a long file's column names and method values, for the user to check and
 * complete: shown, never applied. Columns are recognised by the names researchers' loggers use
 * (step, train_loss, grad_sq_norm, test_acc, div_intra_group, ...); methods by their periods
 * (columns with "period" in their name) or the numbers in their names: equal periods are local SGD,
 * the smallest at the bottom and the largest at the top, and the method with two periods H-SGD.
 */
public final class MappingGuess {
  private static final Map<String, List<String>> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put("iteration", List.of("iteration", "iter", "step", "t", "round"));
    NAMES.put("loss", List.of("loss", "train_loss", "training_loss", "f"));
    NAMES.put(
        "grad-norm-sq",
        List.of("grad_norm_sq", "grad_sq_norm", "grad_norm2", "grad_norm_squared", "gradnorm2"));
    NAMES.put("test-accuracy", List.of("test_accuracy", "test_acc", "accuracy", "acc"));
    NAMES.put("test-loss", List.of("test_loss", "val_loss"));
    NAMES.put("divergence-total", List.of("div_total", "divergence", "div"));
    NAMES.put("method", List.of("method", "algorithm", "algo"));
    NAMES.put("seed", List.of("seed", "rep", "replicate"));
    NAMES.put("grouping", List.of("grouping", "group_mode", "partition"));
  }

  private static final Pattern NUMBER = Pattern.compile("\\d+");

  private MappingGuess() {}

  /**
   * The guess for a file, as the keys of a mapping file: columns, methods, ignore, and periods
   * where the file says them. What cannot be guessed (n, groups, gamma) is left for the user.
   */
  public static Map<String, Object> of(Path file) {
    Map<String, Object> columns = new LinkedHashMap<>();
    List<String> used = new ArrayList<>();
    List<String> header;
    Map<String, List<Long>> methodPeriods = new TreeMap<>();
    try (Records records = Records.open(file)) {
      header = records.columns();
      NAMES.forEach(
          (key, names) ->
              find(header, names, used)
                  .ifPresent(
                      c -> {
                        columns.put(key, c);
                        used.add(c);
                      }));
      List<String> levels =
          header.stream()
              .filter(c -> !used.contains(c) && c.toLowerCase(Locale.ROOT).startsWith("div"))
              .sorted(Comparator.comparingInt(MappingGuess::levelRank))
              .toList();
      if (!levels.isEmpty()) {
        columns.put("divergence", levels);
        used.addAll(levels);
      }
      List<String> periods =
          header.stream()
              .filter(c -> !used.contains(c) && c.toLowerCase(Locale.ROOT).contains("period"))
              .sorted(Comparator.comparingInt(MappingGuess::periodRank))
              .toList();
      if (!periods.isEmpty()) {
        columns.put("periods", periods);
        used.addAll(periods);
      }
      int method =
          Optional.ofNullable((String) columns.get("method")).map(records::column).orElse(-1);
      if (method >= 0) {
        for (Records.Row row = records.next(); row != null; row = records.next()) {
          String value = row.values().get(method);
          if (!methodPeriods.containsKey(value)) {
            methodPeriods.put(value, periodsOf(value, row, periods, records));
          }
        }
      }
    }
    Map<String, Object> guess = new LinkedHashMap<>();
    guess.put("columns", columns);
    guess.put("methods", methods(methodPeriods));
    List<String> ignored = header.stream().filter(c -> !used.contains(c)).toList();
    if (!ignored.isEmpty()) {
      guess.put("ignore", ignored);
    }
    methodPeriods.values().stream()
        .filter(p -> p.stream().distinct().count() > 1)
        .findFirst()
        .ifPresent(p -> guess.put("periods", p));
    return guess;
  }

  private static Optional<String> find(List<String> header, List<String> names, List<String> used) {
    for (String name : names) {
      for (String c : header) {
        if (!used.contains(c) && c.toLowerCase(Locale.ROOT).replace('-', '_').equals(name)) {
          return Optional.of(c);
        }
      }
    }
    return Optional.empty();
  }

  /** Lower levels first: intra, within, down, level_1 before inter, between, up. */
  private static int levelRank(String column) {
    String c = column.toLowerCase(Locale.ROOT);
    if (c.contains("intra") || c.contains("within") || c.contains("down")) {
      return 0;
    }
    if (c.contains("inter") || c.contains("between") || c.contains("up")) {
      return 1000;
    }
    Matcher m = NUMBER.matcher(c);
    return m.find() ? Integer.parseInt(m.group()) : 500;
  }

  private static int periodRank(String column) {
    String c = column.toLowerCase(Locale.ROOT);
    return c.contains("local") || c.contains("bottom") ? 0 : c.contains("global") ? 1000 : 500;
  }

  /** A method's periods: from the period columns of its first row, else the numbers in its name. */
  private static List<Long> periodsOf(
      String method, Records.Row row, List<String> periods, Records records) {
    List<Long> found = new ArrayList<>();
    for (String p : periods) {
      String v = row.values().get(records.column(p));
      if (v.matches("\\d{1,18}")) {
        found.add(Long.parseLong(v));
      }
    }
    if (found.size() == periods.size() && !found.isEmpty()) {
      return found;
    }
    found.clear();
    Matcher m = NUMBER.matcher(method);
    while (m.find() && m.group().length() <= 18) {
      found.add(Long.parseLong(m.group()));
    }
    return found;
  }

  /** Equal periods (or one) are local SGD, the rest H-SGD; local SGD's smallest at the bottom. */
  private static Map<String, String> methods(Map<String, List<Long>> periods) {
    Map<String, String> roles = new LinkedHashMap<>();
    List<Map.Entry<String, List<Long>>> local =
        periods.entrySet().stream()
            .filter(e -> !e.getValue().isEmpty() && e.getValue().stream().distinct().count() == 1)
            .sorted(Comparator.comparingLong(e -> e.getValue().get(0)))
            .toList();
    periods.forEach((method, p) -> roles.put(method, "hsgd"));
    if (!local.isEmpty()) {
      roles.put(local.get(0).getKey(), "local-bottom");
      roles.put(local.get(local.size() - 1).getKey(), "local-top");
    }
    return roles;
  }
}
