package io.cloudconnector.aws.resilience;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ResiliencePolicy;
import io.cloudconnector.aws.AwsAdapter;
import io.cloudconnector.azure.AzureAdapter;
import io.cloudconnector.spi.ManagedInstance;
import io.cloudconnector.testkit.CloudSandbox;
import java.time.Duration;
import java.util.Optional;

/**
 * What the probes of the fault matrix run against: the sandbox, its spec, the real adapters over the sandbox's
 * endpoints under the matrix's policy, and patient ones (the default timeouts) for a probe's own set-up, which no
 * fault touches and a loaded machine must not fail. Facts the probes need (a managed instance, a standards
 * subscription) are read at start, before any fault.
 */
record MatrixEnv(CloudSandbox sandbox, ConnectorSpec spec, ResiliencePolicy policy, AwsAdapter aws,
    AzureAdapter azure, AwsAdapter patientAws, AzureAdapter patientAzure,
    Optional<ManagedInstance> managedLinuxInstance, String standardsSubscriptionArn) implements AutoCloseable {

    private static final ResiliencePolicy PATIENT = ResiliencePolicy.builder().baseBackoff(Duration.ofMillis(5))
        .maxBackoff(Duration.ofMillis(20)).build();

    /** Adapters over {@code sandbox} under {@code policy}, with the facts read without faults. */
    static MatrixEnv open(CloudSandbox sandbox, ResiliencePolicy policy) {
        ConnectorSpec spec = sandbox.spec();
        AwsAdapter aws = AwsAdapter.builder().endpoints(sandbox.endpoints()).resilience(policy).build();
        AzureAdapter azure = AzureAdapter.builder().endpoints(sandbox.endpoints()).resilience(policy).build();
        AwsAdapter patientAws = AwsAdapter.builder().endpoints(sandbox.endpoints()).resilience(PATIENT).build();
        AzureAdapter patientAzure = AzureAdapter.builder().endpoints(sandbox.endpoints()).resilience(PATIENT).build();
        Optional<ManagedInstance> linux = patientAws.fleet().managedInstances(spec, Probe.REGION).stream()
            .filter(instance -> instance.platformType().filter("Linux"::equals).isPresent()
                && instance.pingStatus().equals("Online"))
            .findFirst();
        String standard = patientAws.findings().enabledStandards(spec, Probe.REGION).get(0).subscriptionArn();
        return new MatrixEnv(sandbox, spec, policy, aws, azure, patientAws, patientAzure, linux, standard);
    }

    /** A new AWS adapter under the same policy: nothing cached, not even the assumed role's credentials. */
    AwsAdapter freshAws() {
        return AwsAdapter.builder().endpoints(sandbox.endpoints()).resilience(policy).build();
    }

    String subscription() {
        return spec.subscriptionId();
    }

    String roleArn() {
        return ((AwsAuthentication.AssumeRole) spec.authentication()).roleArn();
    }

    String roleName() {
        return ((AwsAuthentication.AssumeRole) spec.authentication()).roleName();
    }

    String userName() {
        return spec.onboardingUserName().orElseThrow();
    }

    @Override
    public void close() {
        aws.close();
        azure.close();
        patientAws.close();
        patientAzure.close();
    }
}
