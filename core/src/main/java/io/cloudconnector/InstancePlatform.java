package io.cloudconnector;

/** The operating system family of an EC2 instance: SSM's {@code PlatformType} where known, else EC2's platform. */
public enum InstancePlatform {

    /** Linux; onboarded with the {@code AWS-RunShellScript} document. */
    LINUX,

    /** Windows; onboarded with the {@code AWS-RunPowerShellScript} document. */
    WINDOWS,

    /** macOS; never onboarded (Azure Arc has no agent for it). */
    MACOS
}
