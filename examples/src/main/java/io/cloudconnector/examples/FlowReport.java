package io.cloudconnector.examples;

import io.cloudconnector.ComplianceSummary;
import io.cloudconnector.ConnectResult;
import io.cloudconnector.DiscoveryResult;
import io.cloudconnector.OnboardingResult;
import io.cloudconnector.ReadinessReport;
import io.cloudconnector.SecureScore;

/** Everything one run of {@link OnboardAwsAccount} found and did. */
record FlowReport(ReadinessReport readiness, ConnectResult connect, DiscoveryResult discovery,
    OnboardingResult onboarding, FindingsSummary findings, ComplianceSummary compliance, SecureScore score) {
}
