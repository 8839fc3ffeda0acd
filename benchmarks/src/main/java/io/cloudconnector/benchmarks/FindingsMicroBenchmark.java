package io.cloudconnector.benchmarks;

import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.AggregatorFacts;
import io.cloudconnector.spi.AsffFinding;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.AzureSide;
import io.cloudconnector.spi.FindingsPage;
import io.cloudconnector.spi.FindingsPageRequest;
import io.cloudconnector.spi.FindingsPort;
import io.cloudconnector.spi.FleetPort;
import io.cloudconnector.spi.RegionInfo;
import io.cloudconnector.spi.StandardSubscription;
import io.cloudconnector.spi.StandardsControlFacts;
import io.cloudconnector.testkit.CloudSandbox;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AssociatedStandard;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.GetFindingsResponse;

/**
 * Micro figures of one page of 100 findings, with no network: what the AWS SDK spends turning the HTTP body into
 * its model (what plain paging pays; the connector's adapter reads the body itself instead, in one streaming pass),
 * and what the SDK's core spends turning the same findings, as ASFF facts, into {@code Finding} objects through the
 * public stream (checks, mapping, de-duplication, the stream itself).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FindingsMicroBenchmark {

    private static final String REGION = "us-east-1";

    private SecurityHubClient canned;
    private ConnectorClient core;
    private ConnectorSpec spec;

    /** Captures one real page from a sandbox, then builds both clients over it. */
    @Setup(Level.Trial)
    public void setUp() {
        AtomicReference<byte[]> body = new AtomicReference<>();
        List<AwsSecurityFinding> page;
        try (CloudSandbox sandbox = CloudSandbox.builder().seed(Seeds.findings(List.of(REGION))).withoutQuota()
                .syntheticFindings(100).start();
             SdkHttpClient http = ApacheHttpClient.builder().build();
             SecurityHubClient hub = Clients.securityHubBuilder(sandbox, REGION, http)
                 .overrideConfiguration(o -> o.addExecutionInterceptor(capture(body))).build()) {
            page = hub.getFindings(r -> r.filters(Clients.activeIn(REGION)).sortCriteria(Clients.oldestFirst())
                .maxResults(100)).findings();
            spec = Seeds.spec(sandbox, List.of(REGION));
            canned = Clients.securityHub(sandbox, REGION, new CannedHttp(body.get()));
        }
        List<AsffFinding> asff = page.stream().map(FindingsMicroBenchmark::asff).toList();
        core = ConnectorClient.of(new PageSide(asff), proxy(AzureSide.class));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        canned.close();
        core.close();
    }

    /** The AWS SDK: sign, send (to a canned answer) and unmarshal one page. */
    @Benchmark
    public GetFindingsResponse awsSdkUnmarshalPage() {
        return canned.getFindings(r -> r.filters(Clients.activeIn(REGION)).sortCriteria(Clients.oldestFirst())
            .maxResults(100));
    }

    /** The SDK's core: one page of the same findings into {@code Finding} objects through the public stream. */
    @Benchmark
    public long sdkMapPage() {
        return core.findings(spec, FindingQuery.activeFindings()).count();
    }

    private static ExecutionInterceptor capture(AtomicReference<byte[]> body) {
        return new ExecutionInterceptor() {
            @Override
            public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                ExecutionAttributes attributes) {
                try {
                    body.set(context.responseBody().orElseThrow().readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return Optional.of(new ByteArrayInputStream(body.get()));
            }
        };
    }

    private static AsffFinding asff(AwsSecurityFinding finding) {
        return AsffFinding.builder().id(Optional.ofNullable(finding.id()))
            .productArn(Optional.ofNullable(finding.productArn()))
            .productName(Optional.ofNullable(finding.productName()))
            .generatorId(Optional.ofNullable(finding.generatorId()))
            .awsAccountId(Optional.ofNullable(finding.awsAccountId())).region(Optional.ofNullable(finding.region()))
            .title(Optional.ofNullable(finding.title())).description(Optional.ofNullable(finding.description()))
            .severityLabel(Optional.ofNullable(finding.severity().labelAsString()))
            .severityNormalized(Optional.ofNullable(finding.severity().normalized()))
            .createdAt(Optional.ofNullable(finding.createdAt())).updatedAt(Optional.ofNullable(finding.updatedAt()))
            .firstObservedAt(Optional.ofNullable(finding.firstObservedAt()))
            .lastObservedAt(Optional.ofNullable(finding.lastObservedAt()))
            .recordState(Optional.ofNullable(finding.recordStateAsString()))
            .workflowStatus(Optional.ofNullable(finding.workflow().statusAsString()))
            .resources(finding.resources().stream().map(r -> AsffFinding.AsffResource.builder()
                .type(Optional.ofNullable(r.type())).id(Optional.ofNullable(r.id()))
                .partition(Optional.ofNullable(r.partitionAsString())).region(Optional.ofNullable(r.region()))
                .build()).toList())
            .compliance(Optional.ofNullable(finding.compliance()).map(c -> AsffFinding.AsffCompliance.builder()
                .status(Optional.ofNullable(c.statusAsString()))
                .securityControlId(Optional.ofNullable(c.securityControlId()))
                .associatedStandards(c.associatedStandards().stream().map(AssociatedStandard::standardsId).toList())
                .build()))
            .remediationText(Optional.ofNullable(finding.remediation().recommendation().text()))
            .remediationUrl(Optional.ofNullable(finding.remediation().recommendation().url()))
            .productFields(finding.productFields())
            .build();
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getName().equals("close")) {
                return null;
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }

    /** An AWS side whose one region holds one page of findings. */
    private static final class PageSide implements AwsSide, FindingsPort {

        private final FindingsPage page;

        PageSide(List<AsffFinding> findings) {
            this.page = FindingsPage.builder().findings(findings).nextToken(Optional.empty()).build();
        }

        @Override
        public AccountPort account() {
            List<RegionInfo> regions = List.of(RegionInfo.of(REGION, "opt-in-not-required"));
            return (AccountPort) Proxy.newProxyInstance(AccountPort.class.getClassLoader(),
                new Class<?>[] {AccountPort.class}, (self, method, args) -> {
                    if (method.getName().equals("regions")) {
                        return regions;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        }

        @Override
        public FleetPort fleet() {
            return proxy(FleetPort.class);
        }

        @Override
        public FindingsPort findings() {
            return this;
        }

        @Override
        public void close() {
        }

        @Override
        public FindingsPage findings(ConnectorSpec spec, FindingsPageRequest request) {
            return page;
        }

        @Override
        public Optional<AggregatorFacts> findingAggregator(ConnectorSpec spec, String region) {
            return Optional.empty();
        }

        @Override
        public List<StandardSubscription> enabledStandards(ConnectorSpec spec, String region) {
            return List.of();
        }

        @Override
        public List<StandardsControlFacts> standardsControls(ConnectorSpec spec, String region,
            String subscriptionArn) {
            return List.of();
        }
    }

    /** An HTTP client that answers every request with the same 200 and body. */
    private static final class CannedHttp implements SdkHttpClient {

        private final byte[] body;

        CannedHttp(byte[] body) {
            this.body = body;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                            .putHeader("Content-Type", "application/json")
                            .putHeader("Content-Length", String.valueOf(body.length)).build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
