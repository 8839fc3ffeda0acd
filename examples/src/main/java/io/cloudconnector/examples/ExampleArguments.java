package io.cloudconnector.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of an example: {@code --name value} options and {@code --flag} switches, each checked against
 * what the example accepts so a typo is an error, not a silent default.
 */
final class ExampleArguments {

    private final Map<String, String> options;
    private final Set<String> flags;

    private ExampleArguments(Map<String, String> options, Set<String> flags) {
        this.options = options;
        this.flags = flags;
    }

    /**
     * Parses {@code args}.
     *
     * @param valued the options that take a value, without their dashes
     * @param switches the options that take none
     * @throws IllegalArgumentException naming an unknown option, one missing its value, or one given twice
     */
    static ExampleArguments parse(String[] args, Set<String> valued, Set<String> switches) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (switches.contains(name)) {
                flags.add(name);
            } else if (valued.contains(name) && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                if (options.put(name, args[++i]) != null) {
                    throw new IllegalArgumentException("--" + name + " is given twice; give it once (a list of "
                        + "values, where it takes one, is comma-separated)");
                }
            } else if (valued.contains(name)) {
                throw new IllegalArgumentException("--" + name + " needs a value"
                    + (i + 1 < args.length ? ", not the option " + args[i + 1] : ""));
            } else {
                throw new IllegalArgumentException("unknown argument '" + args[i] + "'; accepted: "
                    + describe(valued, switches));
            }
        }
        return new ExampleArguments(options, Set.copyOf(flags));
    }

    private static String describe(Set<String> valued, Set<String> switches) {
        List<String> accepted = new ArrayList<>();
        valued.stream().sorted().forEach(name -> accepted.add("--" + name + " <value>"));
        switches.stream().sorted().forEach(name -> accepted.add("--" + name));
        return String.join(", ", accepted);
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    Optional<Path> path(String name) {
        return option(name).map(Path::of);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }
}
