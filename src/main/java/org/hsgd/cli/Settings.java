package org.hsgd.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hsgd.InvalidInputException;

/**
 * Named input values from a YAML config overlaid with command-line flags, with typed getters whose
 * errors name the key. A value is what YAML produced (number, boolean, string, list, map) or the
 * string a flag received; lists may also be written as comma-separated strings. Immutable.
 */
final class Settings {
  /** A key given twice is an error, not "the last one wins". */
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /**
   * A decimal number as people write it (and NaN or Infinity, so that range checks can name them):
   * not Java's "1f", "2d" or hexadecimal forms, which Double.parseDouble also accepts.
   */
  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("[+-]?(NaN|Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");

  private final Map<String, Object> values;

  /** Where these settings are in the config: empty at its top, "data" for its data: map. */
  private final String path;

  Settings(Map<String, ?> values) {
    this(values, "");
  }

  private Settings(Map<String, ?> values, String path) {
    this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.path = path;
  }

  /** The settings of a nested map, whose errors name its keys in full ("data.train"). */
  Settings section(String key) {
    return new Settings(map(key), field(key));
  }

  /** A key's full name in the config. */
  private String field(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /**
   * Reads a YAML config whose top level is a map with keys from {@code known}.
   *
   * @throws InvalidInputException naming "config" if the file is missing, not YAML, not a map, or
   *     has an unknown key
   */
  /** Far above any config, far below what would strain memory. */
  private static final long MAX_CONFIG_BYTES = 4L << 20;

  static Settings load(Path file, Set<String> known) {
    // A FIFO would block, a device never end: only a regular file of a config's size is read.
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new InvalidInputException(
          "config", "must be a regular file (not a folder, device or FIFO)", file.toString());
    }
    Object tree;
    try {
      long size = Files.size(file);
      if (size > MAX_CONFIG_BYTES) {
        throw new InvalidInputException(
            "config",
            "must be at most " + MAX_CONFIG_BYTES / (1 << 20) + " MiB, as a config is",
            file + " holds " + size + " bytes");
      }
      tree = YAML.readValue(Files.readString(file), Object.class);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("config", "must name an existing file", file.toString());
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new InvalidInputException(
          "config",
          "must be valid YAML",
          file + where + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new InvalidInputException(
          "config", "must be a readable file", file + " (" + e.getMessage() + ")");
    }
    if (!(tree instanceof Map<?, ?> map)) {
      throw new InvalidInputException(
          "config", "must be a YAML map of key: value lines", file.toString());
    }
    Settings settings = new Settings(stringKeys(map));
    settings.requireKnown(known, file.toString());
    return settings;
  }

  /** These settings with {@code overrides} replacing or adding values. */
  Settings with(Map<String, ?> overrides) {
    Map<String, Object> merged = new LinkedHashMap<>(values);
    merged.putAll(overrides);
    return new Settings(merged, path);
  }

  /** These settings without a key. */
  Settings without(String key) {
    Map<String, Object> rest = new LinkedHashMap<>(values);
    rest.remove(key);
    return new Settings(rest, path);
  }

  /** A value as given, or null if absent. */
  Object rawOrNull(String key) {
    return values.get(key);
  }

  /** These settings with one value replaced. */
  Settings with(String key, Object value) {
    return with(Map.of(key, value));
  }

  /**
   * @throws InvalidInputException naming "config" for a key outside {@code known}
   */
  void requireKnown(Set<String> known, String source) {
    for (String key : values.keySet()) {
      if (!known.contains(key)) {
        throw new InvalidInputException(
            "config",
            "keys must be among " + new TreeSet<>(known),
            "unknown key '" + key + "' in " + source);
      }
    }
  }

  boolean has(String key) {
    return values.get(key) != null;
  }

  Object raw(String key) {
    return require(key);
  }

  String text(String key) {
    return String.valueOf(require(key)).trim();
  }

  double number(String key) {
    return parseNumber(field(key), require(key));
  }

  /** A whole number; accepts forms like {@code 1e6} that denote one. */
  long integer(String key) {
    return parseInteger(field(key), require(key));
  }

  int smallInteger(String key) {
    return toInt(field(key), integer(key));
  }

  boolean flag(String key) {
    Object v = values.get(key);
    if (v == null || v instanceof Boolean) {
      return Boolean.TRUE.equals(v);
    }
    String s = String.valueOf(v).trim().toLowerCase(java.util.Locale.ROOT);
    if (s.equals("true") || s.equals("false")) {
      return s.equals("true");
    }
    throw new InvalidInputException(field(key), "must be true or false", "'" + v + "'");
  }

  double[] numbers(String key) {
    List<Object> items = list(key);
    double[] result = new double[items.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = parseNumber(field(key) + "[" + (i + 1) + "]", items.get(i));
    }
    return result;
  }

  long[] integers(String key) {
    List<Object> items = list(key);
    long[] result = new long[items.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = parseInteger(field(key) + "[" + (i + 1) + "]", items.get(i));
    }
    return result;
  }

  int[] smallIntegers(String key) {
    long[] longs = integers(key);
    int[] result = new int[longs.length];
    for (int i = 0; i < result.length; i++) {
      result[i] = toInt(field(key) + "[" + (i + 1) + "]", longs[i]);
    }
    return result;
  }

  /**
   * A list value: a YAML list, a comma-separated string, or a single scalar. Empty for "" or [].
   */
  List<Object> list(String key) {
    return asList(require(key));
  }

  /** A nested map (YAML only). */
  Map<String, Object> map(String key) {
    Object v = require(key);
    if (!(v instanceof Map<?, ?> m)) {
      throw new InvalidInputException(
          field(key), "must be a map of key: value lines", "'" + v + "'");
    }
    return stringKeys(m);
  }

  /** A YAML map with its keys as strings. */
  static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach((k, x) -> result.put(String.valueOf(k), x));
    return result;
  }

