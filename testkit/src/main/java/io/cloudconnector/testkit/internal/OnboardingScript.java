package io.cloudconnector.testkit.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what an onboarding script asks {@code azcmagent connect} for: resource group, location, subscription,
 * service principal, resource name and tags. Understands shell and PowerShell quoting, line continuations and
 * simple variable assignments; what it cannot read stays empty.
 */
final class OnboardingScript {

    private static final Pattern CONNECT = Pattern.compile("azcmagent(?:\\.exe)?[\"']?\\s+connect\\b(.*)");
    private static final Pattern ASSIGNMENT =
        Pattern.compile("^\\s*(?:export\\s+|\\$(?:env:)?)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.+?)\\s*;?\\s*$");
    private static final Pattern VARIABLE = Pattern.compile("\\$(?:env:)?\\{?([A-Za-z_][A-Za-z0-9_]*)}?");
    private static final Map<String, String> ALIASES = Map.of("-g", "--resource-group", "-l", "--location",
        "-s", "--subscription-id", "-t", "--tenant-id", "-n", "--resource-name", "-i", "--service-principal-id");

    private final Map<String, String> arguments;

    private OnboardingScript(Map<String, String> arguments) {
        this.arguments = arguments;
    }

    /** The script's {@code azcmagent connect} call, when it has one. */
    static Optional<OnboardingScript> read(List<String> commands) {
        String script = String.join("\n", commands).replace("\\\n", " ").replace("`\n", " ");
        Map<String, String> variables = new HashMap<>();
        for (String line : script.split("\n")) {
            Matcher assignment = ASSIGNMENT.matcher(line);
            if (assignment.matches() && !line.contains("azcmagent")) {
                List<String> words = words(assignment.group(2), variables);
                variables.put(assignment.group(1), words.isEmpty() ? "" : words.get(0));
            }
            Matcher connect = CONNECT.matcher(line);
            if (connect.find()) {
                return Optional.of(new OnboardingScript(arguments(words(connect.group(1), variables))));
            }
        }
        return Optional.empty();
    }

    /** The value of {@code --flag}, when given. */
    Optional<String> argument(String flag) {
        return Optional.ofNullable(arguments.get(flag)).filter(v -> !v.isEmpty());
    }

    /** The {@code --tags} as a map; empty when absent or unreadable. */
    Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : splitOutsideQuotes(arguments.getOrDefault("--tags", ""), ',')) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                tags.put(unquote(pair.substring(0, eq).trim()), unquote(pair.substring(eq + 1).trim()));
            }
        }
        return tags;
    }

    private static Map<String, String> arguments(List<String> words) {
        Map<String, String> arguments = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = ALIASES.getOrDefault(words.get(i), words.get(i));
            if (!word.startsWith("-")) {
                continue;
            }
            int eq = word.indexOf('=');
            if (eq > 0) {
                arguments.put(word.substring(0, eq), word.substring(eq + 1));
            } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                arguments.put(word, words.get(++i));
            }
        }
        return arguments;
    }

    /** Splits a command line into words, honouring quotes and substituting known variables. */
    static List<String> words(String line, Map<String, String> variables) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int end = line.indexOf(c, i + 1);
                end = end < 0 ? line.length() : end;
                String quoted = line.substring(i + 1, end);
                word.append(c == '"' ? substitute(quoted.replace("\\\"", "\""), variables) : quoted);
                i = end;
                inWord = true;
            } else if (Character.isWhitespace(c) || c == ';' || c == '|' || c == '&') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                int next = nextBreak(line, i);
                word.append(substitute(line.substring(i, next), variables));
                i = next - 1;
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static int nextBreak(String line, int from) {
        int i = from;
        while (i < line.length() && "'\" \t;|&".indexOf(line.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private static String substitute(String text, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(variables.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else if (quote == 0 && c == separator) {
                parts.add(part.toString());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        parts.add(part.toString());
        return parts;
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && (text.charAt(0) == '\'' || text.charAt(0) == '"')
            && text.charAt(text.length() - 1) == text.charAt(0)) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }
}
