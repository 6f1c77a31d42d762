package org.hsgd.cli;

import java.io.PrintWriter;
import java.util.function.LongConsumer;

/**
 * Progress of a batch of runs on stderr: a bar redrawn in place on a terminal, plain lines at every
 * tenth otherwise (logs, CI).
 */
final class ProgressDisplay implements LongConsumer {
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private final long total;
  private long offset;
  private String label = "";
  private long lastDraw;
  private int lastTenth = -1;

  ProgressDisplay(PrintWriter err, boolean terminal, long total) {
    this.err = err;
    this.terminal = terminal;
    this.total = total;
  }

  /** Starts the next run, of the given length, under a label. */
  void startRun(String runLabel, long previousRunsLength) {
    this.label = runLabel;
    this.offset = previousRunsLength;
  }

  @Override
  public void accept(long doneInRun) {
    long done = offset + doneInRun;
    int tenth = (int) (10 * done / total);
    if (terminal) {
      long now = System.nanoTime();
      if (now - lastDraw >= REDRAW_NANOS || done == total) {
        lastDraw = now;
        int filled = (int) (30 * done / total);
        err.printf(
            "\r[%s%s] %3d%%  %s   ",
            "#".repeat(filled), ".".repeat(30 - filled), 100 * done / total, label);
        err.flush();
      }
    } else if (tenth > lastTenth) {
      lastTenth = tenth;
      err.printf("progress: %d%% (%s)%n", 100 * done / total, label);
      err.flush();
    }
  }

  void finish() {
    if (terminal) {
      err.println();
    }
    err.flush();
  }
}
