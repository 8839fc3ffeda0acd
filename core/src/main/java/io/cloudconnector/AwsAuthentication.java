package io.cloudconnector;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cloudconnector.internal.ValueStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How Microsoft Defender for Cloud, and this SDK, reach the AWS account: by assuming an IAM role with an External ID,
 * or with an IAM user's access keys.
 *
 * <p>In JSON, the {@code type} property says which: {@value #ASSUME_ROLE} or {@value #ACCESS_KEYS}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AwsAuthentication.AssumeRole.class, name = AwsAuthentication.ASSUME_ROLE),
    @JsonSubTypes.Type(value = AwsAuthentication.AccessKeys.class, name = AwsAuthentication.ACCESS_KEYS)})
public abstract class AwsAuthentication {

    /** The JSON {@code type} of {@link AssumeRole}. */
    public static final String ASSUME_ROLE = "assumeRole";

    /** The JSON {@code type} of {@link AccessKeys}. */
    public static final String ACCESS_KEYS = "accessKeys";

    AwsAuthentication() {
    }

    /**
     * Assume {@code roleArn}; the External ID defaults to the spec's Azure subscription ID, as the connector requires.
     */
    public static AssumeRole assumeRole(String roleArn) {
        return ImmutableAssumeRole.builder().roleArn(roleArn).build();
    }

    /** Assume {@code roleArn} with an explicit External ID (the current connector generation allows any). */
    public static AssumeRole assumeRole(String roleArn, String externalId) {
        return ImmutableAssumeRole.builder().roleArn(roleArn).externalId(externalId).build();
    }

    /** Use an IAM user's access key pair. */
    public static AccessKeys accessKeys(String accessKeyId, Secret secretAccessKey) {
        return ImmutableAccessKeys.builder().accessKeyId(accessKeyId).secretAccessKey(secretAccessKey).build();
    }

    /** Assume-role authentication: the role Microsoft's account may assume. */
    @Value.Immutable
    @ValueStyle
    @JsonTypeName(ASSUME_ROLE)
    @JsonSerialize(as = ImmutableAssumeRole.class)
    @JsonDeserialize(as = ImmutableAssumeRole.class)
    public abstract static class AssumeRole extends AwsAuthentication {

        /** The role's ARN, {@code arn:aws:iam::123456789012:role/AscConnector}. */
        public abstract String roleArn();

        /** The External ID the role's trust policy requires; empty means the spec's subscription ID. */
        public abstract Optional<String> externalId();

        /** The role's name: the last segment of its ARN, without path. */
        @Value.Derived
        @Value.Auxiliary
        @JsonIgnore
        public String roleName() {
            String arn = roleArn();
            return arn.substring(arn.lastIndexOf('/') + 1);
        }
    }

    /** Access-key authentication: an IAM user's key pair. */
    @Value.Immutable
    @ValueStyle
    @JsonTypeName(ACCESS_KEYS)
    @JsonSerialize(as = ImmutableAccessKeys.class)
    @JsonDeserialize(as = ImmutableAccessKeys.class)
    public abstract static class AccessKeys extends AwsAuthentication {

        /** The access key ID, {@code AKIA...}; not a secret. */
        public abstract String accessKeyId();

        /** The secret access key; prints as {@value Secret#MASK}. */
        @Value.Redacted
        public abstract Secret secretAccessKey();
    }
}
