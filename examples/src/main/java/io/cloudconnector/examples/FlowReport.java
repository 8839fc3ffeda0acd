package io.cloudconnector.examples;

import io.cloudconnector.ConnectResult;
import io.cloudconnector.DiscoveryResult;
import io.cloudconnector.OnboardingResult;
import io.cloudconnector.ReadinessReport;

/** Everything one run of {@link OnboardAwsAccount} found and did. */
record FlowReport(ReadinessReport readiness, ConnectResult connect, DiscoveryResult discovery,
    OnboardingResult onboarding) {
}
