package io.cloudconnector.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.CloudServiceException;
import io.cloudconnector.spi.AsffFinding;
import io.cloudconnector.spi.FindingsPage;
import io.cloudconnector.spi.FindingsPage.RejectedFinding;
import io.cloudconnector.spi.FindingsPage.TruncatedField;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-pass reader of {@code GetFindings} answers, on bodies written by hand. */
class FindingsBodyTest {

    @Test
    void read_badFieldBeforeTheId_findingLeftOutUnderItsIdAndTheNextOneRead() {
        FindingsPage page = read("{\"Findings\":[{\"Title\":{\"a\":[1,{\"b\":2}]},\"Description\":\"d\","
            + "\"Id\":\"bad\"},"
            + "{\"Id\":\"good\",\"Title\":\"t\"}],\"NextToken\":\"n1\"}");

        assertThat(page.rejected()).containsExactly(RejectedFinding.builder().id(Optional.of("bad"))
            .reason("Title is an object, not a string").build());
        assertThat(page.findings()).extracting(AsffFinding::id).containsExactly(Optional.of("good"));
        assertThat(page.nextToken()).contains("n1");
    }

    @Test
    void read_unknownFieldsNestedDeep_skippedWithoutLeavingTheFindingOut() {
        FindingsPage page = read("{\"Findings\":[{\"Id\":\"a\",\"Network\":{\"x\":[{\"y\":{\"z\":[1,2,\"3\"]}}]},"
            + "\"Severity\":{\"Label\":\"HIGH\",\"Original\":{\"deep\":true},\"Normalized\":70},"
            + "\"Resources\":[{\"Type\":\"AwsEc2Instance\",\"Details\":{\"AwsEc2Instance\":{\"Type\":5}},"
            + "\"Id\":\"i-1\"}]}]}");

        assertThat(page.rejected()).isEmpty();
        AsffFinding finding = page.findings().get(0);
        assertThat(finding.severityLabel()).contains("HIGH");
        assertThat(finding.severityNormalized()).contains(70);
        assertThat(finding.resources()).singleElement().satisfies(resource -> {
            assertThat(resource.type()).contains("AwsEc2Instance");
            assertThat(resource.id()).contains("i-1");
        });
        assertThat(page.nextToken()).isEmpty();
    }

    @Test
    void read_findingsThatAreNotObjects_eachLeftOutNamingItsKind() {
        FindingsPage page = read("{\"Findings\":[[1,[2]],null,7,{\"Id\":\"ok\"}]}");

        assertThat(page.rejected()).extracting(RejectedFinding::reason).containsExactly(
            "a finding is an array, not an object", "a finding is null, not an object",
            "a finding is a number, not an object");
        assertThat(page.findings()).extracting(AsffFinding::id).containsExactly(Optional.of("ok"));
    }

    @Test
    void read_normalizedBeyondAnInt_findingLeftOut() {
        FindingsPage page = read("{\"Findings\":[{\"Id\":\"big\",\"Severity\":{\"Normalized\":3000000000}},"
            + "{\"Id\":\"float\",\"Severity\":{\"Normalized\":7.5}}]}");

        assertThat(page.findings()).isEmpty();
        assertThat(page.rejected()).extracting(RejectedFinding::reason)
            .containsOnly("Severity.Normalized is a number, not a whole number");
    }

    @Test
    void read_descriptionCutBeforeTheIdIsRead_noteCarriesTheId() {
        String longText = "x".repeat(FindingsBody.MAX_TEXT + 10);
        FindingsPage page = read("{\"Findings\":[{\"Description\":\"" + longText + "\",\"Id\":\"late\"},"
            + "{\"Description\":\"" + longText + "\",\"Title\":5,\"Id\":\"rejected\"}]}");

        assertThat(page.truncated()).containsExactly(TruncatedField.builder().findingId(Optional.of("late"))
            .field("Description").originalLength(longText.length()).keptLength(FindingsBody.MAX_TEXT).build());
        assertThat(page.findings().get(0).description().orElseThrow())
            .startsWith("x".repeat(FindingsBody.MAX_TEXT) + " [cut short by the connector SDK: ");
    }

