package io.cloudconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecJsonTest {

    private static final String MINIMAL = """
        {
          "displayName": "aws-production",
          "subscriptionId": "11111111-2222-3333-4444-555555555555",
          "tenantId": "66666666-7777-8888-9999-aaaaaaaaaaaa",
          "awsAccountId": "012345678901",
          "authentication": {
            "type": "assumeRole",
            "roleArn": "arn:aws:iam::012345678901:role/AscConnector"
          }
        }
        """;

    @Test
    void write_specWithSecrets_masksEverySecret() {
        ConnectorSpec spec = Specs.withAccessKeys(Specs.ACCESS_KEY_ID, Specs.SECRET_ACCESS_KEY).build();

        String json = SpecJson.write(spec);

        assertThat(json)
            .doesNotContain(Specs.SECRET_ACCESS_KEY, Specs.SERVICE_PRINCIPAL_SECRET)
            .contains("\"secretAccessKey\" : \"***\"", "\"servicePrincipalSecret\" : \"***\"")
            .contains("\"type\" : \"accessKeys\"", "\"accessKeyId\" : \"" + Specs.ACCESS_KEY_ID + "\"");
    }

    @Test
    void write_assumeRole_writesTypeAndLeavesOutDerivedAndEmptyFields() {
        String json = SpecJson.write(Specs.builder().arc(java.util.Optional.empty()).build());

        assertThat(json)
            .contains("\"type\" : \"assumeRole\"", "\"rescanInterval\" : \"PT6H\"", "\"generation\" : \"CLASSIC\"")
            .doesNotContain("\"externalId\"", "\"roleName\"", "\"arc\"", "\"onboardingUserName\"");
    }

    @Test
    void read_writtenWithRevealedSecrets_givesBackAnEqualSpec() {
        ConnectorSpec spec = Specs.withAccessKeys(Specs.ACCESS_KEY_ID, Specs.SECRET_ACCESS_KEY)
            .rescanInterval(Duration.ofHours(12))
            .onboardingUserName("arc-onboarder")
            .build();

        String json = SpecJson.writeRevealingSecrets(spec);

        assertThat(json).contains(Specs.SECRET_ACCESS_KEY, Specs.SERVICE_PRINCIPAL_SECRET);
        assertThat(SpecJson.read(json)).isEqualTo(spec);
    }

    @Test
    void read_writtenWithMaskedSecrets_isRejectedNamingTheMaskedSecret() {
        String json = SpecJson.write(Specs.builder().build());

        assertThatThrownBy(() -> SpecJson.read(json))
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("arc.servicePrincipalSecret: must be the real secret, not the mask ***");
    }

    @Test
    void read_minimalSpec_appliesDefaults() {
        ConnectorSpec spec = SpecJson.read(MINIMAL);

        assertThat(spec.rescanInterval()).isEqualTo(ConnectorSpec.DEFAULT_RESCAN_INTERVAL);
        assertThat(spec.regions()).isEmpty();
        assertThat(spec.arc()).isEmpty();
        assertThat(spec.connectorName()).isEqualTo("aws-production");
        assertThat(spec.externalId()).contains(Specs.SUBSCRIPTION_ID);
    }

    @Test
    void read_displayNameRegion_isNormalised() {
        String json = SpecJson.writeRevealingSecrets(Specs.builder().build()).replace("\"westus2\"", "\"West US 2\"");

        assertThat(json).contains("West US 2");
        assertThat(SpecJson.read(json).arc().orElseThrow().azureRegion()).isEqualTo("westus2");
    }

    @Test
    void read_unknownField_namesFieldLineAndKnownFields() {
        String json = MINIMAL.replace("\"tenantId\"", "\"tenant\": \"x\",\n  \"tenantId\"");

        assertThatThrownBy(() -> SpecJson.read(json))
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("tenant: is not a known field (line 4, column")
            .hasMessageContaining("known fields: ")
            .hasMessageContaining("subscriptionId");
    }

    @Test
    void read_unknownNestedField_namesItsPath() {
        String json = MINIMAL.replace("\"type\": \"assumeRole\",", "\"type\": \"assumeRole\", \"sessionName\": 1,");

        assertThatThrownBy(() -> SpecJson.read(json))
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("authentication.sessionName: is not a known field (line 7, column");
    }

    @Test
    void read_numberForString_namesFieldTypeAndLine() {
        String json = MINIMAL.replace("\"012345678901\"", "12345678901");

        assertThatThrownBy(() -> SpecJson.read(json))
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("awsAccountId: must be a string (line 5, column 19) (was '12345678901')");
    }

    @Test
    void read_objectForSecret_namesFieldAndTypeWithoutContent() {
        String json = MINIMAL.replace("\"type\": \"assumeRole\",", "\"type\": \"accessKeys\", \"accessKeyId\": "
            + "\"AKIAIOSFODNN7EXAMPLE\", \"secretAccessKey\": {\"value\": \"wJalrXUtnFEMI\"},")
            .replace("\"roleArn\": \"arn:aws:iam::012345678901:role/AscConnector\"", "\"x\": 1");

        assertThatThrownBy(() -> SpecJson.read(json))
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("authentication.secretAccessKey: must be a string, not an object (line 7, column")
            .satisfies(e -> assertThat(stackTraceText(e)).doesNotContain("wJalrXUtnFEMI"));
    }

    @Test
    void read_stringForList_namesFieldAndType() {
        String json = MINIMAL.replace("\"tenantId\"", "\"regions\": \"us-east-1\",\n  \"tenantId\"");

        assertThatThrownBy(() -> SpecJson.read(json))
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("regions: must be an array, not a string (line 4, column");
    }

    @Test
    void read_unknownEnumValue_listsTheValues() {
        String json = MINIMAL.replace("\"tenantId\"", "\"generation\": \"NEWEST\",\n  \"tenantId\"");

        assertThatThrownBy(() -> SpecJson.read(json))
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("generation: must be one of CLASSIC, CURRENT (line 4, column")
            .hasMessageContaining("(was 'NEWEST')");
    }

    @Test
    void read_badDuration_namesTheFormat() {
        String json = MINIMAL.replace("\"tenantId\"", "\"rescanInterval\": \"six hours\",\n  \"tenantId\"");

        assertThatThrownBy(() -> SpecJson.read(json))
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("rescanInterval: must be an ISO-8601 duration such as PT6H");
    }

    @Test
    void read_unknownAuthenticationType_namesTheTypes() {
        String json = MINIMAL.replace("\"assumeRole\"", "\"webIdentity\"");

        assertThatThrownBy(() -> SpecJson.read(json))
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("authentication.type: must be assumeRole or accessKeys (line 7, column")
            .hasMessageContaining("(was 'webIdentity')");
    }

    @Test
    void read_missingRequiredFields_namesEachField() {
        String json = """
            {"displayName": "aws-production", "subscriptionId": "11111111-2222-3333-4444-555555555555",
             "authentication": {"type": "accessKeys", "accessKeyId": "AKIAIOSFODNN7EXAMPLE"}}
            """;

        assertThatThrownBy(() -> SpecJson.read(json))
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("authentication.secretAccessKey: is required");
    }

    @Test
    void read_missingTopLevelFields_namesEachField() {
        String json = MINIMAL.replace("\"tenantId\": \"66666666-7777-8888-9999-aaaaaaaaaaaa\",", "");

        assertThatThrownBy(() -> SpecJson.read(json))
            .isInstanceOf(InvalidSpecException.class)
            .satisfies(e -> assertThat(((InvalidSpecException) e).violations())
                .extracting(Violation::field)
                .containsExactly("tenantId"));
    }

    @Test
    void read_malformedJson_namesLine() {
        String json = MINIMAL.replace("\"tenantId\":", "\"tenantId\"");

        assertThatThrownBy(() -> SpecJson.read(json))
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("(document): must be well-formed JSON (line 4, column");
    }

    @Test
    void read_validJsonBrokenRules_reportsTheRules() {
        String json = MINIMAL.replace("\"012345678901\"", "\"42\"");

        assertThatThrownBy(() -> SpecJson.read(json))
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("awsAccountId: must be exactly 12 digits (was '42')")
            .hasMessageContaining("authentication.roleArn: must be a role in the spec's AWS account 42");
    }

    @Test
    void read_malformedProxyWithPassword_neverShowsThePassword() {
        String json = SpecJson.writeRevealingSecrets(Specs.builder().build())
            .replace("http://proxy.example.com:3128", "http://arc:hunter2@proxy example:3128");

        assertThatThrownBy(() -> SpecJson.read(json))
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("arc.proxy: must be a URL")
            .satisfies(e -> assertThat(stackTraceText(e)).doesNotContain("hunter2"));
    }

    @Test
    void read_file_readsTheSpec(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("spec.json"), MINIMAL, StandardCharsets.UTF_8);

        assertThat(SpecJson.read(file).displayName()).isEqualTo("aws-production");
    }

    @Test
    void read_missingFile_throwsUncheckedIoNamingTheFile(@TempDir Path directory) {
        Path file = directory.resolve("absent.json");

        assertThatThrownBy(() -> SpecJson.read(file))
            .isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("absent.json");
    }

    /** The exception and each of its causes, as they would print. */
    private static String stackTraceText(Throwable throwable) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
