package io.cloudconnector.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.Finding;
import io.cloudconnector.FindingResource;
import io.cloudconnector.Severity;
import io.cloudconnector.SeverityLabel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV and JSON Lines writers of ExportFindings. */
class FindingWriterTest {

    @Test
    void csv_fieldsASpreadsheetWouldRunAsFormulas_startWithAQuoteAndStayQuoted() throws IOException {
        List<String> lines = csv(finding("=HYPERLINK(\"http://x\",\"a,b\")", "arn:aws:s3:::bucket"),
            finding("@SUM(A1)", "-1+2"), finding("Plain title, with a comma", "+cmd"));

        assertThat(lines.get(1)).contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\",")
            .contains(",arn:aws:s3:::bucket,");
        assertThat(lines.get(2)).contains(",'@SUM(A1),").contains(",'-1+2,");
        assertThat(lines.get(3)).contains(",\"Plain title, with a comma\",").contains(",'+cmd,");
    }

    private static List<String> csv(Finding... findings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FindingWriter writer = FindingWriter.open(FindingWriter.Format.CSV, out)) {
            for (Finding finding : findings) {
                writer.write(finding);
            }
        }
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static Finding finding(String title, String resourceId) {
        return Finding.builder().id("finding-1").productArn("arn:aws:securityhub:us-east-1::product/aws/securityhub")
            .generatorId("generator").awsAccountId("123456789012").region("us-east-1").title(title)
            .description("description").severity(Severity.ofLabel(SeverityLabel.LOW))
            .addResources(FindingResource.builder().type("AwsS3Bucket").id(resourceId).build())
            .createdAt(Instant.parse("2026-11-01T00:00:00Z")).updatedAt(Instant.parse("2026-11-02T00:00:00Z"))
            .build();
    }
}
