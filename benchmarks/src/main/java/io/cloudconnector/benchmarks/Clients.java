package io.cloudconnector.benchmarks;

import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ResiliencePolicy;
import io.cloudconnector.aws.AwsAdapter;
import io.cloudconnector.azure.AzureAdapter;
import io.cloudconnector.testkit.CloudSandbox;
import io.cloudconnector.testkit.SandboxSeed;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClientBuilder;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFindingFilters;
import software.amazon.awssdk.services.securityhub.model.SortCriterion;
import software.amazon.awssdk.services.securityhub.model.SortOrder;
import software.amazon.awssdk.services.securityhub.model.StringFilter;
import software.amazon.awssdk.services.securityhub.model.StringFilterComparison;

/** The clients the benchmarks compare: the SDK's, and the plain AWS SDK's Security Hub client as a baseline. */
final class Clients {

    /** The GetFindings pace for a sandbox without its quota: far above what one reader reaches. */
    static final int UNPACED = 10_000;
    /** The most pages of one listing: above the 10,000 pages of the memory benchmark's million findings. */
    static final int MAX_PAGES = 100_000;

    private Clients() {
    }

    /** The SDK pointed at {@code sandbox}, GetFindings paced at {@code getFindingsPerSecond}. */
    static ConnectorClient sdk(CloudSandbox sandbox, int getFindingsPerSecond) {
        return sdk(sandbox, getFindingsPerSecond, ConnectorClient.DEFAULT_REGION_PARALLELISM);
    }

    /** As {@link #sdk(CloudSandbox, int)}, working on {@code regionParallelism} regions at once. */
    static ConnectorClient sdk(CloudSandbox sandbox, int getFindingsPerSecond, int regionParallelism) {
        CloudEndpoints endpoints = sandbox.endpoints();
        return ConnectorClient.builder(aws(endpoints, getFindingsPerSecond), AzureAdapter.create(endpoints))
            .regionParallelism(regionParallelism).build();
    }

    /** The SDK's AWS side at {@code endpoints}, GetFindings paced at {@code getFindingsPerSecond}. */
    static AwsAdapter aws(CloudEndpoints endpoints, int getFindingsPerSecond) {
        return AwsAdapter.builder().endpoints(endpoints).resilience(ResiliencePolicy.builder()
            .securityHubGetFindingsPerSecond(getFindingsPerSecond).maxPages(MAX_PAGES).build()).build();
    }

    /** The plain Security Hub client of {@code region} at {@code sandbox}, with the base credentials. */
    static SecurityHubClient securityHub(CloudSandbox sandbox, String region, SdkHttpClient http) {
        return securityHubBuilder(sandbox, region, http).build();
    }

    /** A builder of {@link #securityHub(CloudSandbox, String, SdkHttpClient)}, for more settings. */
    static SecurityHubClientBuilder securityHubBuilder(CloudSandbox sandbox, String region, SdkHttpClient http) {
        SandboxSeed.AccessKey key = sandbox.seed().baseCredentials();
        return SecurityHubClient.builder().endpointOverride(sandbox.awsUri()).region(Region.of(region))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(),
                key.secretAccessKey())))
            .httpClient(http);
    }

    /** The filters the SDK sends for every ACTIVE finding of {@code region}, so that both read the same pages. */
    static AwsSecurityFindingFilters activeIn(String region) {
        return AwsSecurityFindingFilters.builder()
            .recordState(StringFilter.builder().value("ACTIVE").comparison(StringFilterComparison.EQUALS).build())
            .region(StringFilter.builder().value(region).comparison(StringFilterComparison.EQUALS).build())
            .build();
    }

    /** The order the SDK reads in. */
    static SortCriterion oldestFirst() {
        return SortCriterion.builder().field("UpdatedAt").sortOrder(SortOrder.ASC).build();
    }
}