  /** The values as a plain map, for manifests. */
  Map<String, Object> asMap() {
    return values;
  }

  static List<Object> asList(Object v) {
    if (v instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    String s = String.valueOf(v).trim();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    List<Object> items = new ArrayList<>();
    if (!s.isBlank()) {
      for (String part : s.split(",")) {
        items.add(part.trim());
      }
    }
    return items;
  }

  static double parseNumber(String key, Object v) {
    if (v instanceof Number num) {
      return num.doubleValue();
    }
    String text = String.valueOf(v).trim();
    if (!NUMBER.matcher(text).matches()) {
      throw new InvalidInputException(key, "must be a number", "'" + v + "'");
    }
    return Double.parseDouble(text);
  }

  static long parseInteger(String key, Object v) {
    if (v instanceof Integer || v instanceof Long) {
      long value = ((Number) v).longValue();
      if (Math.abs(value) >= (1L << 62)) {
        throw new InvalidInputException(key, "must be a whole number below 2^62", "'" + v + "'");
      }
      return value;
    }
    String text = String.valueOf(v).trim();
    if (text.matches("[+-]?\\d{1,19}")) { // digits: exact, not through a double
      try {
        long exact = Long.parseLong(text);
        if (Math.abs(exact) < (1L << 62)) {
          return exact;
        }
      } catch (NumberFormatException e) {
        // beyond a long: refused below
      }
    }
    double d = parseNumber(key, v);
    if (d != Math.rint(d) || Math.abs(d) >= 0x1p62) {
      throw new InvalidInputException(key, "must be a whole number below 2^62", "'" + v + "'");
    }
    return (long) d;
  }

  static int toInt(String key, long v) {
    if (v != (int) v) {
      throw new InvalidInputException(key, "must be below 2^31", key + "=" + v);
    }
    return (int) v;
  }

  private Object require(String key) {
    Object v = values.get(key);
    if (v == null) {
      throw new InvalidInputException(
          field(key),
          path.isEmpty()
              ? "is required (as --" + key + " or '" + key + ":' in the config)"
              : "is required (as '" + key + ":' in the config's '" + path + ":' map)",
          "none");
    }
    return v;
  }
}
