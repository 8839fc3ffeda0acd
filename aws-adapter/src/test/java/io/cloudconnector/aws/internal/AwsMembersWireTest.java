package io.cloudconnector.aws.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.ResiliencePolicy;
import io.cloudconnector.Secret;
import io.cloudconnector.spi.SecurityHubMember;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code securityhub:ListMembers} through the Security Hub port, over HTTP against WireMock. */
class AwsMembersWireTest {

    private static final ResiliencePolicy FAST = ResiliencePolicy.builder().securityHubGetFindingsPerSecond(1_000)
        .securityHubPerSecond(1_000).maxAttempts(3).baseBackoff(Duration.ofMillis(1))
        .maxBackoff(Duration.ofMillis(5)).build();

    private WireMockServer wireMock;
    private AwsClients clients;

    @BeforeEach
    void start() {
        wireMock = new WireMockServer(options().dynamicPort());
        wireMock.start();
        clients = new AwsClients(CloudEndpoints.builder().aws(URI.create(wireMock.baseUrl()))
            .awsCredentials(AwsAuthentication.accessKeys("AKIAIOSFODNN7EXAMPLE",
                Secret.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
            .build(), FAST);
    }

    @AfterEach
    void stop() {
        clients.close();
        wireMock.stop();
    }

    @Test
    void members_twoPages_everyMemberWithItsStatusInOrder() {
        wireMock.stubFor(get(urlPathEqualTo("/members")).withQueryParam("NextToken", absent())
            .willReturn(okJson("{\"Members\":[" + member("210987654301", "Enabled") + ","
                + member("210987654302", "Removed") + ",{\"Email\":\"no-account@example.com\"}],"
                + "\"NextToken\":\"page-2\"}")));
        wireMock.stubFor(get(urlPathEqualTo("/members")).withQueryParam("NextToken", equalTo("page-2"))
            .willReturn(okJson("{\"Members\":[" + member("210987654303", "ASSOCIATED") + "]}")));

        List<SecurityHubMember> members = new AwsFindings(clients).members(TestSides.spec(), "eu-west-1",
            false);

        assertThat(members).extracting(SecurityHubMember::accountId)
            .containsExactly("210987654301", "210987654302", "210987654303");
        assertThat(members).extracting(SecurityHubMember::memberStatus)
            .containsExactly(Optional.of("Enabled"), Optional.of("Removed"), Optional.of("ASSOCIATED"));
        assertThat(members.get(0).administratorId()).contains(FindingsFixture.ACCOUNT);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/members"))
            .withQueryParam("OnlyAssociated", equalTo("false")).withQueryParam("MaxResults", equalTo("50")));
    }

    @Test
    void members_onlyAssociated_askedOfSecurityHub() {
        wireMock.stubFor(get(urlPathEqualTo("/members")).willReturn(okJson("{\"Members\":[]}")));

        assertThat(new AwsFindings(clients).members(TestSides.spec(), "us-east-1", true)).isEmpty();

        wireMock.verify(getRequestedFor(urlPathEqualTo("/members")).withQueryParam("OnlyAssociated", equalTo("true")));
    }

    @Test
    void members_notAnAdministrator_accessDeniedNamesTheOperation() {
        wireMock.stubFor(get(urlPathEqualTo("/members")).willReturn(okJson(
            "{\"Code\":\"AccessDeniedException\",\"Message\":\"Not authorized\"}").withStatus(403)
            .withHeader("x-amzn-ErrorType", "AccessDeniedException")));

        assertThatThrownBy(() -> new AwsFindings(clients).members(TestSides.spec(), "us-east-1", true))
            .isInstanceOf(AccessDeniedException.class)
            .hasMessageContaining("securityhub:ListMembers in us-east-1");
    }

    private static String member(String accountId, String status) {
        return "{\"AccountId\":\"" + accountId + "\",\"AdministratorId\":\"" + FindingsFixture.ACCOUNT
            + "\",\"MasterId\":\"" + FindingsFixture.ACCOUNT + "\",\"MemberStatus\":\"" + status
            + "\",\"InvitedAt\":\"2025-06-01T20:15:15.289Z\",\"UpdatedAt\":\"2025-06-01T20:15:15.289Z\"}";
    }
}
