/**
 * The {@code hsgd} command line (picocli, which no other package imports): {@code bound}, {@code
 * bound sweep}, {@code plan}, {@code simulate}, {@code check} and {@code plot}. It turns flags and
 * YAML into typed specs (flags and YAML configs share one set of keys, {@link
 * org.hsgd.cli.Settings}) and hands them to {@code org.hsgd.study}; it alone names flags, and
 * {@link org.hsgd.cli.ExitCodes} turns verdicts and errors into exit codes. Every invalid input
 * ends in a one-line message naming the field and exit code 2, before any file is written.
 */
package org.hsgd.cli;
