package org.hsgd;

/**
 * An input that breaks a rule of the model: a hyperparameter, a configuration key or a data file.
 * The message is one line that names the field, the rule and the value found, e.g. {@code "periods
 * must be nested, each a multiple of the one below; found P_2=10, P_1=3"}.
 */
public final class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * What the user can change to get past the error, beyond the field itself; a front end names its
   * own flag or variable for it, so that the library names none.
   */
  public enum Remedy {
    /** Nothing beyond the field. */
    NONE,
    /** Give the JVM more memory. */
    MORE_MEMORY,
    /** Run fewer replicates at a time. */
    FEWER_AT_ONCE,
    /** Ask for a bound at a step size beyond the proven range, without guarantee. */
    ALLOW_INVALID_STEP,
    /** Say which of a foreign file's columns are which quantities. */
    MAP_COLUMNS
  }

  private final String field;
  private final String rule;
  private final String found;
  private final Remedy remedy;

  /**
   * @param field the name of the offending field, as the user spells it (config key or flag)
   * @param rule what the field must satisfy, starting with a verb ("must be positive")
   * @param found the offending value(s), as the user would recognise them
   */
  public InvalidInputException(String field, String rule, String found) {
    this(field, rule, found, Remedy.NONE);
  }

  /** The most characters of a value an error line shows: a line, not a file's content. */
  private static final int MAX_FOUND = 300;

  private InvalidInputException(String field, String rule, String found, Remedy remedy) {
    super(field + " " + rule + "; found " + shown(found));
    this.field = field;
    this.rule = rule;
    this.found = found;
    this.remedy = remedy;
  }

  /** A value as an error line shows it: on one line, cut to {@value #MAX_FOUND} characters. */
  private static String shown(String found) {
    String line = found.replaceAll("[\\r\\n\\t]+", " ");
    return line.length() <= MAX_FOUND
        ? line
        : line.substring(0, MAX_FOUND) + "... (" + line.length() + " characters)";
  }

  /** The same error, saying where it arose ("at grid point 3, gamma=0.5"). */
  public InvalidInputException at(String where) {
    return new InvalidInputException(field, rule + " (" + where + ")", found, remedy);
  }

  /** The same error, with what else the user can change. */
  public InvalidInputException withRemedy(Remedy chosen) {
    return new InvalidInputException(field, rule, found, chosen);
  }

  /** What else the user can change, for a front end to name in its own terms. */
  public Remedy remedy() {
    return remedy;
  }

  /** The name of the offending field. */
  public String field() {
    return field;
  }
}
