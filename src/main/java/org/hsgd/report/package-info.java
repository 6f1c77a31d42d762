/**
 * Outputs for papers: tables (Tablesaw; text, CSV, JSON, LaTeX), plots (XChart; PNG, SVG, PDF) and
 * JSON manifests. Everything is rendered in memory first and then written with {@link
 * org.hsgd.report.Outputs#writeAll}, so a failure never leaves a truncated file.
 */
package org.hsgd.report;
