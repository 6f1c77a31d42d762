/**
 * Outputs for papers: tidy tables (Tablesaw; text, CSV, JSON, LaTeX), the paper's figures built
 * from those tables ({@link org.hsgd.report.PaperFigures}, drawn by {@code org.hsgd.figure}),
 * command reports, JSON manifests and result folders that appear whole or not at all. Everything is
 * rendered in memory first and then written with {@link org.hsgd.report.Outputs#writeAll} or {@link
 * org.hsgd.report.ResultFolder}, so a failure never leaves a truncated file.
 */
package org.hsgd.report;
