package org.hsgd.cli;

import java.io.PrintWriter;
import org.hsgd.experiment.Progress;

/**
 * Progress of a batch of runs on stderr: a bar redrawn in place on a terminal, plain lines at every
 * tenth otherwise (logs, CI).
 */
final class ProgressDisplay implements Progress {
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private long total;
  private long offset;
  private String label = "";
  private long lastDraw;
  private int lastTenth = -1;

  ProgressDisplay(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public void runStarted(int index, int count, String runLabel, long iterations) {
    this.label = runLabel;
    this.offset = index * iterations;
    this.total = count * iterations;
  }

  @Override
  public void advanced(long doneInRun) {
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
