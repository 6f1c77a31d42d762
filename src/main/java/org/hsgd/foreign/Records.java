package org.hsgd.foreign;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hsgd.InvalidInputException;

/**
 * The rows of a CSV file (a header of column names, then one record per line) or of a JSON Lines
 * file (one JSON object per line, its columns every key a line has), read one at a time, each with
 * its line number. A value is the text as written (a JSON number as its shortest decimal, which
 * reads back as the same double); an empty cell, a JSON null or a key a line leaves out reads as
 * empty. Nothing is held but the current row, so a file of any size streams.
 */
public final class Records implements AutoCloseable {
  /** How a file holds its rows. */
  public enum Format {
    CSV,
    JSON_LINES
  }

  /** One row: its line in the file, and a value (possibly empty) per column. */
  public record Row(long line, List<String> values) {
    public Row {
      values = List.copyOf(values);
    }
  }

  /** How much of a file is looked at to tell its format. */
  private static final int SNIFF_BYTES = 1 << 16;

  /** The most columns a CSV file may have: a wide file has one per metric and run. */
  private static final int MAX_COLUMNS = 1 << 16;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final Path file;
  private final Format format;
  private final List<String> columns;
  private final Map<String, Long> firstLines;
  private final BufferedReader reader;
  private final CsvParser csv;
  private long line; // JSON Lines: the line last read
  private final Map<String, Integer> index = new LinkedHashMap<>();

  private Records(
      Path file,
      Format format,
      List<String> columns,
      Map<String, Long> firstLines,
      BufferedReader reader,
      CsvParser csv,
      long line) {
    this.file = file;
    this.format = format;
    this.firstLines = Map.copyOf(firstLines);
    this.columns = List.copyOf(columns);
    this.reader = reader;
    this.csv = csv;
    this.line = line;
    for (int i = 0; i < columns.size(); i++) {
      index.put(columns.get(i), i);
    }
  }

