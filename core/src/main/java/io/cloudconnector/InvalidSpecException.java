package io.cloudconnector;

import java.util.List;
import java.util.stream.Collectors;

/** A {@link ConnectorSpec} broke one or more rules; every violation is listed, each naming field, rule and value. */
public class InvalidSpecException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvalidSpecException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** Every broken rule, in the order the fields are declared. */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        String count = violations.size() + " problem" + (violations.size() == 1 ? "" : "s");
        return "Invalid connector spec (" + count + "):\n"
            + violations.stream().map(v -> "  - " + v).collect(Collectors.joining("\n"));
    }
}
