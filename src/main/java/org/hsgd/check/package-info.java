/**
 * The checker: whether measurement and theory agree for an experiment's runs. Each {@link
 * org.hsgd.check.Check} is a table of numbers with a {@link org.hsgd.check.Verdict} and the lines
 * that explain it: the order of the three bounds (theory), each bound against the measured time
 * average (bound validity), and the measured order of local SGD at P_1, H-SGD and local SGD at P_K
 * (empirical sandwich). A {@link org.hsgd.check.CheckResult} holds any list of them. Pure
 * computation on finished runs; files are written by {@code org.hsgd.report}.
 */
package org.hsgd.check;
