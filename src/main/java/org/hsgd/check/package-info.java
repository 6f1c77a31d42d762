/**
 * The checker: whether measurement and theory agree for an experiment's runs. Three checks, each a
 * table of numbers with a {@link org.hsgd.check.Verdict}: the order of the three bounds (theory),
 * the bound against the measured time average (bound validity), and the measured order of local SGD
 * at P_1, H-SGD and local SGD at P_K (empirical sandwich). Pure computation on finished runs;
 * rendering lives in {@code org.hsgd.report}.
 */
package org.hsgd.check;
