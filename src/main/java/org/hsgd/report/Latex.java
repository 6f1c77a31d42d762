package org.hsgd.report;

/** Plain text as LaTeX that compiles in any font encoding. */
public final class Latex {
  private Latex() {}

  /**
   * Plain text as LaTeX: the special characters escaped, {@code <=}, {@code >=}, {@code <}, {@code
   * >} and {@code |} set in math (the default OT1 encoding prints {@code <} as an inverted
   * exclamation mark), Greek letters written out.
   */
  public static String text(String plain) {
    StringBuilder tex = new StringBuilder();
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      char next = i + 1 < plain.length() ? plain.charAt(i + 1) : 0;
      if ((c == '<' || c == '>') && next == '=') {
        tex.append(c == '<' ? "$\\le$" : "$\\ge$");
        i++;
        continue;
      }
      tex.append(
          switch (c) {
            case '\\' -> "\\textbackslash{}";
            case '_', '&', '%', '#', '$', '{', '}' -> "\\" + c;
            case '^' -> "\\textasciicircum{}";
            case '~' -> "\\textasciitilde{}";
            case '<', '>', '|' -> "$" + c + "$";
            case 'γ' -> "$\\gamma$";
            case 'σ' -> "$\\sigma$";
            case 'ε' -> "$\\varepsilon$";
            case 'Δ' -> "$\\Delta$";
            case '≤' -> "$\\le$";
            case '−' -> "$-$";
            default -> String.valueOf(c);
          });
    }
    return tex.toString();
  }
}
