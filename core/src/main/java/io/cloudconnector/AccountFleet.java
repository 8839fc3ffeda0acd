package io.cloudconnector;

import io.cloudconnector.internal.accounts.FleetPlan;
import io.cloudconnector.internal.accounts.FleetPlanner;
import io.cloudconnector.internal.accounts.FleetRunner;
import io.cloudconnector.internal.accounts.MemberReader;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.AzureSide;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * A Security Hub administrator account and its member accounts, each with its connector spec, made by
 * {@link ConnectorClient#fleet(ConnectorSpec, FleetTemplate)}: the SDK's way to connect a whole estate in one call.
 *
 * <p>{@link #run(FleetOptions)} runs every account's steps ({@link AccountRun}) on one machine, at most
 * {@link FleetOptions#maxConcurrentCalls()} calls in flight across all accounts and regions, and reads the findings of
 * the whole fleet once, from the administrator account. To spread the accounts over many machines instead, hand each
 * one a spec of {@link #specs()} as JSON, run {@link AccountRun#run(ConnectorClient, ConnectorSpec, FleetOptions)}
 * there, and give the reports back to {@link #report(List, FleetOptions)}.
 *
 * <p>Immutable; its runs go through the client that made it, which must stay open while they do.
 */
public final class AccountFleet {

    private final AwsSide aws;
    private final AzureSide azure;
    private final FleetTemplate template;
    private final FleetPlan plan;

    private AccountFleet(AwsSide aws, AzureSide azure, FleetTemplate template, FleetPlan plan) {
        this.aws = aws;
        this.azure = azure;
        this.template = template;
        this.plan = plan;
    }

    /** Reads the administrator's members and plans the fleet; see {@link ConnectorClient#fleet}. */
    static AccountFleet read(AwsSide aws, AzureSide azure, ConnectorSpec administrator, FleetTemplate template) {
        FleetPlan plan = FleetPlanner.plan(administrator, template, MemberReader.read(aws, administrator));
        return new AccountFleet(aws, azure, template, plan);
    }

    /** The administrator account's spec, as given. */
    public ConnectorSpec administrator() {
        return plan.administrator();
    }

    /** The template the members' specs were made from. */
    public FleetTemplate template() {
        return template;
    }

    /** Every member account Security Hub listed, with its relationship status, in its order. */
    public List<MemberAccount> members() {
        return plan.members();
    }

    /** The members that got no spec because their relationship is not enabled (see the template). */
    public List<MemberAccount> excludedMembers() {
        return plan.excluded();
    }

    /** One spec per account of the fleet: the administrator's first, then the members' in Security Hub's order. */
    public List<ConnectorSpec> specs() {
        return plan.specs();
    }

    /** Runs every account with {@linkplain FleetOptions#defaults() default options}; see {@link #run(FleetOptions)}. */
    public FleetReport run() {
        return run(FleetOptions.defaults());
    }

    /**
     * Runs every account's steps ({@link AccountRun#run(ConnectorClient, ConnectorSpec, FleetOptions)}) and, unless
     * the options say otherwise, reads the findings of the whole fleet once, from the administrator account (members'
     * findings are never read from the members). At most {@link FleetOptions#maxConcurrentCalls()} calls are in
     * flight at once, across every account, region and step and the findings read; as many accounts are worked on
     * at once. Blocks until every account is done. One account's failure is in its report; the others complete.
     *
     * @throws ConnectorException when interrupted, or when an account's run breaks down with an error (not an
     *     exception: those end the account's run as FAILED)
     */
    public FleetReport run(FleetOptions options) {
        return new FleetRunner(aws, azure, Clock.systemUTC()).run(plan, Objects.requireNonNull(options, "options"));
    }

    /**
     * The fleet's report from account reports collected elsewhere (see the class comment): the findings are read
     * once now, from the administrator account, unless the options say otherwise. The reports are taken as given.
     *
     * @throws NullPointerException when an argument is null
     */
    public FleetReport report(List<AccountReport> accounts, FleetOptions options) {
        return new FleetRunner(aws, azure, Clock.systemUTC()).report(plan, List.copyOf(accounts),
            Objects.requireNonNull(options, "options"));
    }

    @Override
    public String toString() {
        return "AccountFleet[administrator=" + administrator().awsAccountId() + ", accounts=" + specs().size()
            + ", excluded=" + excludedMembers().size() + "]";
    }
}
