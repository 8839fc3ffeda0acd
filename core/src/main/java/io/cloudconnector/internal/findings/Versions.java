package io.cloudconnector.internal.findings;

import java.util.Comparator;

/** Orders dotted numbers ({@code 1.2.0} before {@code 1.10.0}, {@code 1.9} before {@code 1.10}) part by part. */
final class Versions {

    /** Dotted numbers part by part as numbers; a part that is not a number compares as text. */
    static final Comparator<String> DOTTED = Versions::compare;

    private Versions() {
    }

    private static int compare(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int order = comparePart(left[i], right[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static int comparePart(String a, String b) {
        if (isNumber(a) && isNumber(b)) {
            String left = a.replaceFirst("^0+(?=.)", "");
            String right = b.replaceFirst("^0+(?=.)", "");
            return left.length() != right.length() ? Integer.compare(left.length(), right.length())
                : left.compareTo(right);
        }
        return a.compareTo(b);
    }

    private static boolean isNumber(String part) {
        return !part.isEmpty() && part.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
