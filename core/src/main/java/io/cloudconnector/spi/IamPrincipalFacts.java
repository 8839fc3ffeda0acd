package io.cloudconnector.spi;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** An IAM role or user: its ARN, its trust policy (roles only, URL-decoded JSON), its attached managed policies. */
@Value.Immutable
public interface IamPrincipalFacts {

    String name();

    String arn();

    /** The role's trust policy as JSON text, already URL-decoded; empty for a user. */
    Optional<String> trustPolicy();

    /** The ARNs of the attached managed policies, every page read. */
    List<String> attachedPolicyArns();

    static ImmutableIamPrincipalFacts.Builder builder() {
        return ImmutableIamPrincipalFacts.builder();
    }
}
