package io.cloudconnector;

/** How onboarding one EC2 instance ended. Only {@link #SUCCEEDED} means the Arc agent was connected. */
public enum OnboardingStatus {

    /** The script ran to its end: the agent is installed and connected (SSM {@code Success}). */
    SUCCEEDED,

    /** The script failed (SSM {@code Failed}); the instance is tried again on the next run. */
    FAILED,

    /** The script ran longer than the execution timeout (SSM {@code TimedOut}). */
    TIMED_OUT,

    /** The command was cancelled (SSM {@code Cancelled}), for example after too many errors in its batch. */
    CANCELLED,

    /** SSM could not deliver the command to the instance (SSM status detail {@code Undeliverable}). */
    UNDELIVERABLE,

    /** The SDK stopped waiting at its deadline while SSM still reported the command pending or in progress. */
    DEADLINE_EXCEEDED,

    /** The command was never sent: {@code ssm:SendCommand} failed for the instance's batch. */
    NOT_SENT,

    /** The outcome could not be read ({@code ssm:GetCommandInvocation} failed, or the wait was interrupted). */
    UNKNOWN
}
