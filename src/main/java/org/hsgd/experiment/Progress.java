package org.hsgd.experiment;

/** Told how a batch of runs advances, for progress bars and logs. Called on the runner's thread. */
public interface Progress {
  /** Says nothing. */
  Progress SILENT =
      new Progress() {
        @Override
        public void runStarted(int index, int count, String label, long iterations) {}

        @Override
        public void advanced(long done) {}
      };

  /** Run {@code index} (from 0) of {@code count}, of {@code iterations} iterations each, begins. */
  void runStarted(int index, int count, String label, long iterations);

  /** The current run has completed {@code done} iterations. */
  void advanced(long done);
}
