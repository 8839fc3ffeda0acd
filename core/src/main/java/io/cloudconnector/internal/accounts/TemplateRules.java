package io.cloudconnector.internal.accounts;

import io.cloudconnector.FleetTemplate;
import io.cloudconnector.InvalidSpecException;
import io.cloudconnector.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a {@link FleetTemplate} that no member's spec would report by itself: the role name and the account
 * IDs of the subscription mapping. Every other value is checked in each member's spec.
 */
public final class TemplateRules {

    private static final Pattern ROLE_NAME = Pattern.compile("(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private TemplateRules() {
    }

    /**
     * Checks {@code template}.
     *
     * @throws InvalidSpecException listing every broken rule
     */
    public static void check(FleetTemplate template) {
        List<Violation> violations = new ArrayList<>();
        if (!ROLE_NAME.matcher(template.roleName()).matches()) {
            violations.add(Violation.of("template.roleName", "must be an IAM role name (1 to 64 of letters, digits"
                + " and +=,.@_-), optionally after a path such as security/", template.roleName()));
        }
        template.subscriptions().keySet().stream().filter(account -> !ACCOUNT_ID.matcher(account).matches())
            .forEach(account -> violations.add(Violation.of("template.subscriptions",
                "must be keyed by 12-digit AWS account IDs", account)));
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
    }
}