    @Test
    void read_productFields_keptInTheOrderSentUnlessThereAreTooMany() {
        FindingsPage few = read("{\"Findings\":[{\"Id\":\"a\",\"ProductFields\":{\"z\":\"1\",\"a\":\"2\"}}]}");
        String many = IntStream.range(0, FindingsBody.MAX_PRODUCT_FIELDS + 5)
            .mapToObj(i -> String.format("\"k%03d\":\"v\"", FindingsBody.MAX_PRODUCT_FIELDS + 4 - i))
            .collect(Collectors.joining(","));
        FindingsPage lots = read("{\"Findings\":[{\"Id\":\"b\",\"ProductFields\":{" + many + "}}]}");

        assertThat(few.findings().get(0).productFields().keySet()).containsExactly("z", "a");
        assertThat(lots.findings().get(0).productFields()).hasSize(FindingsBody.MAX_PRODUCT_FIELDS)
            .containsKey("k000").doesNotContainKey(String.format("k%03d", FindingsBody.MAX_PRODUCT_FIELDS));
        assertThat(lots.truncated()).extracting(TruncatedField::field).containsExactly("ProductFields");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>busy</html>", "[]", "{\"Findings\":\"none\"}",
        "{\"Findings\":[],\"NextToken\":42}", "{\"Findings\":[{\"Id\":\"cut", "{\"Findings\":[{\"Id\":1 2}]}"})
    void readAndScan_answersTheSdkMustFailWhole_neither(String body) {
        assertThat(FindingsBody.read(bytes(body))).isEmpty();
        assertThat(FindingsBody.scan(bytes(body))).isEmpty();
    }

    @Test
    void scan_theNextTokenWhereverItIs_findingsNotRead() {
        assertThat(FindingsBody.scan(bytes("{\"NextToken\":\"first\",\"Findings\":[{\"Title\":7}]}")))
            .contains(new FindingsBody.Scan(Optional.of("first")));
        assertThat(FindingsBody.scan(bytes("{\"Findings\":[{\"Id\":\"a\",\"Resources\":[{}]}],"
            + "\"NextToken\":\"t\\u0041\"}"))).contains(new FindingsBody.Scan(Optional.of("tA")));
        assertThat(FindingsBody.scan(bytes("{\"Findings\":[]}"))).contains(new FindingsBody.Scan(Optional.empty()));
    }

    @Test
    void answer_bodyThatDoesNotReadAsItWasScanned_failsTheCallInItsRegion() {
        FindingsBodyFilter.Answer answer = new FindingsBodyFilter.Answer(
            bytes("{\"Findings\":[],\"NextToken\":\"b\"}"), Optional.of("a"));

        assertThatThrownBy(() -> answer.read("eu-west-1")).isInstanceOf(CloudServiceException.class)
            .hasMessageContaining("securityhub:GetFindings in eu-west-1 answered a page that could not be read");
        assertThat(new FindingsBodyFilter.Answer(bytes("{\"Findings\":[{\"Id\":\"x\"}],\"NextToken\":\"a\"}"),
            Optional.of("a")).read("eu-west-1").toFindingsPage().findings()).hasSize(1);
    }

    @Test
    void read_noFindingsField_anEmptyPageWithItsToken() {
        FindingsPage page = read("{\"NextToken\":\"t\",\"Findings\":null}");

        assertThat(page.findings()).isEmpty();
        assertThat(page.nextToken()).contains("t");
    }

    @Test
    void emptied_keepsTheTokenAndNothingElse() {
        FindingsBody.Page page = FindingsBody.read(bytes("{\"Findings\":[{\"Id\":\"a\"}],\"NextToken\":\"n\\\"q\"}"))
            .orElseThrow();

        assertThat(new String(FindingsBody.emptied(page.nextToken()), StandardCharsets.UTF_8))
            .isEqualTo("{\"Findings\":[],\"NextToken\":\"n\\\"q\"}");
    }

    private static FindingsPage read(String body) {
        return FindingsBody.read(bytes(body)).orElseThrow().toFindingsPage();
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
