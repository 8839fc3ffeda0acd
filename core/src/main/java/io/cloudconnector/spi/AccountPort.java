package io.cloudconnector.spi;

import io.cloudconnector.ConnectorSpec;
import java.util.List;
import java.util.Optional;

/**
 * Facts about an AWS account for the readiness check: who the credentials are, which regions are enabled, IAM, and the
 * per-region state of AWS Config and Security Hub. Methods throw {@link io.cloudconnector.ConnectorException} subtypes
 * ({@link io.cloudconnector.AccessDeniedException} naming the missing permission) when AWS answers with an error.
 */
public interface AccountPort {

    /**
     * {@code sts:GetCallerIdentity} with the spec's credentials. For assume-role authentication the role is assumed
     * first, with the spec's External ID; when that fails, the exception's operation is {@code sts:AssumeRole} and its
     * message carries STS's.
     */
    CallerIdentity callerIdentity(ConnectorSpec spec);

    /** Every region of the partition with its opt-in status ({@code ec2:DescribeRegions AllRegions=true}). */
    List<RegionInfo> regions(ConnectorSpec spec);

    /** The AWS Config recorders of one region and their status. */
    ConfigRecorderFacts configRecorder(ConnectorSpec spec, String region);

    /** Whether Security Hub is enabled in one region, whether findings exist, and the enabled standards. */
    SecurityHubFacts securityHub(ConnectorSpec spec, String region);

    /** An IAM role's trust policy (decoded) and attached managed policies; empty when the role does not exist. */
    Optional<IamPrincipalFacts> role(ConnectorSpec spec, String roleName);

    /** An IAM user's attached managed policies; empty when the user does not exist. */
    Optional<IamPrincipalFacts> user(ConnectorSpec spec, String userName);
}
