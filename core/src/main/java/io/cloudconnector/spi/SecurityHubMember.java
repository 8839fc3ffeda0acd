package io.cloudconnector.spi;

import java.util.Optional;
import org.immutables.value.Value;

/** One member account of a Security Hub administrator account, as {@code securityhub:ListMembers} reports it. */
@Value.Immutable
public interface SecurityHubMember {

    /** {@code AccountId}: the member's 12-digit AWS account ID. */
    String accountId();

    /**
     * {@code MemberStatus} as sent: the relationship with the administrator, such as {@code Enabled} (Security Hub's
     * documentation also shows {@code ASSOCIATED}), {@code Created}, {@code Invited}, {@code Removed},
     * {@code Resigned} or {@code Deleted}; empty when not reported.
     */
    Optional<String> memberStatus();

    /** {@code AdministratorId}: the administrator account, when reported. */
    Optional<String> administratorId();

    static ImmutableSecurityHubMember.Builder builder() {
        return ImmutableSecurityHubMember.builder();
    }
}
