package org.hsgd;

/**
 * An input that breaks a rule of the model: a hyperparameter, a configuration key or a data file.
 * The message is one line that names the field, the rule and the value found, e.g. {@code "periods
 * must be nested, each a multiple of the one below; found P_2=10, P_1=3"}.
 */
public final class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String rule;
  private final String found;

  /**
   * @param field the name of the offending field, as the user spells it (config key or flag)
   * @param rule what the field must satisfy, starting with a verb ("must be positive")
   * @param found the offending value(s), as the user would recognise them
   */
  public InvalidInputException(String field, String rule, String found) {
    super(field + " " + rule + "; found " + found);
    this.field = field;
    this.rule = rule;
    this.found = found;
  }

  /** The same error, saying where it arose ("at grid point 3, gamma=0.5"). */
  public InvalidInputException at(String where) {
    return new InvalidInputException(field, rule + " (" + where + ")", found);
  }

  /** The name of the offending field. */
  public String field() {
    return field;
  }
}
