package io.cloudconnector.internal.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cloudconnector.ArcSettings;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.InstancePlatform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The scripts Run Command runs to onboard an EC2 instance to Azure Arc: a POSIX shell script for Linux
 * ({@code AWS-RunShellScript}) and a PowerShell script for Windows ({@code AWS-RunPowerShellScript}).
 *
 * <p>Each script sets the proxy first when one is configured (the agent download needs it too), reads the instance's
 * own ID from the instance metadata service (IMDSv2; one command serves up to 50 instances), downloads and installs
 * the Azure Connected Machine agent, and runs {@code azcmagent connect --config <file>}. The file is JSON whose keys
 * are the agent's flag names (the agent's documented {@code --config} form, recommended for service principals so
 * that the secret is in no console log): service principal ID and secret, tenant, subscription, resource group,
 * Azure region, cloud, correlation ID, resource name (the instance ID) and tags. It is written by a shell builtin
 * ({@code printf}) or by .NET, so the secret is on no process's command line, into a directory only root (on
 * Windows: SYSTEM and Administrators) can read, and removed when the script ends, succeeded or not.
 *
 * <p>Every value is quoted for the shell it runs in ({@link ShellQuoting}); values reach the script only inside the
 * JSON text (escaped by Jackson, non-ASCII characters escaped too) or as the proxy URL. The scripts print progress
 * lines, never the secret.
 *
 * <p>Known limit: the script text, secret included, is a parameter of the SSM command, visible to whoever may read
 * the account's Run Command history ({@code ssm:ListCommands}) for 30 days.
 */
public final class ArcInstallScript {

    /** The document for Linux instances. */
    public static final String LINUX_DOCUMENT = "AWS-RunShellScript";

    /** The document for Windows instances. */
    public static final String WINDOWS_DOCUMENT = "AWS-RunPowerShellScript";

    /** Where the Linux installer is downloaded from. */
    static final String LINUX_INSTALLER_URL = "https://aka.ms/azcmagent";

    /** Where the Windows installer is downloaded from. */
    static final String WINDOWS_INSTALLER_URL = "https://aka.ms/azcmagent-windows";

    /** The tag naming the connector's display name on every Arc machine. */
    static final String CONNECTOR_TAG = "ConnectorName";

    private static final String IMDS = "http://169.254.169.254/latest";
    private static final Pattern PLAIN_TAG_TEXT = Pattern.compile("[A-Za-z0-9._:/@+-]*");
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final ConnectorSpec spec;
    private final ArcSettings arc;
    private final String region;
    private final String azureCloud;
    private final String correlationId;
    private final String placeholder = "@@instance-id-" + UUID.randomUUID() + "@@";

    /**
     * The scripts for instances of {@code region} of the spec's account.
     *
     * @throws IllegalArgumentException when the spec has no Arc settings
     */
    public ArcInstallScript(ConnectorSpec spec, String region, String azureCloud, String correlationId) {
        this.spec = spec;
        this.arc = spec.arc().orElseThrow(() -> new IllegalArgumentException("the spec has no Arc settings"));
        this.region = region;
        this.azureCloud = azureCloud;
        this.correlationId = correlationId;
    }

    /** The Run Command document of {@code platform}. */
    public static String documentName(InstancePlatform platform) {
        return platform == InstancePlatform.WINDOWS ? WINDOWS_DOCUMENT : LINUX_DOCUMENT;
    }

    /** The script for {@code platform}, one line per element. */
    public List<String> forPlatform(InstancePlatform platform) {
        return platform == InstancePlatform.WINDOWS ? windows() : linux();
    }

