package io.cloudconnector.internal.provisioning;

import static io.cloudconnector.internal.provisioning.Parameters.get;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ProvisioningAction;
import io.cloudconnector.ProvisioningConflict;
import io.cloudconnector.ProvisioningOutcome;
import io.cloudconnector.ProvisioningOutcome.Status;
import io.cloudconnector.ProvisioningPlan;
import io.cloudconnector.ProvisioningResult;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.AzureSide;
import io.cloudconnector.spi.ProvisioningPort;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a plan: plans again to see the account (and the Azure side, when the plan prepares the service principal)
 * as it is now, then performs the plan's actions in order, each only if the fresh plan still calls for it, and stops
 * at the first failure. An action the account no longer needs is {@link Status#ALREADY_DONE}; one the account now
 * forbids (its resource turned into a conflict, or needs another write) fails the apply, as does any new conflict, so
 * that nothing is written over a change made since the plan. Applying the same plan twice therefore writes nothing the
 * second time. Thread-safe.
 */
public final class ProvisioningApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningApplier.class);

    private final AwsSide aws;
    private final AzureSide azure;
    private final ProvisioningPlanner planner;
    private final Clock clock;

    /**
     * An applier writing through {@code aws}'s provisioning port and, for the Azure side's actions, through
     * {@code azure}'s provisioning port and resource provider registration.
     */
    public ProvisioningApplier(AwsSide aws, AzureSide azure) {
        this(aws, azure, new ProvisioningPlanner(aws, azure), Clock.systemUTC());
    }

    ProvisioningApplier(AwsSide aws, AzureSide azure, ProvisioningPlanner planner, Clock clock) {
        this.aws = aws;
        this.azure = azure;
        this.planner = planner;
        this.clock = clock;
    }

    /**
     * Applies {@code plan}; a failing write does not throw, it ends the apply and is reported in the result.
     *
     * @throws ConnectorException when the account's state cannot be read again before writing
     */
    public ProvisioningResult apply(ProvisioningPlan plan) {
        Run run = new Run(plan, new AzureWrites(azure, clock));
        if (!plan.isEmpty()) {
            ProvisioningPlan current = planner.plan(plan.spec(), plan.options());
            ProvisioningPort port = aws.provisioning();
            for (ProvisioningAction action : plan.actions()) {
                run.outcomes.add(run.stopped ? outcome(action, Status.NOT_ATTEMPTED, null)
                    : attempt(run, port, current, action));
            }
        }
        ProvisioningResult result = run.result(clock);
        LOG.info("Provisioned AWS account {}: {} done, {} already done, {} failed, {} not attempted",
            plan.accountId(), result.outcomes(Status.DONE).size(), result.outcomes(Status.ALREADY_DONE).size(),
            result.outcomes(Status.FAILED).size(), result.outcomes(Status.NOT_ATTEMPTED).size());
        return result;
    }

    private ProvisioningOutcome attempt(Run run, ProvisioningPort port, ProvisioningPlan current,
        ProvisioningAction action) {
        Optional<String> forbidden = forbidden(run.plan, current, action);
        if (forbidden.isPresent()) {
            run.stopped = true;
            LOG.warn("Not applying {} on {}{}: {}", action.operation(), action.resource(), where(run.plan, action),
                forbidden.get());
            return outcome(action, Status.FAILED, forbidden.get());
        }
        if (current.actions().stream().noneMatch(fresh -> sameWrite(fresh, action))) {
            return outcome(action, Status.ALREADY_DONE, null);
        }
        try {
            Writes.perform(port, run.plan.spec(), action, run);
            LOG.info("Applied {} on {}{}", action.operation(), action.resource(), where(run.plan, action));
            return outcome(action, Status.DONE, null);
        } catch (RuntimeException e) {
            run.stopped = true;
            String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warn("Applying {} on {}{} failed; the remaining actions are not attempted: {}",
                action.operation(), action.resource(), where(run.plan, action), cause);
            return outcome(action, Status.FAILED, cause);
        }
    }

    /** Why the account, as it is now, forbids {@code action}; empty when it may be performed or is done. */
    private static Optional<String> forbidden(ProvisioningPlan plan, ProvisioningPlan current,
        ProvisioningAction action) {
        if (current.actions().stream().anyMatch(fresh -> sameWrite(fresh, action))) {
            return Optional.empty();
        }
        String changed = "The account changed since the plan was made: ";
        Optional<ProvisioningConflict> conflict = current.conflicts().stream()
            .filter(c -> c.resource().equals(action.resource()) && c.region().equals(action.region())).findFirst()
            .or(() -> current.conflicts().stream().filter(c -> !plan.conflicts().contains(c)).findFirst());
        if (conflict.isPresent()) {
            return Optional.of(changed + conflict.get().description() + "; plan again");
        }
        return current.actions().stream().filter(fresh -> sameTarget(fresh, action)).findFirst()
            .map(fresh -> changed + action.resource() + " now needs: " + fresh.description() + "; plan again");
    }

    /** Where {@code action} is made, for the logs: the region and AWS account, or the Azure subscription. */
    private static String where(ProvisioningPlan plan, ProvisioningAction action) {
        if (ArcOnboarding.isAzureResource(action.resource())) {
            return " in Azure subscription " + plan.spec().subscriptionId() + " for AWS account " + action.accountId();
        }
        return action.region().map(region -> " in " + region).orElse("") + " in AWS account " + action.accountId();
    }

    private static boolean sameTarget(ProvisioningAction a, ProvisioningAction b) {
        return a.operation() == b.operation() && a.accountId().equals(b.accountId()) && a.region().equals(b.region())
            && a.resource().equals(b.resource());
    }

    private static boolean sameWrite(ProvisioningAction a, ProvisioningAction b) {
        return sameTarget(a, b) && a.parameters().equals(b.parameters());
    }

    private static ProvisioningOutcome outcome(ProvisioningAction action, Status status, String cause) {
        return ProvisioningOutcome.builder().action(action).status(status).cause(Optional.ofNullable(cause)).build();
    }

    /** One apply in progress: the outcomes so far, and what the writes returned. */
    static final class Run {

        private final ProvisioningPlan plan;
        private final AzureWrites azure;
        private final List<ProvisioningOutcome> outcomes = new ArrayList<>();
        private boolean stopped;
        private String createdRoleArn;
        private AwsAuthentication.AccessKeys accessKey;

        Run(ProvisioningPlan plan, AzureWrites azure) {
            this.plan = plan;
            this.azure = azure;
        }

        void roleCreated(String arn) {
            createdRoleArn = arn;
        }

        void accessKeyCreated(AwsAuthentication.AccessKeys key) {
            accessKey = key;
        }

        ProvisioningResult result(Clock clock) {
            return ProvisioningResult.builder()
                .accountId(plan.accountId())
                .finishedAt(clock.instant())
                .outcomes(outcomes)
                .roleArn(roleArn())
                .accessKey(Optional.ofNullable(accessKey))
                .servicePrincipal(azure.credentials())
                .arcResourceGroup(plan.arcResourceGroup())
                .arcRegion(plan.arcRegion())
                .build();
        }

        /** The role's ARN when every action of the plan on the role is done (or was already). */
        private Optional<String> roleArn() {
            if (plan.roleArn().isEmpty()) {
                return Optional.empty();
            }
            String arn = plan.roleArn().get();
            String resource = Context.roleResource(arn.substring(arn.lastIndexOf('/') + 1));
            boolean ready = outcomes.stream().filter(outcome -> outcome.action().resource().equals(resource))
                .allMatch(outcome -> outcome.status() == Status.DONE || outcome.status() == Status.ALREADY_DONE);
            return ready ? Optional.of(Objects.requireNonNullElse(createdRoleArn, arn)) : Optional.empty();
        }
    }

    /** Turns an action into its port call. */
    private static final class Writes {

        private Writes() {
        }

        static void perform(ProvisioningPort port, ConnectorSpec spec, ProvisioningAction action, Run run) {
            if (AzureWrites.handles(action)) {
                run.azure.perform(action);
                return;
            }
            switch (action.operation()) {
                case ENABLE_SECURITY_HUB -> port.enableSecurityHub(spec, region(action));
                case ENABLE_STANDARD -> port.enableStandard(spec, region(action),
                    get(action, Parameters.STANDARDS_ARN));
                case CREATE_SERVICE_LINKED_ROLE -> port.createServiceLinkedRole(spec, get(action,
                    Parameters.SERVICE_NAME));
                case PUT_CONFIG_RECORDER -> port.putConfigRecorder(spec, region(action),
                    get(action, Parameters.RECORDER_NAME), get(action, Parameters.ROLE_ARN),
                    Boolean.parseBoolean(get(action, Parameters.INCLUDE_GLOBAL_RESOURCE_TYPES)));
                case PUT_DELIVERY_CHANNEL -> port.putDeliveryChannel(spec, region(action),
                    get(action, Parameters.CHANNEL_NAME), get(action, Parameters.BUCKET_NAME));
                case START_CONFIG_RECORDER -> port.startConfigRecorder(spec, region(action),
                    get(action, Parameters.RECORDER_NAME));
                case CREATE_BUCKET -> port.createBucket(spec, region(action), get(action, Parameters.BUCKET_NAME));
                case BLOCK_PUBLIC_ACCESS -> port.blockPublicAccess(spec, region(action),
                    get(action, Parameters.BUCKET_NAME));
                case ENCRYPT_BUCKET -> port.encryptBucket(spec, region(action), get(action, Parameters.BUCKET_NAME));
                case PUT_BUCKET_POLICY -> port.putBucketPolicy(spec, region(action),
                    get(action, Parameters.BUCKET_NAME), get(action, Parameters.POLICY));
                case CREATE_ROLE -> run.roleCreated(port.createRole(spec, get(action, Parameters.ROLE_NAME),
                    get(action, Parameters.TRUST_POLICY), get(action, Parameters.DESCRIPTION)));
                case ATTACH_ROLE_POLICY -> port.attachRolePolicy(spec, get(action, Parameters.ROLE_NAME),
                    get(action, Parameters.POLICY_ARN));
                case CREATE_USER -> port.createUser(spec, get(action, Parameters.USER_NAME));
                case ATTACH_USER_POLICY -> port.attachUserPolicy(spec, get(action, Parameters.USER_NAME),
                    get(action, Parameters.POLICY_ARN));
                case CREATE_ACCESS_KEY -> run.accessKeyCreated(port.createAccessKey(spec,
                    get(action, Parameters.USER_NAME)));
                default -> throw new IllegalArgumentException("Unknown operation " + action.operation());
            }
        }

        private static String region(ProvisioningAction action) {
            return action.region().orElseThrow(() -> new IllegalArgumentException(
                action.operation() + " on " + action.resource() + " names no region"));
        }
    }
}