  /**
   * Opens a file, telling CSV from JSON Lines by its first line, and reads its columns: the CSV
   * header, or the keys of the first JSON object.
   *
   * @throws InvalidInputException naming the file if it is missing, not text, empty, or neither CSV
   *     with a header nor JSON Lines
   */
  public static Records open(Path file) {
    requireText(file);
    BufferedReader reader = null;
    try {
      String first = firstLine(file);
      if (first == null) {
        throw new InvalidInputException(
            file.toString(), "must hold a header and rows (CSV) or JSON objects", "an empty file");
      }
      if (first.stripLeading().startsWith("[")) {
        throw new InvalidInputException(
            file + " line 1",
            "must be CSV or JSON Lines (one JSON object per line), not a JSON array",
            "'" + shorten(first) + "'");
      }
      reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
      if (first.stripLeading().startsWith("{")) {
        Map<String, Long> keys = jsonKeys(file);
        return new Records(
            file, Format.JSON_LINES, List.copyOf(keys.keySet()), keys, reader, null, 0);
      }
      CsvParserSettings settings = new CsvParserSettings();
      settings.setLineSeparatorDetectionEnabled(true);
      settings.setReadInputOnSeparateThread(false); // its read-ahead buckets cost memory
      settings.setMaxColumns(MAX_COLUMNS);
      settings.setMaxCharsPerColumn(1 << 16);
      settings.setNullValue("");
      settings.setEmptyValue("");
      CsvParser parser = new CsvParser(settings);
      parser.beginParsing(reader);
      String[] header = parse(file, parser);
      List<String> names = new ArrayList<>();
      for (String h : header) {
        names.add(h == null ? "" : h.strip());
      }
      if (names.size() < 2 || names.stream().anyMatch(String::isEmpty)) {
        parser.stopParsing();
        throw new InvalidInputException(
            file + " line " + parser.getContext().currentLine(),
            "must be a CSV header of two or more column names, or a JSON object (JSON Lines)",
            "'" + first + "'");
      }
      List<String> seen = new ArrayList<>();
      for (String n : names) {
        if (seen.contains(n)) {
          parser.stopParsing();
          throw new InvalidInputException(
              file + " line " + parser.getContext().currentLine(),
              "must name each column once",
              "'" + n + "' twice");
        }
        seen.add(n);
      }
      long headerLine = parser.getContext().currentLine();
      Map<String, Long> lines = new LinkedHashMap<>();
      names.forEach(n -> lines.put(n, headerLine));
      return new Records(file, Format.CSV, names, lines, null, parser, headerLine);
    } catch (IOException e) {
      closeQuietly(reader);
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (RuntimeException e) {
      closeQuietly(reader);
      throw e;
    }
  }

  public Format format() {
    return format;
  }

  /** The column names, in the file's order. */
  public List<String> columns() {
    return columns;
  }

  /** The longest line read whole: far beyond any row of runs, far below the memory it takes. */
  private static final int MAX_LINE = 1 << 24;

  /**
   * The next line, or null at the end, refusing one longer than {@link #MAX_LINE} characters (a
   * JSON array on one line, a file without line breaks) before it is held whole.
   */
  private static String line(BufferedReader in, Path file, long number) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int c = in.read(); c != -1; c = in.read()) {
      if (c == '\n') {
        return text.toString();
      }
      if (text.length() >= MAX_LINE) {
        throw new InvalidInputException(
            file + " line " + number,
            "must be at most " + MAX_LINE + " characters long, as a row of CSV or JSON Lines is",
            "a longer line");
      }
      if (c != '\r') {
        text.append((char) c);
      }
    }
    return text.length() == 0 ? null : text.toString();
  }

  /** The first line that is not blank, or null. */
  private static String firstLine(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      do {
        line = line(in, file, 1);
      } while (line != null && line.isBlank());
      return line;
    }
  }

  /** The line where a column is first named: the header's, or a JSON key's first line. */
  public long firstLine(String column) {
    return firstLines.getOrDefault(column, 1L);
  }

  /**
   * The keys of a JSON Lines file, each with the line it first appears on: a line may leave out a
   * key (an H-SGD level that local SGD's rows lack). One pass, streamed.
   */
  private static Map<String, Long> jsonKeys(Path file) throws IOException {
    Map<String, Long> keys = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long line = 0;
      String text;
      while ((text = line(in, file, ++line)) != null) {
        if (!text.isBlank()) {
          final long at = line;
          object(file, at, text).fieldNames().forEachRemaining(k -> keys.putIfAbsent(k, at));
        }
      }
    }
    return keys;
  }

  /** The position of a column, or -1 if the file has none of that name. */
  public int column(String name) {
    return index.getOrDefault(name, -1);
  }

  public Path file() {
    return file;
  }

  /**
   * The next row, or null at the end.
   *
   * @throws InvalidInputException naming the file and line of a row that does not fit: a CSV line
   *     with more or fewer fields than the header, a line that is not a JSON object, a key the
   *     first object did not have
   */
  public Row next() {
    return format == Format.CSV ? nextCsv() : nextJson();
  }

  private Row nextCsv() {
    String[] fields = parse(file, csv);
    if (fields == null) {
      return null;
    }
    long at = csv.getContext().currentLine();
    if (fields.length != columns.size()) {
      throw new InvalidInputException(
          file + " line " + at,
          "must have as many fields as the header (" + columns.size() + ")",
          fields.length + " fields");
    }
    List<String> values = new ArrayList<>(fields.length);
    for (String f : fields) {
      values.add(f == null ? "" : f.strip());
    }
    return new Row(at, values);
  }

  private Row nextJson() {
    String text;
    try {
      do {
        text = line(reader, file, line + 1);
        line++;
      } while (text != null && text.isBlank());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (text == null) {
      return null;
    }
    JsonNode object = object(file, line, text);
    String[] values = new String[columns.size()];
    java.util.Arrays.fill(values, "");
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      int i = column(f.getKey());
      JsonNode v = f.getValue();
      if (v.isContainerNode()) {
        throw new InvalidInputException(
            file + " line " + line + ", column " + f.getKey(),
            "must be a number or text, not a list or object",
            v.toString());
      }
      values[i] = v.isNull() ? "" : v.asText();
    }
    return new Row(line, List.of(values));
  }

  /** The CSV parser's next record, its failures as one line naming the file. */
  private static String[] parse(Path file, CsvParser parser) {
    try {
      return parser.parseNext();
    } catch (TextParsingException e) {
      throw new InvalidInputException(
          file + " line " + (e.getLineIndex() + 1),
          "must be CSV (or JSON Lines)",
          String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }

  private static JsonNode object(Path file, long line, String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isObject()) {
        throw new InvalidInputException(
            file + " line " + line, "must be a JSON object (JSON Lines)", shorten(text));
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          file + " line " + line,
          "must be one JSON object per line (JSON Lines)",
          e.getOriginalMessage().lines().findFirst().orElse(""));
    }
  }

  /**
   * Refuses what is not a regular file of UTF-8 text, from its first bytes: a folder, a device, an
   * image or an archive.
   */
  private static void requireText(Path file) {
    if (!Files.exists(file)) {
      throw new InvalidInputException(file.toString(), "must name an existing file", "no file");
    }
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(
          file.toString(), "must be a regular file (not a folder, device or FIFO)", "not one");
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF_BYTES);
    } catch (IOException e) {
      throw new InvalidInputException(
          file.toString(), "must be a readable file", String.valueOf(e.getMessage()));
    }
    int end = head.length;
    // A multi-byte character cut by the end of the sample is not an error: drop its bytes.
    for (int back = 0; back < 3 && end > 0 && (head[end - 1] & 0xC0) == 0x80; back++) {
      end--;
    }
    if (end > 0 && (head[end - 1] & 0xC0) == 0xC0) {
      end--;
    }
    boolean text;
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(head, 0, end));
      text = true;
      for (int i = 0; i < end; i++) {
        text &= head[i] != 0;
      }
    } catch (CharacterCodingException e) {
      text = false;
    }
    if (!text) {
      throw new InvalidInputException(
          file.toString(), "must be CSV or JSON Lines", "bytes that are not UTF-8 text");
    }
  }

  private static String shorten(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }

  private static void closeQuietly(BufferedReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (IOException ignored) {
        // already failing; the first error is the one to report
      }
    }
  }

  @Override
  public void close() {
    if (csv != null) {
      csv.stopParsing();
    }
    closeQuietly(reader);
  }
}
