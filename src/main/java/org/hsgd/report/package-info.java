/**
 * Outputs for papers: tidy tables (Tablesaw; text, CSV, JSON, LaTeX), figures in a paper style
 * (XChart axes; PDF with its font embedded, SVG with text, PNG) and JSON manifests. Everything is
 * rendered in memory first and then written with {@link org.hsgd.report.Outputs#writeAll}, so a
 * failure never leaves a truncated file.
 */
package org.hsgd.report;
