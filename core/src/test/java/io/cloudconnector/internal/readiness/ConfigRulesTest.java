package io.cloudconnector.internal.readiness;

import static io.cloudconnector.internal.readiness.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.ReadinessCheck.Status;
import io.cloudconnector.spi.ConfigRecorderFacts;
import io.cloudconnector.spi.ConfigRecorderFacts.Recorder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigRulesTest {

    @Test
    void evaluate_recordingAllTypes_passesBoth() {
        List<ReadinessCheck> checks = evaluate(recorder(true, "Success", true));

        assertThat(checks).extracting(ReadinessCheck::id).containsExactly("config.recorder", "config.resource-types");
        assertThat(checks).extracting(ReadinessCheck::status).containsOnly(Status.PASS);
        assertThat(checks.get(0).evidence()).isEqualTo("Recorder 'default' is recording (last status: Success)");
    }

    @Test
    void evaluate_noRecorder_failsWithSetUpSteps() {
        List<ReadinessCheck> checks = ConfigRules.evaluate(Fixtures.ACCOUNT, "eu-west-1",
            Gathered.value(ConfigRecorderFacts.builder().build()));

        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(Status.FAIL);
            assertThat(check.evidence()).isEqualTo("No AWS Config recorder in eu-west-1");
            assertThat(check.remediation()).hasValueSatisfying(fix -> assertThat(fix)
                .contains("put-configuration-recorder --region eu-west-1", "start-configuration-recorder"));
        });
    }

    @Test
    void evaluate_recorderStopped_failsWithStartCommand() {
        ReadinessCheck recorder = only(evaluate(recorder(false, "Success", true)), "config.recorder");

        assertThat(recorder.status()).isEqualTo(Status.FAIL);
        assertThat(recorder.evidence()).contains("not recording");
        assertThat(recorder.remediation()).hasValue("aws configservice start-configuration-recorder --region "
            + "eu-west-1 --configuration-recorder-name default");
    }

    @Test
    void evaluate_lastStatusFailure_failsWithErrorCode() {
        ReadinessCheck recorder = only(evaluate(recorder(true, "FAILURE", true)), "config.recorder");

        assertThat(recorder.status()).isEqualTo(Status.FAIL);
        assertThat(recorder.evidence()).contains("last status is Failure (AccessDenied)");
    }

    @Test
    void evaluate_selectedResourceTypesOnly_warns() {
        ReadinessCheck types = only(evaluate(recorder(true, "Success", false)), "config.resource-types");

        assertThat(types.status()).isEqualTo(Status.WARN);
        assertThat(types.remediation()).hasValueSatisfying(fix -> assertThat(fix).contains("allSupported=true"));
    }

    @Test
    void evaluate_describeDenied_errorsNamingPermission() {
        List<ReadinessCheck> checks = ConfigRules.evaluate(Fixtures.ACCOUNT, "eu-west-1",
            Gathered.failed(Fixtures.accessDenied("config:DescribeConfigurationRecorders", "eu-west-1")));

        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(Status.ERROR);
            assertThat(check.evidence()).contains("missing permission: config:DescribeConfigurationRecorders");
        });
    }

    private static Recorder recorder(boolean recording, String lastStatus, boolean allSupported) {
        return Recorder.builder().name("default").recording(recording).lastStatus(lastStatus)
            .lastErrorCode("AccessDenied").allSupported(allSupported).includeGlobalResourceTypes(true).build();
    }

    private static List<ReadinessCheck> evaluate(Recorder recorder) {
        return ConfigRules.evaluate(Fixtures.ACCOUNT, "eu-west-1",
            Gathered.value(ConfigRecorderFacts.builder().addRecorders(recorder).build()));
    }
}
