package io.cloudconnector.internal.fleet;

import static io.cloudconnector.internal.fleet.Fixtures.invocation;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.CloudServiceException;
import io.cloudconnector.InstanceOnboarding;
import io.cloudconnector.InstancePlatform;
import io.cloudconnector.OnboardingStatus;
import io.cloudconnector.SentCommand;
import io.cloudconnector.ThrottledException;
import io.cloudconnector.spi.CommandInvocation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvocationPollerTest {

    private static final String ID = "i-0aaa";
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Duration DEADLINE = Duration.ofMinutes(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeFleet fleet = new FakeFleet();
    private final List<InstanceOnboarding> heard = new ArrayList<>();

    @Test
    void await_invocationDoesNotExistRightAfterSend_keepsPollingUntilSuccess() {
        fleet.answers(ID, Optional::empty, Optional::empty, () -> Optional.of(invocation(ID, "InProgress",
            "InProgress", "")), () -> Optional.of(invocation(ID, "Success", "Success", "")));

        List<InstanceOnboarding> outcomes = await(sent(ID));

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(OnboardingStatus.SUCCEEDED);
            assertThat(outcome.commandId()).contains("cmd-1");
            assertThat(outcome.errorTail()).isEmpty();
        });
        assertThat(fleet.polls()).hasSize(4);
        assertThat(heard).isEqualTo(outcomes);
    }

    @Test
    void await_slowRound_nextRoundStillStartsOneIntervalAfterTheLast() {
        Instant start = clock.instant();
        List<Duration> polledAt = new ArrayList<>();
        fleet.answers(ID, () -> slowPoll(start, polledAt, Optional.empty()),
            () -> slowPoll(start, polledAt, Optional.of(invocation(ID, "InProgress", "InProgress", ""))),
            () -> slowPoll(start, polledAt, Optional.of(invocation(ID, "Success", "Success", ""))));

        await(sent(ID));

        assertThat(polledAt).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15));
    }

    /** A poll that takes 3 seconds of the clock, noting when it started. */
    private Optional<CommandInvocation> slowPoll(Instant start, List<Duration> polledAt,
        Optional<CommandInvocation> answer) {
        polledAt.add(Duration.between(start, clock.instant()));
        clock.advance(Duration.ofSeconds(3));
        return answer;
    }

    @ParameterizedTest
    @CsvSource({
        "Success, Success, SUCCEEDED",
        "Failed, Failed, FAILED",
        "TimedOut, ExecutionTimedOut, TIMED_OUT",
        "Cancelled, Cancelled, CANCELLED",
        "Failed, Undeliverable, UNDELIVERABLE"})
    void await_terminalStatus_endsPolling(String status, String details, OnboardingStatus expected) {
        fleet.answers(ID, () -> Optional.of(invocation(ID, status, details, "boom")));

        List<InstanceOnboarding> outcomes = await(sent(ID));

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(expected);
            assertThat(outcome.detail()).isEqualTo(status + " (" + details + ")");
        });
        assertThat(fleet.polls()).hasSize(1);
    }

    @Test
    void await_pendingDelayedAndCancelling_keepPolling() {
        fleet.answers(ID, () -> Optional.of(invocation(ID, "Pending", "Pending", "")),
            () -> Optional.of(invocation(ID, "Delayed", "Delayed", "")),
            () -> Optional.of(invocation(ID, "Cancelling", "Cancelling", "")),
            () -> Optional.of(invocation(ID, "Cancelled", "Cancelled", "")));

        assertThat(await(sent(ID))).singleElement()
            .extracting(InstanceOnboarding::status).isEqualTo(OnboardingStatus.CANCELLED);
        assertThat(fleet.polls()).hasSize(4);
    }

    @Test
    void await_stillInProgressAtDeadline_reportsDeadlineExceededWithLastStatus() {
        fleet.answers(ID, () -> Optional.of(invocation(ID, "InProgress", "InProgress", "")));

        List<InstanceOnboarding> outcomes = await(sent(ID));

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(OnboardingStatus.DEADLINE_EXCEEDED);
            assertThat(outcome.detail()).contains("no result after PT1M").contains("InProgress (InProgress)");
        });
        assertThat(fleet.polls()).hasSize((int) (DEADLINE.toSeconds() / INTERVAL.toSeconds()));
    }

    @Test
    void await_neverKnownToSsm_reportsDeadlineExceededNamingTheRace() {
        fleet.answers(ID, Optional::empty);

        assertThat(await(sent(ID))).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(OnboardingStatus.DEADLINE_EXCEEDED);
            assertThat(outcome.detail()).contains("InvocationDoesNotExist");
        });
    }

    @Test
    void await_failedInstance_keepsTheTailOfItsErrorOutput() {
        String stderr = "x".repeat(5000) + "\nazcmagent: AZCM0041: The credentials supplied are invalid";
        fleet.answers(ID, () -> Optional.of(invocation(ID, "Failed", "Failed", stderr)));

        InstanceOnboarding outcome = await(sent(ID)).get(0);

        assertThat(outcome.errorTail()).hasSize(InstanceOnboarding.ERROR_TAIL_CHARS)
            .endsWith("AZCM0041: The credentials supplied are invalid");
    }

    @Test
    void await_failedWithoutErrorOutput_keepsTheTailOfItsOutput() {
        CommandInvocation failed = CommandInvocation.builder().instanceId(ID).status("Failed").statusDetails("Failed")
            .standardOutput("Downloading the Azure Connected Machine agent").standardError("  ").build();
        fleet.answers(ID, () -> Optional.of(failed));

        assertThat(await(sent(ID)).get(0).errorTail()).isEqualTo("Downloading the Azure Connected Machine agent");
    }

    @Test
    void await_throttledRead_isRetried_otherErrorsEndAsUnknown() {
        String other = "i-0bbb";
        fleet.answers(ID, () -> {
            throw new ThrottledException("ssm:GetCommandInvocation in eu-west-1 failed: ThrottlingException", "aws",
                "ssm:GetCommandInvocation", "eu-west-1", 400, "ThrottlingException", "r1", null);
        }, () -> Optional.of(invocation(ID, "Success", "Success", "")));
        fleet.answers(other, () -> {
            throw new CloudServiceException("ssm:GetCommandInvocation in eu-west-1 failed: InvalidCommandId", "aws",
                "ssm:GetCommandInvocation", "eu-west-1", 400, "InvalidCommandId", "r2", false, null);
        });

        List<InstanceOnboarding> outcomes = await(sent(ID, other));

        assertThat(outcomes).extracting(InstanceOnboarding::status)
            .containsExactly(OnboardingStatus.SUCCEEDED, OnboardingStatus.UNKNOWN);
        assertThat(outcomes.get(1).detail()).contains("InvalidCommandId");
    }

    @Test
    void await_outputHoldingTheSecret_isRedacted() {
        fleet.answers(ID, () -> Optional.of(invocation(ID, "Failed", "Failed", "secret=" + Fixtures.SP_SECRET)));
        UnaryOperator<String> redact = text -> text.replace(Fixtures.SP_SECRET, "***");

        InstanceOnboarding outcome = new InvocationPoller(fleet, clock, clock::advance).await(Fixtures.spec(),
            "eu-west-1", List.of(sent(ID)), INTERVAL, DEADLINE, redact, heard::add).get(0);

        assertThat(outcome.errorTail()).isEqualTo("secret=***");
    }

    private List<InstanceOnboarding> await(SentCommand command) {
        return new InvocationPoller(fleet, clock, clock::advance).await(Fixtures.spec(), "eu-west-1",
            List.of(command), INTERVAL, DEADLINE, UnaryOperator.identity(), heard::add);
    }

    private static SentCommand sent(String... ids) {
        return SentCommand.builder().commandId("cmd-1").region("eu-west-1").platform(InstancePlatform.LINUX)
            .documentName("AWS-RunShellScript").addInstanceIds(ids).build();
    }
}
