package io.cloudconnector.internal.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.InstancePlatform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArcInstallScriptTest {

    private static final String INSTANCE_ID = "i-0abc123def4567890";
    private static final String CORRELATION_ID = "6f1c1a7e-0000-4000-8000-000000000001";
    private static final String PROXY = "http://proxy.example:3128";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path bin;
    private Path log;
    private Path tmp;

    @BeforeEach
    void fakeCommands() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        log = Files.createDirectories(dir.resolve("log"));
        tmp = Files.createDirectories(dir.resolve("tmp"));
        fake("curl", """
            printf '%s\\n' "$*" >> "$FAKE_LOG/curl.args"
            case "$*" in
              *api/token*) printf 'token-123' ;;
              *meta-data/instance-id*) printf '%s' "$FAKE_INSTANCE_ID" ;;
              *) out=''; prev=''
                 for arg in "$@"; do [ "$prev" = "-o" ] && out="$arg"; prev="$arg"; done
                 printf '%s\\n' 'printf "%s\\n" "$*" > "$FAKE_LOG/installer.args"' > "$out" ;;
            esac
            """);
        fake("azcmagent", """
            printf '%s\\n' "$*" >> "$FAKE_LOG/azcmagent.args"
            if [ "$1" = connect ]; then
              cfg=''; prev=''
              for arg in "$@"; do [ "$prev" = "--config" ] && cfg="$arg"; prev="$arg"; done
              cp "$cfg" "$FAKE_LOG/connect.json"
              stat -c %a "$cfg" > "$FAKE_LOG/config.mode"
              stat -c %a "$(dirname "$cfg")" > "$FAKE_LOG/workdir.mode"
              exit "${FAKE_CONNECT_EXIT:-0}"
            fi
            """);
    }

    @Test
    void linux_runUnderSh_writesTheAgentConfigWithEveryValueIntactAndCleansUp() throws Exception {
        Result run = runLinux(Fixtures.spec(), INSTANCE_ID, Map.of());

        assertThat(run.exit()).as(run.output()).isZero();
        JsonNode config = JSON.readTree(log.resolve("connect.json").toFile());
        assertThat(config.get("service-principal-id").asText()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(config.get("service-principal-secret").asText()).isEqualTo(Fixtures.SP_SECRET);
        assertThat(config.get("tenant-id").asText()).isEqualTo("ffffffff-1111-2222-3333-444444444444");
        assertThat(config.get("subscription-id").asText()).isEqualTo("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
        assertThat(config.get("resource-group").asText()).isEqualTo("arc-machines");
        assertThat(config.get("location").asText()).isEqualTo("westeurope");
        assertThat(config.get("cloud").asText()).isEqualTo("AzureUSGovernment");
        assertThat(config.get("correlation-id").asText()).isEqualTo(CORRELATION_ID);
        assertThat(config.get("resource-name").asText()).isEqualTo(INSTANCE_ID);
        assertThat(config.get("tags").asText()).isEqualTo("AccountId=123456789012,InstanceId=" + INSTANCE_ID
            + ",Region=eu-west-1,ConnectorName='Prod account',Owner='O''Brien & co',CostCenter='$(reboot)'");
        assertThat(read("config.mode")).isEqualTo("600");
        assertThat(read("workdir.mode")).isEqualTo("700");
        assertThat(tmp).isEmptyDirectory();
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void linux_secret_isNeitherPrintedNorOnAnyCommandLine() throws Exception {
        Result run = runLinux(Fixtures.spec(), INSTANCE_ID, Map.of());

        assertThat(run.exit()).isZero();
        assertThat(run.output()).contains("Connected " + INSTANCE_ID + " to Azure Arc")
            .doesNotContain("s3cr");
        assertThat(read("azcmagent.args")).isEqualTo("connect --config " + tmpChild() + "/connect.json")
            .doesNotContain("s3cr");
        assertThat(read("curl.args")).doesNotContain("s3cr");
    }

    @Test
    void linux_withProxy_setsItForTheDownloadTheInstallerAndTheAgentBeforeConnecting() throws Exception {
        Result run = runLinux(Fixtures.spec(Fixtures.withProxy()), INSTANCE_ID, Map.of());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(Files.readAllLines(log.resolve("curl.args"))).last().asString()
            .isEqualTo("-sSfL --proxy " + PROXY + " -o " + tmpChild() + "/install_linux_azcmagent.sh "
                + "https://aka.ms/azcmagent");
        assertThat(read("installer.args")).isEqualTo("--proxy " + PROXY);
        assertThat(Files.readAllLines(log.resolve("azcmagent.args"))).first().asString()
            .isEqualTo("config set proxy.url " + PROXY);
    }

    @Test
    void linux_instanceMetadataCalls_bypassTheProxy() throws Exception {
        runLinux(Fixtures.spec(Fixtures.withProxy()), INSTANCE_ID, Map.of());

        List<String> metadataCalls = Files.readAllLines(log.resolve("curl.args")).subList(0, 2);
        assertThat(metadataCalls).allSatisfy(call -> assertThat(call).startsWith("-sSf --noproxy *")
            .doesNotContain("proxy.example"));
        assertThat(metadataCalls.get(1)).contains("X-aws-ec2-metadata-token: token-123");
    }

    @Test
    void linux_connectFails_exitsNonZeroAndStillRemovesTheConfig() throws Exception {
        Result run = runLinux(Fixtures.spec(), INSTANCE_ID, Map.of("FAKE_CONNECT_EXIT", "42"));

        assertThat(run.exit()).isEqualTo(42);
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void linux_metadataAnswersNoInstanceId_stopsBeforeTheAgent() throws Exception {
        Result run = runLinux(Fixtures.spec(), "i-0abc; touch pwned", Map.of());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.output()).contains("The instance metadata returned no instance ID");
        assertThat(log.resolve("azcmagent.args")).doesNotExist();
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void linux_scriptHasNoBashOnlySyntax() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dash")) || Files.isExecutable(Path.of("/bin/dash")));
        Path script = Files.writeString(dir.resolve("_script.sh"), String.join("\n", script(Fixtures.spec(
            Fixtures.withProxy())).linux()));

        Process check = new ProcessBuilder("dash", "-n", script.toString()).redirectErrorStream(true).start();

        assertThat(new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        assertThat(check.waitFor()).isZero();
    }

    @Test
    void windows_configLine_unquotesToTheSameJsonAsLinux() throws Exception {
        List<String> lines = script(Fixtures.spec()).windows();

        String configLine = lines.stream().filter(line -> line.startsWith("    $config = ")).findFirst()
            .orElseThrow();
        String[] parts = configLine.substring("    $config = ".length()).split(" \\+ \\$instanceId \\+ ");
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            assertThat(parts[i]).startsWith("'").endsWith("'");
            json.append(parts[i], 1, parts[i].length() - 1);
            if (i < parts.length - 1) {
                json.append(INSTANCE_ID);
            }
        }
        JsonNode config = JSON.readTree(json.toString().replace("''", "'"));
        assertThat(config.get("service-principal-secret").asText()).isEqualTo(Fixtures.SP_SECRET);
        assertThat(config.get("resource-name").asText()).isEqualTo(INSTANCE_ID);
        assertThat(lines.stream().filter(line -> line.contains("s3cr"))).containsExactly(configLine);
    }

    @Test
    void windows_withProxy_setsItBeforeTheDownloadAndRemovesTheWorkDirectoryFinally() {
        List<String> lines = script(Fixtures.spec(Fixtures.withProxy())).windows();

        int proxy = indexOf(lines, "$arcProxy = 'http://proxy.example:3128'");
        int download = indexOf(lines, "Invoke-WebRequest");
        assertThat(proxy).isNotNegative().isLessThan(download);
        assertThat(lines.get(download)).endsWith("-OutFile $installer -Proxy $arcProxy");
        assertThat(lines).contains("    & $installer -Proxy $arcProxy", "    & $agent config set proxy.url $arcProxy",
            "    & $agent connect --config $configFile");
        assertThat(indexOf(lines, "} finally {")).isLessThan(indexOf(lines, "Remove-Item -LiteralPath $workDir"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("SetAccessRuleProtection($true, $false)"));
    }

    @Test
    void windows_nonAsciiValues_reachTheScriptAsJsonEscapes() {
        ConnectorSpec spec = Fixtures.spec(Fixtures.arc().putTags("Équipe", "Zürich").build());

        List<String> lines = script(spec).windows();

        assertThat(String.join("\n", lines)).isASCII().contains("\\u00C9quipe");
    }

    @Test
    void tags_specTagNamedLikeAStandardTag_neverReplacesIt() {
        ConnectorSpec spec = Fixtures.spec(Fixtures.arc().putTags("region", "nowhere").build());

        assertThat(script(spec).tags()).contains(",Region=eu-west-1,").doesNotContain("nowhere");
    }

    @Test
    void forPlatform_picksTheScriptOfThePlatform() {
        ArcInstallScript script = script(Fixtures.spec());

        assertThat(script.forPlatform(InstancePlatform.WINDOWS).get(0)).isEqualTo("$ErrorActionPreference = 'Stop'");
        assertThat(script.forPlatform(InstancePlatform.LINUX).get(0)).isEqualTo("set -eu");
    }

    private static ArcInstallScript script(ConnectorSpec spec) {
        return new ArcInstallScript(spec, "eu-west-1", "AzureUSGovernment", CORRELATION_ID);
    }

    private Result runLinux(ConnectorSpec spec, String instanceId, Map<String, String> env) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")) && Files.isExecutable(Path.of("/usr/bin/stat")));
        Path script = Files.writeString(dir.resolve("_script.sh"), String.join("\n", script(spec).linux()) + "\n");
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", script.toString()).directory(dir.toFile())
            .redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().put("TMPDIR", tmp.toString());
        builder.environment().put("FAKE_LOG", log.toString());
        builder.environment().put("FAKE_INSTANCE_ID", instanceId);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private String tmpChild() throws IOException {
        String connectArgs = read("azcmagent.args");
        int start = connectArgs.indexOf(tmp.toString());
        return connectArgs.substring(start, connectArgs.indexOf('/', start + tmp.toString().length() + 1));
    }

    private void fake(String name, String body) throws IOException {
        Path file = Files.writeString(bin.resolve(name), "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String read(String name) throws IOException {
        return Files.readString(log.resolve(name)).strip();
    }

    private static int indexOf(List<String> lines, String fragment) {
        return Stream.iterate(0, i -> i < lines.size(), i -> i + 1).filter(i -> lines.get(i).contains(fragment))
            .findFirst().orElse(-1);
    }

    private record Result(int exit, String output) {
    }
}
