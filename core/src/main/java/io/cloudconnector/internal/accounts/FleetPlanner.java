package io.cloudconnector.internal.accounts;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.FleetTemplate;
import io.cloudconnector.InvalidSpecException;
import io.cloudconnector.MemberAccount;
import io.cloudconnector.Violation;
import io.cloudconnector.spi.SecurityHubMember;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an administrator's spec, a template and the members Security Hub listed into one spec per account. Pure:
 * no cloud is called. Every member whose spec cannot be made is named in one {@link InvalidSpecException}.
 */
public final class FleetPlanner {

    /** The partition of the AWS public cloud, used when the administrator's spec has no role ARN to read one from. */
    static final String DEFAULT_PARTITION = "aws";

    private static final Pattern PARTITION = Pattern.compile("^arn:([^:]+):");

    private FleetPlanner() {
    }

    /**
     * The plan: the administrator's spec first, then, in the order Security Hub listed them, one spec per member
     * whose relationship is enabled (every member with {@link FleetTemplate#includeAllMembers()}). A member listed
     * twice, or the administrator listed as its own member, counts once.
     *
     * @throws InvalidSpecException naming every member without a subscription, or whose spec breaks a rule
     */
    public static FleetPlan plan(ConnectorSpec administrator, FleetTemplate template, List<SecurityHubMember> listed) {
        Map<String, MemberAccount> members = new LinkedHashMap<>();
        listed.stream().filter(member -> !member.accountId().equals(administrator.awsAccountId()))
            .forEach(member -> members.putIfAbsent(member.accountId(),
                MemberAccount.of(member.accountId(), member.memberStatus().orElse(""))));

        List<ConnectorSpec> specs = new ArrayList<>(List.of(administrator));
        List<MemberAccount> excluded = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        String partition = partition(administrator);
        for (MemberAccount member : members.values()) {
            if (!member.enabled() && !template.includeAllMembers()) {
                excluded.add(member);
                continue;
            }
            try {
                spec(administrator, template, partition, member.accountId()).ifPresentOrElse(specs::add,
                    () -> violations.add(noSubscription(member.accountId())));
            } catch (InvalidSpecException e) {
                e.violations().forEach(v -> violations.add(Violation.of("members[" + member.accountId() + "]."
                    + v.field(), v.rule(), v.value())));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
        return new FleetPlan(specs, List.copyOf(members.values()), excluded);
    }

    /** The member's spec; empty when the template gives it no subscription. */
    private static Optional<ConnectorSpec> spec(ConnectorSpec administrator, FleetTemplate template, String partition,
        String accountId) {
        Optional<String> subscription = template.subscriptionOf(accountId);
        if (subscription.isEmpty()) {
            return Optional.empty();
        }
        String roleArn = "arn:" + partition + ":iam::" + accountId + ":role/" + template.roleName();
        AwsAuthentication authentication = template.externalId()
            .<AwsAuthentication>map(externalId -> AwsAuthentication.assumeRole(roleArn, externalId))
            .orElseGet(() -> AwsAuthentication.assumeRole(roleArn));
        return Optional.of(ConnectorSpec.builder()
            .displayName(template.displayNamePrefix() + accountId)
            .subscriptionId(subscription.get())
            .tenantId(template.tenantId().orElse(administrator.tenantId()))
            .awsAccountId(accountId)
            .authentication(authentication)
            .regions(template.regions())
            .arc(template.arc())
            .rescanInterval(template.rescanInterval())
            .generation(template.generation())
            .build());
    }

    private static Violation noSubscription(String accountId) {
        return Violation.of("subscriptions[" + accountId + "]", "is missing: map AWS account " + accountId
            + " to its Azure subscription in the template, or set a defaultSubscriptionId", "");
    }

    /** The partition of the administrator's role ARN, such as {@code aws-us-gov}; {@code aws} without one. */
    static String partition(ConnectorSpec administrator) {
        if (administrator.authentication() instanceof AwsAuthentication.AssumeRole role) {
            Matcher matcher = PARTITION.matcher(role.roleArn());
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return DEFAULT_PARTITION;
    }
}