    /** The POSIX shell script (it runs under sh, which is dash on Ubuntu; the installer runs under bash). */
    public List<String> linux() {
        List<String> lines = new ArrayList<>();
        lines.add("set -eu");
        lines.add("umask 077");
        lines.add("echo 'Onboarding this instance to Azure Arc'");
        arc.proxy().ifPresent(proxy -> lines.add("ARC_PROXY=" + ShellQuoting.posix(proxy.toASCIIString())));
        lines.add("ARC_WORK_DIR=\"$(mktemp -d)\"");
        lines.add("trap 'rm -rf \"$ARC_WORK_DIR\"' EXIT");
        lines.add("trap 'exit 143' INT TERM");
        lines.add("IMDS_TOKEN=\"$(curl -sSf --noproxy '*' -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 300' "
            + "'" + IMDS + "/api/token')\"");
        lines.add("INSTANCE_ID=\"$(curl -sSf --noproxy '*' -H \"X-aws-ec2-metadata-token: $IMDS_TOKEN\" "
            + "'" + IMDS + "/meta-data/instance-id')\"");
        lines.add("case \"$INSTANCE_ID\" in i-*) ;; *) echo 'The instance metadata returned no instance ID' >&2; "
            + "exit 3 ;; esac");
        lines.add("case \"$INSTANCE_ID\" in *[!a-z0-9-]*) echo 'The instance metadata returned no instance ID' >&2; "
            + "exit 3 ;; esac");
        String proxyFlag = arc.proxy().isPresent() ? " --proxy \"$ARC_PROXY\"" : "";
        lines.add("echo 'Downloading the Azure Connected Machine agent'");
        lines.add("curl -sSfL" + proxyFlag + " -o \"$ARC_WORK_DIR/install_linux_azcmagent.sh\" '"
            + LINUX_INSTALLER_URL + "'");
        lines.add("echo 'Installing the Azure Connected Machine agent'");
        lines.add("bash \"$ARC_WORK_DIR/install_linux_azcmagent.sh\"" + proxyFlag);
        if (arc.proxy().isPresent()) {
            lines.add("azcmagent config set proxy.url \"$ARC_PROXY\"");
        }
        lines.add("printf '%s' " + configParts().stream().map(ShellQuoting::posix)
            .collect(Collectors.joining(" \"$INSTANCE_ID\" ")) + " > \"$ARC_WORK_DIR/connect.json\"");
        lines.add("echo \"Connecting $INSTANCE_ID to Azure Arc\"");
        lines.add("azcmagent connect --config \"$ARC_WORK_DIR/connect.json\"");
        lines.add("echo \"Connected $INSTANCE_ID to Azure Arc\"");
        return lines;
    }

    /** The PowerShell script (Windows PowerShell 5.1 or later, run as SYSTEM by the SSM agent). */
    public List<String> windows() {
        List<String> lines = new ArrayList<>();
        lines.add("$ErrorActionPreference = 'Stop'");
        lines.add("$ProgressPreference = 'SilentlyContinue'");
        lines.add("[Net.ServicePointManager]::SecurityProtocol = "
            + "[Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12");
        lines.add("Write-Output 'Onboarding this instance to Azure Arc'");
        arc.proxy().ifPresent(proxy -> lines.add("$arcProxy = " + ShellQuoting.powerShell(proxy.toASCIIString())));
        lines.add("$imdsToken = Invoke-RestMethod -UseBasicParsing -Method Put -Uri '" + IMDS + "/api/token' "
            + "-Headers @{ 'X-aws-ec2-metadata-token-ttl-seconds' = '300' }");
        lines.add("$instanceId = Invoke-RestMethod -UseBasicParsing -Uri '" + IMDS + "/meta-data/instance-id' "
            + "-Headers @{ 'X-aws-ec2-metadata-token' = $imdsToken }");
        lines.add("if ($instanceId -cnotmatch '^i-[a-z0-9]+$') { "
            + "throw 'The instance metadata returned no instance ID' }");
        lines.addAll(windowsWorkDirectory());
        lines.add("try {");
        lines.addAll(windowsInstallAndConnect());
        lines.add("} finally {");
        lines.add("    Remove-Item -LiteralPath $workDir -Recurse -Force -ErrorAction SilentlyContinue");
        lines.add("}");
        return lines;
    }

    private static List<String> windowsWorkDirectory() {
        return List.of(
            "$workDir = Join-Path $env:ProgramData ('AzureArcOnboarding-' + [guid]::NewGuid().ToString('N'))",
            "New-Item -ItemType Directory -Path $workDir | Out-Null",
            "$acl = New-Object System.Security.AccessControl.DirectorySecurity",
            "$acl.SetAccessRuleProtection($true, $false)",
            "foreach ($sid in 'S-1-5-18', 'S-1-5-32-544') {",
            "    $who = New-Object System.Security.Principal.SecurityIdentifier($sid)",
            "    $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule($who, "
                + "'FullControl', 'ContainerInherit, ObjectInherit', 'None', 'Allow')))",
            "}",
            "Set-Acl -LiteralPath $workDir -AclObject $acl");
    }

