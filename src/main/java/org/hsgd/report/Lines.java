package org.hsgd.report;

import java.util.ArrayList;
import java.util.List;

/** Text for the terminal: lines wrapped at word boundaries to fit its width. */
public final class Lines {
  /** The widest line written to the terminal. */
  public static final int TERMINAL_WIDTH = 120;

  private Lines() {}

  /**
   * {@code text} broken at spaces into lines of at most {@code width} characters, the first
   * starting with {@code first}, the others with {@code next}; a word longer than a line is cut.
   */
  public static List<String> wrap(String text, int width, String first, String next) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(first);
    int start = first.length();
    for (String word : text.split(" ", -1)) {
      boolean empty = line.length() == start;
      if (!empty && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line = new StringBuilder(next);
        start = next.length();
        empty = true;
      }
      if (!empty) {
        line.append(' ');
      }
      while (line.length() + word.length() > width && width > line.length()) {
        int room = width - line.length();
        line.append(word, 0, room);
        lines.add(line.toString());
        word = word.substring(room);
        line = new StringBuilder(next);
        start = next.length();
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  /** Every line of {@code text} wrapped to the terminal, continuation lines indented by two. */
  public static String fit(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.length() <= TERMINAL_WIDTH) {
        out.append(line).append('\n');
      } else {
        String indent = line.substring(0, line.length() - line.stripLeading().length()) + "  ";
        wrap(line, TERMINAL_WIDTH, "", indent).forEach(l -> out.append(l).append('\n'));
      }
    }
    return out.substring(0, out.length() - 1);
  }
}
