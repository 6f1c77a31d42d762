/**
 * The {@code hsgd} command line (picocli): {@code bound}, {@code bound sweep}, {@code plan}, {@code
 * simulate} and {@code check}. Flags and YAML configs share one set of keys ({@link
 * org.hsgd.cli.Settings}); every invalid input ends in a one-line message naming the field and exit
 * code 2, before any file is written.
 */
package org.hsgd.cli;
