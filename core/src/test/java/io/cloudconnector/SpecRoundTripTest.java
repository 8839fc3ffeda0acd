package io.cloudconnector;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Property-style: many random valid specs, from a fixed seed, survive their builder and JSON unchanged. */
class SpecRoundTripTest {

    private static final long SEED = 20_240_601L;
    private static final int SPECS = 200;
    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
    private static final String IAM_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+=,.@_-";
    private static final String KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/+";
    private static final List<String> AWS_REGIONS = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2",
        "eu-west-1", "eu-central-1", "eu-north-1", "ap-southeast-1", "ap-northeast-3", "sa-east-1", "ca-central-1",
        "me-south-1", "af-south-1", "il-central-1", "us-gov-west-1", "us-gov-east-1", "cn-north-1", "cn-northwest-1");
    private static final List<String> AZURE_REGIONS = List.of("westus2", "West US 2", "eastus", "North Europe",
        "uksouth", "Southeast Asia", "australiaeast", "Germany West Central", "usgovvirginia", "China North 3");
    private static final List<String> PARTITIONS = List.of("aws", "aws-us-gov", "aws-cn");

    static Stream<ConnectorSpec> randomSpecs() {
        Random random = new Random(SEED);
        return IntStream.range(0, SPECS).mapToObj(i -> randomSpec(random));
    }

    @ParameterizedTest
    @MethodSource("randomSpecs")
    void builder_from_givesBackAnEqualSpec(ConnectorSpec spec) {
        ConnectorSpec copy = ConnectorSpec.builder().from(spec).build();

        assertThat(copy).isEqualTo(spec).hasSameHashCodeAs(spec);
        assertThat(copy.toString()).isEqualTo(spec.toString());
    }

    @ParameterizedTest
    @MethodSource("randomSpecs")
    void specJson_revealingSecrets_givesBackAnEqualSpec(ConnectorSpec spec) {
        String json = SpecJson.writeRevealingSecrets(spec);

        assertThat(SpecJson.read(json)).isEqualTo(spec);
    }

    @ParameterizedTest
    @MethodSource("randomSpecs")
    void toStringAndMaskedJson_neverHoldASecret(ConnectorSpec spec) {
        String json = SpecJson.write(spec);

        for (String secret : secretsOf(spec)) {
            assertThat(spec.toString()).doesNotContain(secret);
            assertThat(json).doesNotContain(secret);
        }
    }

    static ConnectorSpec randomSpec(Random random) {
        String subscriptionId = guid(random);
        String accountId = digits(random, 12);
        ConnectorGeneration generation = pick(random, List.of(ConnectorGeneration.values()));
        ConnectorSpec.Builder builder = ConnectorSpec.builder()
            .displayName(text(random, NAME_CHARS, 1, 40))
            .subscriptionId(subscriptionId)
            .tenantId(guid(random))
            .awsAccountId(accountId)
            .authentication(authentication(random, accountId, subscriptionId, generation))
            .regions(regions(random))
            .rescanInterval(Duration.ofHours(1 + random.nextInt(24)))
            .generation(generation);
        if (random.nextBoolean()) {
            builder.connectorName(text(random, NAME_CHARS, 1, 260));
        }
        if (random.nextInt(3) > 0) {
            builder.arc(arc(random));
        }
        if (random.nextBoolean()) {
            builder.onboardingUserName(text(random, IAM_CHARS, 1, 64));
        }
        return builder.build();
    }

    private static AwsAuthentication authentication(Random random, String accountId, String subscriptionId,
        ConnectorGeneration generation) {
        if (generation == ConnectorGeneration.CLASSIC && random.nextInt(3) == 0) {
            String keyId = pick(random, List.of("AKIA", "ASIA")) + text(random, KEY_CHARS, 16, 16);
            return AwsAuthentication.accessKeys(keyId, Secret.of(text(random, SECRET_CHARS, 40, 40)));
        }
        String path = random.nextBoolean() ? "" : text(random, NAME_CHARS, 1, 10) + "/";
        String arn = "arn:" + pick(random, PARTITIONS) + ":iam::" + accountId + ":role/" + path
            + text(random, IAM_CHARS, 1, 64);
        if (random.nextBoolean()) {
            return AwsAuthentication.assumeRole(arn);
        }
        String externalId = generation == ConnectorGeneration.CLASSIC
            ? subscriptionId : text(random, IAM_CHARS + ":/", 2, 100);
        return AwsAuthentication.assumeRole(arn, externalId);
    }

    private static List<String> regions(Random random) {
        List<String> regions = new ArrayList<>(AWS_REGIONS);
        Collections.shuffle(regions, random);
        return regions.subList(0, random.nextInt(5));
    }

    private static ArcSettings arc(Random random) {
        ArcSettings.Builder arc = ArcSettings.builder()
            .autoProvision(random.nextBoolean())
            .resourceGroup(text(random, NAME_CHARS + "().", 0, 88) + "rg")
            .azureRegion(pick(random, AZURE_REGIONS))
            .servicePrincipalId(guid(random))
            .servicePrincipalSecret(Secret.of(text(random, SECRET_CHARS + "~.", 10, 44)));
        if (random.nextBoolean()) {
            arc.proxy(URI.create(pick(random, List.of("http", "https")) + "://proxy-" + random.nextInt(100)
                + ".example.com:" + (1 + random.nextInt(65535))));
        }
        int tags = random.nextInt(6);
        for (int i = 0; i < tags; i++) {
            String name = "tag-" + i + text(random, NAME_CHARS + " .:", 0, 30);
            arc.putTags(name, text(random, NAME_CHARS + " <>%", 0, 256));
        }
        return arc.build();
    }

    private static List<String> secretsOf(ConnectorSpec spec) {
        List<String> secrets = new ArrayList<>();
        if (spec.authentication() instanceof AwsAuthentication.AccessKeys keys) {
            secrets.add(keys.secretAccessKey().reveal());
        }
        spec.arc().ifPresent(arc -> secrets.add(arc.servicePrincipalSecret().reveal()));
        return secrets;
    }

    private static String guid(Random random) {
        String guid = new UUID(random.nextLong(), random.nextLong()).toString();
        return random.nextBoolean() ? guid : guid.toUpperCase(Locale.ROOT);
    }

    private static String digits(Random random, int count) {
        return text(random, "0123456789", count, count);
    }

    private static String text(Random random, String alphabet, int minLength, int maxLength) {
        int length = minLength + random.nextInt(maxLength - minLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
