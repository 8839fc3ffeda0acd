package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.Locale;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A member account of a Security Hub administrator account, with its relationship to the administrator as Security
 * Hub reports it ({@code ListMembers}).
 */
@Value.Immutable
@ValueStyle
public abstract class MemberAccount {

    /**
     * The statuses of an enabled relationship: Security Hub's reference names it {@code Enabled}, its command-line
     * examples show {@code ASSOCIATED}; both are accepted, in any case.
     */
    private static final Set<String> ENABLED = Set.of("enabled", "associated");

    /** A member with {@code status}, such as {@code Enabled} or {@code Removed}. */
    public static MemberAccount of(String accountId, String status) {
        return ImmutableMemberAccount.of(accountId, status);
    }

    /** The member's 12-digit AWS account ID. */
    @Value.Parameter
    public abstract String accountId();

    /**
     * The relationship with the administrator as Security Hub reports it: {@code Enabled}, {@code Created},
     * {@code Invited}, {@code Removed}, {@code Resigned}, {@code Deleted}, ...; empty when it reported none.
     */
    @Value.Parameter
    public abstract String status();

    /** Whether the relationship is enabled: the administrator sees the member's findings and manages it. */
    @Value.Derived
    @Value.Auxiliary
    public boolean enabled() {
        return ENABLED.contains(status().toLowerCase(Locale.ROOT));
    }
}
