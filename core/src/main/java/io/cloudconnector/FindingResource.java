package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** One AWS resource a finding is about. */
@Value.Immutable
@ValueStyle
public abstract class FindingResource {

    /** A builder; type and ID are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The ASFF resource type, such as {@code AwsEc2Instance}, {@code AwsS3Bucket} or {@code AwsAccount}. */
    public abstract String type();

    /** The resource's ID: usually its ARN, such as {@code arn:aws:ec2:us-east-1:123456789012:instance/i-0abc}. */
    public abstract String id();

    /** The partition, such as {@code aws}, {@code aws-cn} or {@code aws-us-gov}, when given. */
    public abstract Optional<String> partition();

    /** The region the resource lives in, when given (global resources have none). */
    public abstract Optional<String> region();

    /** Builds a {@link FindingResource}. */
    public static class Builder extends ImmutableFindingResource.Builder {
    }
}
