package io.cloudconnector.internal;

import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.InvalidSpecException;
import io.cloudconnector.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The rules of a valid {@link ConnectorSpec}; every violation is collected before one exception is thrown. */
public final class SpecValidator {

    private static final Pattern GUID =
        Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern ACCOUNT_ID = Pattern.compile("^\\d{12}$");

    private SpecValidator() {
    }

    /**
     * Checks {@code spec} and returns it, normalised where a rule allows a friendlier form.
     *
     * @throws InvalidSpecException listing every broken rule
     */
    public static ConnectorSpec validate(ConnectorSpec spec) {
        List<Violation> violations = new ArrayList<>();
        guid(violations, "subscriptionId", spec.subscriptionId());
        guid(violations, "tenantId", spec.tenantId());
        if (!ACCOUNT_ID.matcher(spec.awsAccountId()).matches()) {
            violations.add(Violation.of("awsAccountId", "must be exactly 12 digits", spec.awsAccountId()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
        return spec;
    }

    private static void guid(List<Violation> violations, String field, String value) {
        if (!GUID.matcher(value).matches()) {
            violations.add(Violation.of(field, "must be a GUID such as 00000000-0000-0000-0000-000000000000", value));
        }
    }
}
