package io.cloudconnector.spi;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** One EC2 instance as {@code ec2:DescribeInstances} reports it. */
@Value.Immutable
public interface Ec2Instance {

    String instanceId();

    String region();

    /** {@code pending}, {@code running}, {@code shutting-down}, {@code terminated}, {@code stopping} or
     * {@code stopped}. */
    String state();

    /** {@code windows} for Windows instances; empty otherwise. */
    Optional<String> platform();

    /** Such as {@code Linux/UNIX}, {@code Red Hat Enterprise Linux}, {@code Windows}. */
    Optional<String> platformDetails();

    /** The architecture, such as {@code x86_64} or {@code arm64}, when EC2 reports it. */
    Optional<String> architecture();

    /** The instance profile's ARN, when one is attached (the SSM agent needs one). */
    Optional<String> instanceProfileArn();

    /** The instance's tags; {@code Name} is its name. */
    Map<String, String> tags();

    static ImmutableEc2Instance.Builder builder() {
        return ImmutableEc2Instance.builder();
    }
}
