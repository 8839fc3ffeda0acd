package io.cloudconnector.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudconnector.testkit.internal.DefaultSeed;
import io.cloudconnector.testkit.internal.Json;
import io.cloudconnector.testkit.internal.OrganizationSeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The account the sandbox plays: one AWS account (regions, AWS Config and Security Hub per region, IAM roles and
 * users, EC2 instances with their SSM and onboarding behaviour, Security Hub standards and findings) and one Azure
 * subscription (service principals, resource providers, Arc machines, existing connectors, resource groups and
 * role assignments) with its Microsoft Entra tenant (application registrations, their service principals and
 * secrets). Every answer of a {@link CloudSandbox} is derived from it, so a test computes the figures it expects
 * from the seed.
 *
 * <p>The account may be a Security Hub administrator with member accounts of their own ({@link #members()}, each a
 * seed of its own AWS side): the sandbox then answers every AWS call as the account of the caller's credentials (the
 * session credentials of an assumed role belong to the role's account), {@code ListMembers} lists them with their
 * relationship, and the administrator's Security Hub also returns the findings of its enabled members. The Azure side
 * is always this seed's.
 *
 * <p>Immutable: lists and maps are copied, absent lists read as empty, absent optionals as empty. Loaded from JSON
 * with {@link #fromJson(String)} (the field names are those of the record components; unknown fields are an error)
 * and written with {@link #toJson()}. {@link #defaultSeed()} is a realistic account, the same on every call;
 * {@link #organizationSeed()} is that account as the administrator of twelve members.
 *
 * @param accountId the AWS account ID, 12 digits
 * @param callerUserName the IAM user whose first access key is the sandbox's base credentials
 * @param regions every region {@code ec2:DescribeRegions} lists, with its opt-in status and service state
 * @param specRegions the regions of {@link CloudSandbox#spec()}; may name a region that is not opted in
 * @param connectorRoleName the role {@link CloudSandbox#spec()} assumes; need not be among the roles (an account
 *     not yet prepared for the connector, for provisioning)
 * @param onboardingUserName the IAM user {@link CloudSandbox#spec()} names for Arc onboarding
 * @param roles the IAM roles
 * @param users the IAM users with their access keys
 * @param instances the EC2 instances of every region
 * @param standards the Security Hub standards the sandbox knows, with their controls
 * @param findings the Security Hub findings, in ASFF, of every region
 * @param aggregator the Security Hub finding aggregator, when the account has one
 * @param memberAccountIds Security Hub member accounts {@code ListMembers} reports as enabled, without an AWS side
 *     of their own in the sandbox
 * @param azure the Azure side
 * @param members the member accounts with an AWS side of their own, and their relationship to this account
 */
public record SandboxSeed(
    String accountId,
    String callerUserName,
    List<Region> regions,
    List<String> specRegions,
    String connectorRoleName,
    String onboardingUserName,
    List<Role> roles,
    List<User> users,
    List<Instance> instances,
    List<Standard> standards,
    List<SeedFinding> findings,
    Optional<Aggregator> aggregator,
    List<String> memberAccountIds,
    Azure azure,
    List<Member> members) {

    /** The principal of Microsoft Defender for Cloud's classic AWS connector, which the role's trust policy names. */
    public static final String MICROSOFT_ACCOUNT_ID = "158177204117";

    /**
     * Checks that the references inside the seed hold.
     *
     * @throws IllegalArgumentException when the caller user or onboarding user is not defined, the connector role
     *     name is missing, the caller user has no access key, an instance or spec region is not a listed region, or
     *     two accounts of the seed (the members' and its own) have the same ID
     */
    public SandboxSeed {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(azure, "azure");
        regions = copy(regions);
        specRegions = copy(specRegions);
        roles = copy(roles);
        users = copy(users);
        instances = copy(instances);
        standards = copy(standards);
        findings = copy(findings);
        aggregator = aggregator == null ? Optional.empty() : aggregator;
        memberAccountIds = copy(memberAccountIds);
        members = copy(members);
        checkReferences(regions, specRegions, users, roles, instances, callerUserName, connectorRoleName,
            onboardingUserName);
        checkMembers(accountId, members);
    }

    /** A seed without member accounts of their own (the form before {@link #members()} existed). */
    public SandboxSeed(String accountId, String callerUserName, List<Region> regions, List<String> specRegions,
        String connectorRoleName, String onboardingUserName, List<Role> roles, List<User> users,
        List<Instance> instances, List<Standard> standards, List<SeedFinding> findings, Optional<Aggregator> aggregator,
        List<String> memberAccountIds, Azure azure) {
        this(accountId, callerUserName, regions, specRegions, connectorRoleName, onboardingUserName, roles, users,
            instances, standards, findings, aggregator, memberAccountIds, azure, List.of());
    }

    /** The realistic default account; deterministic (the same seed on every call). */
    public static SandboxSeed defaultSeed() {
        return DefaultSeed.create();
    }

    /**
     * The default account as a Security Hub administrator of twelve member accounts, deterministic: ten enabled
     * ({@code 210987654301} to {@code 210987654310}), one removed ({@code ...11}) and one that resigned
     * ({@code ...12}). Every member has AWS Config and Security Hub in us-east-1 and eu-west-1, the connector role
     * {@code AscConnector} with the three policies the connector needs, trusting Microsoft's account with the
     * administrator's subscription as External ID; three or four EC2 instances (one eligible for Azure Arc, one on an
     * unsupported OS, one stopped, and for even members one without an SSM agent); and a few findings of each
     * severity. The role of {@code 210987654307} trusts another External ID, so it cannot be assumed.
     */
    public static SandboxSeed organizationSeed() {
        return OrganizationSeed.create();
    }

    /** This seed with {@code members} as its member accounts, replacing any it had. */
    public SandboxSeed withMembers(List<Member> members) {
        return new SandboxSeed(accountId, callerUserName, regions, specRegions, connectorRoleName, onboardingUserName,
            roles, users, instances, standards, findings, aggregator, memberAccountIds, azure, members);
    }

    /** This seed with {@code azure} as its Azure side. */
    public SandboxSeed withAzure(Azure azure) {
        return new SandboxSeed(accountId, callerUserName, regions, specRegions, connectorRoleName, onboardingUserName,
            roles, users, instances, standards, findings, aggregator, memberAccountIds, azure, members);
    }

    /** This account, then the accounts of its members, in order. */
    public List<SandboxSeed> accounts() {
        List<SandboxSeed> accounts = new ArrayList<>(List.of(this));
        members.forEach(member -> accounts.add(member.account()));
        return accounts;
    }

    /** The account {@code accountId}: this one or a member's; empty when the seed has no such account. */
    public Optional<SandboxSeed> account(String accountId) {
        return accounts().stream().filter(account -> account.accountId().equals(accountId)).findFirst();
    }

    /** The member {@code accountId}, when it is one. */
    public Optional<Member> member(String accountId) {
        return members.stream().filter(member -> member.account().accountId().equals(accountId)).findFirst();
    }

    /**
     * Reads a seed from JSON text.
     *
     * @throws IllegalArgumentException when the text is not a valid seed (the message names the field)
     */
    public static SandboxSeed fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, SandboxSeed.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid sandbox seed: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a seed from a JSON file.
     *
     * @throws IllegalArgumentException when the file is not a valid seed
     * @throws UncheckedIOException when the file cannot be read
     */
    public static SandboxSeed fromJson(Path file) {
        try {
            return fromJson(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox seed " + file, e);
        }
    }

    /** This seed as JSON that {@link #fromJson(String)} reads back; secrets included, as a seed needs them. */
    public String toJson() {
        return Json.write(this);
    }

    /** The region named {@code name}, when listed. */
    public Optional<Region> region(String name) {
        return regions.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The instances of {@code region}, in seed order. */
    public List<Instance> instancesIn(String region) {
        return instances.stream().filter(i -> i.region().equals(region)).collect(Collectors.toList());
    }

    /**
     * The findings {@code GetFindings} without filters returns in {@code region}: the region's own, and, in the home
     * region of a finding aggregator, those of the linked regions too; this account's and those of its enabled
     * members (as Security Hub shows an administrator). Empty where Security Hub is off.
     */
    public List<SeedFinding> findingsIn(String region) {
        boolean hubOn = region(region).flatMap(Region::securityHub).isPresent();
        if (!hubOn) {
            return List.of();
        }
        Set<String> visible = new HashSet<>();
        visible.add(region);
        aggregator.filter(a -> a.homeRegion().equals(region)).ifPresent(a -> visible.addAll(a.linkedRegions(this)));
        return visibleFindings().stream().filter(f -> visible.contains(f.region())).collect(Collectors.toList());
    }

    /** This account's findings, then those of its enabled members: every finding its Security Hub shows. */
    public List<SeedFinding> visibleFindings() {
        List<SeedFinding> visible = new ArrayList<>(findings);
        members.stream().filter(Member::enabled).forEach(member -> visible.addAll(member.account().findings()));
        return visible;
    }

    /** The role named {@code name}, when defined. */
    public Optional<Role> role(String name) {
        return roles.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The user named {@code name}, when defined. */
    public Optional<User> user(String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    /** The standard whose ID ({@code ruleset/...} or {@code standards/...}) is {@code standardsId}. */
    public Optional<Standard> standard(String standardsId) {
        return standards.stream().filter(s -> s.standardsId().equals(standardsId)).findFirst();
    }

    /** The sandbox's base credentials: the caller user's first access key. */
    public AccessKey baseCredentials() {
        return user(callerUserName).orElseThrow().accessKeys().get(0);
    }

    /** The ARN of the connector role, whether or not the account has it. */
    public String connectorRoleArn() {
        return "arn:aws:iam::" + accountId + ":role/" + connectorRoleName;
    }

    private static void checkReferences(List<Region> regions, List<String> specRegions, List<User> users,
        List<Role> roles, List<Instance> instances, String caller, String roleName, String onboardingUser) {
        Set<String> regionNames = regions.stream().map(Region::name).collect(Collectors.toSet());
        Set<String> userNames = users.stream().map(User::name).collect(Collectors.toSet());
        require(userNames.contains(caller), "callerUserName '" + caller + "' is not among the users");
        require(users.stream().filter(u -> u.name().equals(caller)).noneMatch(u -> u.accessKeys().isEmpty()),
            "the caller user '" + caller + "' needs an access key");
        require(roleName != null && !roleName.isEmpty(), "connectorRoleName is missing");
        require(userNames.contains(onboardingUser), "onboardingUserName '" + onboardingUser + "' is not a user");
        specRegions.forEach(r -> require(regionNames.contains(r), "spec region '" + r + "' is not listed"));
        instances.forEach(i -> require(regionNames.contains(i.region()),
            "instance " + i.instanceId() + " is in unlisted region '" + i.region() + "'"));
    }

    private static void checkMembers(String accountId, List<Member> members) {
        Set<String> ids = new HashSet<>(Set.of(accountId));
        members.forEach(member -> require(ids.add(member.account().accountId()),
            "account " + member.account().accountId() + " appears twice among the accounts"));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("invalid sandbox seed: " + message);
        }
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static <K, V> Map<K, V> copy(Map<K, V> map) {
        return map == null ? Map.of() : Map.copyOf(map);
    }

    private static <T> Optional<T> orEmpty(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    /**
     * A member account of this (administrator) account in Security Hub.
     *
     * @param account the member's AWS side; its own members, if any, are not played, and its Azure side is not used
     * @param status the relationship as {@code ListMembers} reports it: {@code Enabled} (by default), {@code Created},
     *     {@code Invited}, {@code Removed}, {@code Resigned} or {@code Deleted}
     */
    public record Member(SandboxSeed account, String status) {

        /** Normalises the status. */
        public Member {
            Objects.requireNonNull(account, "account");
            status = status == null ? "Enabled" : status;
        }

        /** Whether the relationship is enabled: {@code ListMembers} with {@code OnlyAssociated} lists it. */
        public boolean enabled() {
            return status.toLowerCase(Locale.ROOT).equals("enabled");
        }
    }

    /**
     * An AWS region as {@code DescribeRegions} lists it, with the state of AWS Config and Security Hub there.
     *
     * @param name the region code, such as {@code us-east-1}
     * @param optInStatus {@code opt-in-not-required}, {@code opted-in} or {@code not-opted-in}; calls to a
     *     not-opted-in region fail as AWS fails them ({@code AuthFailure})
     * @param config the AWS Config recorder, when one exists
     * @param securityHub Security Hub, when the account is subscribed in the region
     */
    public record Region(String name, String optInStatus, Optional<ConfigRecorder> config,
        Optional<SecurityHub> securityHub) {

        /** Normalises absent optionals. */
        public Region {
            Objects.requireNonNull(name, "name");
            optInStatus = optInStatus == null ? "opt-in-not-required" : optInStatus;
            config = orEmpty(config);
            securityHub = orEmpty(securityHub);
        }

        /** Whether calls may be made in the region (its opt-in status is not {@code not-opted-in}). */
        public boolean enabled() {
            return !"not-opted-in".equals(optInStatus);
        }
    }

    /**
     * An AWS Config configuration recorder.
     *
     * @param name the recorder's name, usually {@code default}
     * @param recording whether it records
     * @param lastStatus {@code Pending}, {@code Success} or {@code Failure}
     * @param allSupported whether it records all supported resource types
     * @param includeGlobalResourceTypes whether it records global (IAM) resource types
     * @param resourceTypes the resource types recorded when not all are
     * @param lastErrorCode the code of the last failure, when there was one
     * @param deliveryChannel whether a delivery channel exists (needed to start recording); it is named
     *     {@code default} and delivers to the bucket {@code config-bucket-<account ID>}, which the sandbox's S3 then
     *     holds, with the policy AWS Config needs
     */
    public record ConfigRecorder(String name, boolean recording, String lastStatus, boolean allSupported,
        boolean includeGlobalResourceTypes, List<String> resourceTypes, Optional<String> lastErrorCode,
        boolean deliveryChannel) {

        /** Normalises absent values. */
        public ConfigRecorder {
            name = name == null ? "default" : name;
            lastStatus = lastStatus == null ? "Pending" : lastStatus;
            resourceTypes = copy(resourceTypes);
            lastErrorCode = orEmpty(lastErrorCode);
        }
    }

    /**
     * Security Hub in one region.
     *
     * @param subscribedAt when the hub was enabled
     * @param controlFindingGenerator {@code STANDARD_CONTROL} (findings per standard, CIS generator IDs) or
     *     {@code SECURITY_CONTROL}
     * @param standards the standards subscribed to, with their status
     */
    public record SecurityHub(Instant subscribedAt, String controlFindingGenerator, List<EnabledStandard> standards) {

        /** Normalises absent values. */
        public SecurityHub {
            subscribedAt = subscribedAt == null ? Instant.parse("2024-01-15T09:30:00Z") : subscribedAt;
            controlFindingGenerator = controlFindingGenerator == null ? "STANDARD_CONTROL" : controlFindingGenerator;
            standards = copy(standards);
        }
    }

    /**
     * A standards subscription.
     *
     * @param standardsId {@code ruleset/cis-aws-foundations-benchmark/v/1.2.0} or
     *     {@code standards/cis-aws-foundations-benchmark/v/1.4.0}
     * @param status {@code PENDING}, {@code READY}, {@code FAILED}, {@code DELETING} or {@code INCOMPLETE}
     */
    public record EnabledStandard(String standardsId, String status) {
    }

    /**
     * A Security Hub standard and its controls.
     *
     * @param standardsId the ID as {@link EnabledStandard#standardsId()} names it
     * @param name the display name
     * @param controls the controls, as {@code DescribeStandardsControls} lists them
     */
    public record Standard(String standardsId, String name, List<Control> controls) {

        /** Copies the controls. */
        public Standard {
            controls = copy(controls);
        }

        /** The standard's ARN in {@code region}: CIS 1.2.0 is a global ruleset, later versions are regional. */
        public String arn(String region) {
            return standardsId.startsWith("ruleset/")
                ? "arn:aws:securityhub:::" + standardsId
                : "arn:aws:securityhub:" + region + "::" + standardsId;
        }

        /** The ARN of the account's subscription to the standard in {@code region}. */
        public String subscriptionArn(String region, String accountId) {
            return "arn:aws:securityhub:" + region + ":" + accountId + ":subscription/" + path();
        }

        /** The standard's path, {@code cis-aws-foundations-benchmark/v/1.4.0}. */
        public String path() {
            return standardsId.substring(standardsId.indexOf('/') + 1);
        }
    }

    /**
     * A control of a standard.
     *
     * @param controlId the control ID within the standard, such as {@code 1.3}
     * @param title the title
     * @param severity {@code LOW}, {@code MEDIUM}, {@code HIGH} or {@code CRITICAL}
     * @param enabled whether the control is enabled
     * @param disabledReason why it was disabled, when it was
     * @param relatedRequirements the requirements it covers, such as {@code CIS AWS Foundations 1.3}
     */
    public record Control(String controlId, String title, String severity, boolean enabled,
        Optional<String> disabledReason, List<String> relatedRequirements) {

        /** Normalises absent values. */
        public Control {
            disabledReason = orEmpty(disabledReason);
            relatedRequirements = copy(relatedRequirements);
        }
    }

    /**
     * A Security Hub finding aggregator.
     *
     * @param homeRegion the aggregation region
     * @param linkingMode {@code ALL_REGIONS}, {@code ALL_REGIONS_EXCEPT_SPECIFIED}, {@code SPECIFIED_REGIONS} or
     *     {@code NO_REGIONS}
     * @param regions the regions the mode names
     */
    public record Aggregator(String homeRegion, String linkingMode, List<String> regions) {

        /** Copies the regions. */
        public Aggregator {
            regions = copy(regions);
        }

        /** The regions whose findings the home region also returns. */
        public Set<String> linkedRegions(SandboxSeed seed) {
            Set<String> enabled = seed.regions().stream().filter(Region::enabled).map(Region::name)
                .collect(Collectors.toSet());
            switch (linkingMode) {
                case "ALL_REGIONS" -> {
                    return enabled;
                }
                case "ALL_REGIONS_EXCEPT_SPECIFIED" -> {
                    enabled.removeAll(regions);
                    return enabled;
                }
                case "SPECIFIED_REGIONS" -> {
                    return Set.copyOf(regions);
                }
                default -> {
                    return Set.of();
                }
            }
        }
    }

    /**
     * An IAM role.
     *
     * @param name the role name
     * @param trustPolicy the trust (assume-role) policy document, plain JSON
     * @param attachedPolicyArns the managed policies attached
     * @param maxSessionDurationSeconds the longest session AssumeRole grants, 3600 to 43200 (3600 when 0)
     */
    public record Role(String name, String trustPolicy, List<String> attachedPolicyArns,
        int maxSessionDurationSeconds) {

        /** Normalises absent values. */
        public Role {
            Objects.requireNonNull(name, "name");
            trustPolicy = trustPolicy == null ? "{\"Version\":\"2012-10-17\",\"Statement\":[]}" : trustPolicy;
            attachedPolicyArns = copy(attachedPolicyArns);
            maxSessionDurationSeconds = maxSessionDurationSeconds == 0 ? 3600 : maxSessionDurationSeconds;
        }

        /** The role's ARN in {@code accountId}. */
        public String arn(String accountId) {
            return "arn:aws:iam::" + accountId + ":role/" + name;
        }
    }

    /**
     * An IAM user.
     *
     * @param name the user name
     * @param attachedPolicyArns the managed policies attached
     * @param accessKeys the user's access keys
     */
    public record User(String name, List<String> attachedPolicyArns, List<AccessKey> accessKeys) {

        /** Copies the lists. */
        public User {
            Objects.requireNonNull(name, "name");
            attachedPolicyArns = copy(attachedPolicyArns);
            accessKeys = copy(accessKeys);
        }

        /** The user's ARN in {@code accountId}. */
        public String arn(String accountId) {
            return "arn:aws:iam::" + accountId + ":user/" + name;
        }
    }

    /**
     * An access key pair; prints without its secret.
     *
     * @param accessKeyId {@code AKIA} and 16 upper-case letters or digits
     * @param secretAccessKey 40 characters
     */
    public record AccessKey(String accessKeyId, String secretAccessKey) {

        @Override
        public String toString() {
            return "AccessKey[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
        }
    }

    /**
     * An EC2 instance, with what SSM knows of it and what onboarding it to Arc does.
     *
     * @param instanceId {@code i-} and 17 hexadecimal digits
     * @param region the region
     * @param name the {@code Name} tag
     * @param state {@code running}, {@code stopped}, {@code pending}, {@code stopping} or {@code terminated}
     * @param platformType {@code Linux} or {@code Windows}
     * @param platformName the operating system as SSM reports it, such as {@code Ubuntu}
     * @param platformVersion its version, such as {@code 18.04}
     * @param platformDetails EC2's platform details, such as {@code Linux/UNIX} or {@code Windows}
     * @param instanceType such as {@code t3.medium}
     * @param imageId the AMI
     * @param instanceProfileArn the instance profile, when one is attached (SSM needs it)
     * @param ssmPingStatus {@code Online} or {@code ConnectionLost} when registered with SSM; empty when not
     * @param ssmAgentVersion the SSM agent version
     * @param onboardingSucceeds whether the Arc onboarding command succeeds on it
     * @param tags the tags besides {@code Name}
     */
    public record Instance(String instanceId, String region, String name, String state, String platformType,
        String platformName, String platformVersion, String platformDetails, String instanceType, String imageId,
        Optional<String> instanceProfileArn, Optional<String> ssmPingStatus, String ssmAgentVersion,
        boolean onboardingSucceeds, Map<String, String> tags) {

        /** Normalises absent values. */
        public Instance {
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(region, "region");
            state = state == null ? "running" : state;
            platformType = platformType == null ? "Linux" : platformType;
            instanceProfileArn = orEmpty(instanceProfileArn);
            ssmPingStatus = orEmpty(ssmPingStatus);
            tags = copy(tags);
        }

        /** Whether the instance is Windows. */
        public boolean windows() {
            return "Windows".equalsIgnoreCase(platformType);
        }

        /** Whether SSM lists it: registered and not stopped or terminated. */
        public boolean ssmManaged() {
            return ssmPingStatus.isPresent() && "running".equals(state);
        }
    }

    /**
     * The Azure side.
     *
     * @param tenantId the Entra tenant (GUID)
     * @param subscriptionId the Azure subscription (GUID); also the External ID of the connector role
     * @param clientId the application ID of the service principal the SDK calls ARM and Microsoft Graph with
     * @param clientSecret its secret
     * @param arcServicePrincipalId the application ID of the service principal Arc onboarding uses
     * @param arcServicePrincipalSecret its secret
     * @param resourceGroup the resource group of Arc machines and current-generation connectors
     * @param location the Azure region of the resource group, such as {@code westus2}
     * @param resourceProviders resource provider namespaces and their registration state
     * @param arcMachines the Arc machines that exist at start
     * @param connectors classic connector resources that exist at start, as ARM returns them (any cloud)
     * @param applications the Entra application registrations that exist at start, with their service principals
     *     and client secrets (the two service principals above sign in without being among them)
     * @param resourceGroups the resource groups that exist at start ({@link #resourceGroup()} only when listed)
     * @param roleAssignments the role assignments that exist at start
     */
    public record Azure(String tenantId, String subscriptionId, String clientId, String clientSecret,
        String arcServicePrincipalId, String arcServicePrincipalSecret, String resourceGroup, String location,
        Map<String, String> resourceProviders, List<ArcMachine> arcMachines, List<JsonNode> connectors,
        List<Application> applications, List<ResourceGroup> resourceGroups, List<RoleAssignment> roleAssignments) {

        /**
         * Copies the collections.
         *
         * @throws IllegalArgumentException when two applications share an object or application ID, or two resource
         *     groups a name
         */
        public Azure {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(subscriptionId, "subscriptionId");
            resourceProviders = copy(resourceProviders);
            arcMachines = copy(arcMachines);
            connectors = connectors == null ? List.of()
                : connectors.stream().<JsonNode>map(JsonNode::deepCopy).collect(Collectors.toUnmodifiableList());
            applications = copy(applications);
            resourceGroups = copy(resourceGroups);
            roleAssignments = copy(roleAssignments);
            Set<String> ids = new HashSet<>();
            applications.forEach(app -> require(ids.add(app.objectId().toLowerCase(Locale.ROOT))
                && ids.add(app.appId().toLowerCase(Locale.ROOT)), "application '" + app.displayName()
                + "' has an object or application ID another application has"));
            Set<String> groups = new HashSet<>();
            resourceGroups.forEach(group -> require(groups.add(group.name().toLowerCase(Locale.ROOT)),
                "resource group '" + group.name() + "' appears twice"));
        }

        /** An Azure side without Entra applications, resource groups or role assignments. */
        public Azure(String tenantId, String subscriptionId, String clientId, String clientSecret,
            String arcServicePrincipalId, String arcServicePrincipalSecret, String resourceGroup, String location,
            Map<String, String> resourceProviders, List<ArcMachine> arcMachines, List<JsonNode> connectors) {
            this(tenantId, subscriptionId, clientId, clientSecret, arcServicePrincipalId, arcServicePrincipalSecret,
                resourceGroup, location, resourceProviders, arcMachines, connectors, List.of(), List.of(), List.of());
        }

        /** This Azure side with {@code applications} as its Entra application registrations. */
        public Azure withApplications(List<Application> applications) {
            return new Azure(tenantId, subscriptionId, clientId, clientSecret, arcServicePrincipalId,
                arcServicePrincipalSecret, resourceGroup, location, resourceProviders, arcMachines, connectors,
                applications, resourceGroups, roleAssignments);
        }

        /** This Azure side with {@code resourceGroups} as its resource groups. */
        public Azure withResourceGroups(List<ResourceGroup> resourceGroups) {
            return new Azure(tenantId, subscriptionId, clientId, clientSecret, arcServicePrincipalId,
                arcServicePrincipalSecret, resourceGroup, location, resourceProviders, arcMachines, connectors,
                applications, resourceGroups, roleAssignments);
        }

        /** This Azure side with {@code roleAssignments} as its role assignments. */
        public Azure withRoleAssignments(List<RoleAssignment> roleAssignments) {
            return new Azure(tenantId, subscriptionId, clientId, clientSecret, arcServicePrincipalId,
                arcServicePrincipalSecret, resourceGroup, location, resourceProviders, arcMachines, connectors,
                applications, resourceGroups, roleAssignments);
        }

        /** The scope of {@link #resourceGroup()}: {@code /subscriptions/<id>/resourceGroups/<name>}. */
        public String resourceGroupScope() {
            return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup;
        }

        @Override
        public String toString() {
            return "Azure[tenantId=" + tenantId + ", subscriptionId=" + subscriptionId + ", clientId=" + clientId
                + ", arcServicePrincipalId=" + arcServicePrincipalId + ", resourceGroup=" + resourceGroup
                + ", applications=" + applications + ", resourceGroups=" + resourceGroups + ", roleAssignments="
                + roleAssignments + "]";
        }
    }

    /**
     * A Microsoft Entra application registration.
     *
     * @param objectId the application object's ID (GUID), Graph's {@code id}
     * @param appId the application (client) ID (GUID)
     * @param displayName the display name; several applications may share one
     * @param servicePrincipalId the object ID of its service principal in the tenant; empty when it has none
     * @param secrets its client secrets
     */
    public record Application(String objectId, String appId, String displayName, Optional<String> servicePrincipalId,
        List<ClientSecret> secrets) {

        /** Normalises absent values. */
        public Application {
            Objects.requireNonNull(objectId, "objectId");
            Objects.requireNonNull(appId, "appId");
            Objects.requireNonNull(displayName, "displayName");
            servicePrincipalId = orEmpty(servicePrincipalId);
            secrets = copy(secrets);
        }
    }

    /**
     * A client secret of an Entra application; prints without its value.
     *
     * @param keyId the credential's key ID (GUID)
     * @param displayName its display name
     * @param expiresAt when it expires
     * @param value the secret, with which the application signs in (Graph never returns it after creating it)
     */
    public record ClientSecret(String keyId, String displayName, Instant expiresAt, String value) {

        /** Checks the required values. */
        public ClientSecret {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "ClientSecret[keyId=" + keyId + ", displayName=" + displayName + ", expiresAt=" + expiresAt
                + ", value=***]";
        }
    }

    /**
     * An Azure resource group of the subscription.
     *
     * @param name its name (compared without regard to case)
     * @param location its Azure region, such as {@code westus2}
     * @param tags its tags
     */
    public record ResourceGroup(String name, String location, Map<String, String> tags) {

        /** Copies the tags. */
        public ResourceGroup {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(location, "location");
            tags = copy(tags);
        }
    }

    /**
     * An Azure role assignment.
     *
     * @param name the assignment's name (a GUID), the last segment of its ID
     * @param scope where it was made, such as {@code /subscriptions/<id>} or {@code /subscriptions/<id>/resourceGroups/
     *     <name>}; {@code /} and management group scopes are above every subscription
     * @param roleDefinitionId the role definition's full ID,
     *     {@code /subscriptions/<id>/providers/Microsoft.Authorization/roleDefinitions/<guid>}
     * @param principalId the object ID of the principal
     * @param principalType {@code ServicePrincipal} (by default), {@code User} or {@code Group}
     */
    public record RoleAssignment(String name, String scope, String roleDefinitionId, String principalId,
        String principalType) {

        /** Normalises the principal type. */
        public RoleAssignment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(roleDefinitionId, "roleDefinitionId");
            Objects.requireNonNull(principalId, "principalId");
            principalType = principalType == null ? "ServicePrincipal" : principalType;
        }

        /** The assignment's full resource ID. */
        public String id() {
            return (scope.equals("/") ? "" : scope) + "/providers/Microsoft.Authorization/roleAssignments/" + name;
        }
    }

    /**
     * An Azure Arc machine.
     *
     * @param name the resource name (on AWS, the EC2 instance ID)
     * @param resourceGroup its resource group
     * @param status {@code Connected}, {@code Disconnected} or {@code Error}
     * @param osType {@code linux} or {@code windows}
     * @param osName the operating system name
     * @param tags the machine's tags
     */
    public record ArcMachine(String name, String resourceGroup, String status, String osType, String osName,
        Map<String, String> tags) {

        /** Copies the tags. */
        public ArcMachine {
            tags = copy(tags);
        }
    }
}
