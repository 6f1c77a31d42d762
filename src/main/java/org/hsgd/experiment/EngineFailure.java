package org.hsgd.experiment;

/**
 * An engine could not run the replicates (a Spark job aborted, its application was refused or its
 * executors were lost too often). The message is one line for the user; the replicates finished
 * before it are kept, and a rerun resumes from them.
 */
public final class EngineFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The longest message kept: one line of a terminal, with room to spare. */
  private static final int MAX_LENGTH = 400;

  /**
   * @param what what failed, in words ("the Spark job of replicate point-1 seed 2 aborted")
   * @param cause what the engine said; its first line joins the message
   */
  public EngineFailure(String what, Throwable cause) {
    super(oneLine(what, cause), cause);
  }

  private static String oneLine(String what, Throwable cause) {
    String said = "";
    for (Throwable t = cause; t != null && said.isBlank(); t = t.getCause()) {
      said = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("").strip();
    }
    String line = said.isBlank() ? what : what + ": " + said;
    return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 3) + "...";
  }
}
