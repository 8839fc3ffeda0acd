package io.cloudconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec files: credentials in clear are reported with field, line and column; broken files are refused likewise. */
class SpecSecretsInClearTest {

    private static final String WITH_SECRETS = """
        {
          "displayName": "aws-production",
          "subscriptionId": "11111111-2222-3333-4444-555555555555",
          "tenantId": "66666666-7777-8888-9999-aaaaaaaaaaaa",
          "awsAccountId": "012345678901",
          "authentication": {
            "type": "accessKeys",
            "accessKeyId": "AKIAIOSFODNN7EXAMPLE",
            "secretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
          },
          "regions": ["us-east-1"],
          "arc": {
            "resourceGroup": "arc-rg",
            "azureRegion": "westus2",
            "servicePrincipalId": "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
            "servicePrincipalSecret": "sp~Secret-0123456789abcdefABCDEF",
            "proxy": "http://ops:hunter2@proxy.example.com:3128"
          }
        }
        """;

    @TempDir
    Path directory;

    @Test
    void secretsInClear_fileWithKeysSecretAndProxyPassword_eachReportedWithLineAndFieldNeverTheValue()
        throws Exception {
        Path file = Files.writeString(directory.resolve("spec.json"), WITH_SECRETS);

        var found = SpecJson.secretsInClear(file);

        assertThat(found).extracting(Violation::field)
            .containsExactly("authentication.secretAccessKey", "arc.servicePrincipalSecret", "arc.proxy");
        assertThat(found).extracting(Violation::rule).allSatisfy(rule -> assertThat(rule)
            .contains("keep the file readable by the host alone"));
        assertThat(found.get(0).rule()).startsWith("holds a secret in clear (line 9, column 24)");
        assertThat(found.get(2).rule()).startsWith("holds a user name and password in its URL (line 17, column 14)");
        assertThat(found.toString()).doesNotContain("wJalrXUtnFEMI", "sp~Secret", "hunter2");
    }

    @Test
    void secretsInClear_maskedOrNoSecrets_nothingReported() {
        String masked = WITH_SECRETS.replace("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", Secret.MASK)
            .replace("sp~Secret-0123456789abcdefABCDEF", Secret.MASK).replace("ops:hunter2@", "");

        assertThat(SpecJson.secretsInClear(masked)).isEmpty();
    }

    @Test
    void secretsInClear_notJson_refusedWithItsLine() {
        assertThatThrownBy(() -> SpecJson.secretsInClear("{\n  \"displayName\": \n}"))
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("(document): must be well-formed JSON (line 3, column 1)");
    }

    @Test
    void read_unknownFieldAndWrongType_namedWithLineAndField() {
        assertThatThrownBy(() -> SpecJson.read(WITH_SECRETS.replace("\"regions\"", "\"region\"")))
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("region: is not a known field (line 11");
        assertThatThrownBy(() -> SpecJson.read(WITH_SECRETS.replace("\"arc-rg\"", "42")))
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("arc.resourceGroup: must be a string")
            .hasMessageContaining("line 13");
    }
}
