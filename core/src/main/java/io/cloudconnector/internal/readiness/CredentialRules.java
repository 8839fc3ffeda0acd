package io.cloudconnector.internal.readiness;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.spi.CallerIdentity;
import java.util.ArrayList;
import java.util.List;

/** Check 1: the credentials resolve (the role is assumed with the External ID) and belong to the spec's account. */
final class CredentialRules {

    /** The operation name an adapter reports when assuming the spec's role fails. */
    static final String ASSUME_ROLE_OPERATION = "sts:AssumeRole";

    private CredentialRules() {
    }

    /** Whether the other checks can run: the credentials resolved, to the spec's account. */
    static boolean usable(ConnectorSpec spec, Gathered<CallerIdentity> identity) {
        return identity.ok() && identity.value().account().equals(spec.awsAccountId());
    }

    static List<ReadinessCheck> evaluate(ConnectorSpec spec, Gathered<CallerIdentity> identity) {
        Where account = Where.account(spec.awsAccountId());
        if (!identity.ok()) {
            return List.of(unresolved(spec, account, identity));
        }
        List<ReadinessCheck> checks = new ArrayList<>();
        if (spec.authentication() instanceof AwsAuthentication.AssumeRole role) {
            checks.add(CheckType.ASSUME_ROLE.pass(account, "Assumed " + role.roleArn() + " with External ID "
                + spec.externalId().orElseThrow() + " as " + identity.value().arn()));
        }
        checks.add(accountMatch(spec, account, identity.value()));
        return checks;
    }

    private static ReadinessCheck accountMatch(ConnectorSpec spec, Where account, CallerIdentity identity) {
        if (identity.account().equals(spec.awsAccountId())) {
            return CheckType.CREDENTIALS.pass(account, identity.arn() + " in account " + identity.account());
        }
        return CheckType.CREDENTIALS.fail(account,
            "The credentials are " + identity.arn() + " in account " + identity.account() + ", but the spec names "
                + "account " + spec.awsAccountId() + "; no other check was run",
            "Use credentials of account " + spec.awsAccountId() + ", or correct awsAccountId in the spec");
    }

    private static ReadinessCheck unresolved(ConnectorSpec spec, Where account, Gathered<CallerIdentity> identity) {
        boolean assuming = identity.failure() instanceof ConnectorException e
            && e.operation().filter(ASSUME_ROLE_OPERATION::equals).isPresent();
        if (assuming && Failures.refused(identity.failure())) {
            AwsAuthentication.AssumeRole role = (AwsAuthentication.AssumeRole) spec.authentication();
            return CheckType.ASSUME_ROLE.fail(account,
                "Could not assume " + role.roleArn() + " with External ID " + spec.externalId().orElseThrow() + ": "
                    + identity.cause() + "; no other check was run",
                "Make sure the role exists and its trust policy lets the SDK's base credentials assume it with "
                    + "sts:ExternalId " + spec.externalId().orElseThrow() + " (IAM console > Roles > " + role.roleName()
                    + " > Trust relationships); the STS message names the refused principal");
        }
        if (assuming) {
            return Failures.error(CheckType.ASSUME_ROLE, account, identity);
        }
        if (Failures.refused(identity.failure())) {
            return CheckType.CREDENTIALS.fail(account,
                "AWS refused the credentials: " + identity.cause() + "; no other check was run",
                "Check the access key ID and secret access key (IAM console > Users > Security credentials); "
                    + "create a new access key if this one was deactivated or deleted");
        }
        return Failures.error(CheckType.CREDENTIALS, account, identity);
    }
}
