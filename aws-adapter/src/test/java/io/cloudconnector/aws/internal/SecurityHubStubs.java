package io.cloudconnector.aws.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Security Hub's REST-JSON answers on WireMock, told apart by the region in the SigV4 credential scope. */
final class SecurityHubStubs {

    /** How many findings a stubbed page holds (Security Hub may return fewer than MaxResults). */
    static final int PAGE = 25;

    private final WireMockServer wireMock;

    SecurityHubStubs(WireMockServer wireMock) {
        this.wireMock = wireMock;
    }

    /** The region's {@code GetFindings} requests. */
    static MappingBuilder getFindings(String region) {
        return post(urlPathEqualTo("/findings")).withHeader("Authorization", containing(scope(region)));
    }

    /** What a request signed for {@code region} carries in its Authorization header. */
    static String scope(String region) {
        return "/" + region + "/securityhub/aws4_request";
    }

    /** The request of page {@code page} of {@code region}: no token on the first, the page's token after. */
    static MappingBuilder page(String region, int page) {
        MappingBuilder request = getFindings(region);
        return page == 0 ? request.withRequestBody(notContaining("NextToken"))
            : request.withRequestBody(matchingJsonPath("$.NextToken", equalTo(FindingsFixture.token(region, page))));
    }

    /**
     * Serves {@code findings} in pages of {@link #PAGE}. The first request of each page in {@code throttled} is
     * answered 429 LimitExceededException; the first request with the token of {@code expiredPage} is answered 400
     * InvalidInputException (the token expired); every later request gets the page.
     */
    void pages(String region, List<ObjectNode> findings, Set<Integer> throttled, int expiredPage) {
        Map<Integer, String> pages = FindingsFixture.pages(region, findings, PAGE);
        pages.forEach((page, body) -> {
            Supplier<MappingBuilder> request = () -> page(region, page);
            if (throttled.contains(page)) {
                failOnce(request, "throttle " + region + " " + page, throttled(), body);
            } else if (page == expiredPage) {
                failOnce(request, "expire " + region + " " + page, expiredToken(), body);
            } else {
                wireMock.stubFor(request.get().willReturn(okJson(body)));
            }
        });
    }

    /** No finding aggregator. */
    void noAggregator() {
        wireMock.stubFor(get(urlPathEqualTo("/findingAggregator/list")).willReturn(okJson(
            "{\"FindingAggregators\":[]}")));
    }

    private void failOnce(Supplier<MappingBuilder> request, String scenario, ResponseDefinitionBuilder failure,
        String body) {
        wireMock.stubFor(request.get().inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
            .willReturn(failure).willSetStateTo("answered"));
        wireMock.stubFor(request.get().inScenario(scenario).whenScenarioStateIs("answered")
            .willReturn(okJson(body)));
    }

    /** Security Hub's throttling answer. */
    static ResponseDefinitionBuilder throttled() {
        return aResponse().withStatus(429).withHeader("Content-Type", "application/json")
            .withHeader("x-amzn-ErrorType", "LimitExceededException")
            .withBody("{\"Code\":\"LimitExceededException\",\"Message\":\"Rate exceeded\"}");
    }

    /** Security Hub's answer to an expired page token. */
    static ResponseDefinitionBuilder expiredToken() {
        return aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withHeader("x-amzn-ErrorType", "InvalidInputException")
            .withBody("{\"Code\":\"InvalidInputException\",\"Message\":\"The NextToken provided has expired.\"}");
    }
}
