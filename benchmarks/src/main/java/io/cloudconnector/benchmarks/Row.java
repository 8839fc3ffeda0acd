package io.cloudconnector.benchmarks;

/**
 * One line of the results table.
 *
 * @param name what is measured
 * @param figure the median figure, with its unit or ratio, and what it was measured against
 * @param target the target, in words
 * @param verdict {@code PASS}, {@code FAIL}, or {@code n/a} for an informative figure
 */
record Row(String name, String figure, String target, String verdict) {

    /** A row with a target. */
    static Row judged(String name, String figure, String target, boolean pass) {
        return new Row(name, figure, target, pass ? "PASS" : "FAIL");
    }

    /** A row without a target. */
    static Row informative(String name, String figure) {
        return new Row(name, figure, "(informative)", "n/a");
    }
}
