package io.cloudconnector.internal.fleet;

/**
 * Quotes a value as one literal word for the shell that runs it, so that no character of it is interpreted: no
 * expansion, substitution, globbing or word splitting.
 */
public final class ShellQuoting {

    private ShellQuoting() {
    }

    /**
     * A POSIX shell (sh, bash, dash) single-quoted literal: inside single quotes nothing is special, and a single
     * quote is written as {@code '\''} (close, escaped quote, reopen).
     */
    public static String posix(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /**
     * A PowerShell single-quoted (verbatim) literal: nothing is expanded, and a quote is escaped by doubling it.
     * PowerShell takes the typographic quotes U+2018 to U+201B for single quotes too, so they are doubled as well.
     */
    public static String powerShell(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('\'');
        for (char c : value.toCharArray()) {
            quoted.append(c);
            if (isPowerShellSingleQuote(c)) {
                quoted.append(c);
            }
        }
        return quoted.append('\'').toString();
    }

    private static boolean isPowerShellSingleQuote(char c) {
        return c == '\'' || (c >= '\u2018' && c <= '\u201B');
    }
}