    private List<String> windowsInstallAndConnect() {
        String proxyFlag = arc.proxy().isPresent() ? " -Proxy $arcProxy" : "";
        List<String> lines = new ArrayList<>();
        lines.add("    $installer = Join-Path $workDir 'install_windows_azcmagent.ps1'");
        lines.add("    Write-Output 'Downloading the Azure Connected Machine agent'");
        lines.add("    Invoke-WebRequest -UseBasicParsing -Uri '" + WINDOWS_INSTALLER_URL + "' -OutFile $installer"
            + proxyFlag);
        lines.add("    Write-Output 'Installing the Azure Connected Machine agent'");
        lines.add("    & $installer" + proxyFlag);
        lines.add("    if ($LASTEXITCODE) { throw \"The agent installer failed with exit code $LASTEXITCODE\" }");
        lines.add("    $agent = Join-Path $env:ProgramW6432 'AzureConnectedMachineAgent\\azcmagent.exe'");
        if (arc.proxy().isPresent()) {
            lines.add("    & $agent config set proxy.url $arcProxy");
            lines.add("    if ($LASTEXITCODE) { throw \"azcmagent config failed with exit code $LASTEXITCODE\" }");
        }
        lines.add("    $configFile = Join-Path $workDir 'connect.json'");
        lines.add("    $config = " + configParts().stream().map(ShellQuoting::powerShell)
            .collect(Collectors.joining(" + $instanceId + ")));
        lines.add("    [System.IO.File]::WriteAllText($configFile, $config, "
            + "(New-Object System.Text.UTF8Encoding($false)))");
        lines.add("    Write-Output \"Connecting $instanceId to Azure Arc\"");
        lines.add("    & $agent connect --config $configFile");
        lines.add("    if ($LASTEXITCODE) { throw \"azcmagent connect failed with exit code $LASTEXITCODE\" }");
        lines.add("    Write-Output \"Connected $instanceId to Azure Arc\"");
        return lines;
    }

    /**
     * The JSON text of {@code azcmagent connect --config}, cut where the instance ID goes: the script joins the parts
     * with the ID it reads at run time.
     */
    List<String> configParts() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("service-principal-id", arc.servicePrincipalId());
        config.put("service-principal-secret", arc.servicePrincipalSecret().reveal());
        config.put("tenant-id", spec.tenantId());
        config.put("subscription-id", spec.subscriptionId());
        config.put("resource-group", arc.resourceGroup());
        config.put("location", arc.azureRegion());
        config.put("cloud", azureCloud);
        config.put("correlation-id", correlationId);
        config.put("resource-name", placeholder);
        config.put("tags", tags());
        try {
            return List.of(JSON.writeValueAsString(config).split(Pattern.quote(placeholder), -1));
        } catch (JsonProcessingException e) {
            throw new ConnectorException("Could not write the azcmagent configuration", e);
        }
    }

    /**
     * The {@code --tags} value: {@code AccountId}, {@code InstanceId}, {@code Region} and {@value #CONNECTOR_TAG},
     * then the spec's tags (a spec tag never replaces one of those four). A name or value with characters other than
     * letters, digits and {@code ._:/@+-} is put in single quotes, as azcmagent documents, with a quote doubled.
     */
    String tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("AccountId", spec.awsAccountId());
        tags.put(ArcIndex.INSTANCE_ID_TAG, placeholder);
        tags.put("Region", region);
        tags.put(CONNECTOR_TAG, spec.displayName());
        arc.tags().forEach((name, value) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (tags.keySet().stream().noneMatch(existing -> existing.toLowerCase(Locale.ROOT).equals(key))) {
                tags.put(name, value);
            }
        });
        return tags.entrySet().stream().map(tag -> tagText(tag.getKey()) + "=" + tagText(tag.getValue()))
            .collect(Collectors.joining(","));
    }

    private String tagText(String text) {
        if (text.equals(placeholder) || PLAIN_TAG_TEXT.matcher(text).matches()) {
            return text;
        }
        return "'" + text.replace("'", "''") + "'";
    }
}
