package org.hsgd.bounds;

/**
 * The three bounds of a query.
 *
 * @param lower local SGD with period P_1
 * @param hsgd the hierarchy
 * @param upper local SGD with period P_K
 * @param holds whether lower &lt;= hsgd &lt;= upper (up to {@link Sandwich#ORDER_TOLERANCE})
 */
public record SandwichResult(
    BoundResult lower, BoundResult hsgd, BoundResult upper, boolean holds) {}
