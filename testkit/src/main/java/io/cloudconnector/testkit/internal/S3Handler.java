package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudconnector.testkit.SandboxSeed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Amazon S3 (REST-XML, path-style {@code /bucket?sub-resource}): the account's buckets with their region, default
 * encryption, public access block and policy, and the bucket calls provisioning makes: CreateBucket (with its
 * location constraint), HeadBucket, GetBucketLocation, and Get and Put of the encryption, the public access block
 * and the policy.
 *
 * <p>As S3 does today: a new bucket has SSE-S3 default encryption and all public access blocked; a call signed for
 * another region than the bucket's is answered 301 with {@code x-amz-bucket-region} (GetBucketLocation excepted); an
 * {@code x-amz-expected-bucket-owner} other than the account is answered 403; a public policy (an Allow for
 * principal {@code *} without a condition) is refused while the bucket blocks public policies; errors of HEAD calls
 * have no body. Creating a bucket the account owns answers 200 in us-east-1 and 409 BucketAlreadyOwnedByYou
 * elsewhere.
 *
 * <p>When a seed region's recorder has a delivery channel, the account starts with the bucket the channels deliver
 * to, {@code config-bucket-<account ID>}, in the first such region: made before S3 blocked public access by default,
 * so without a public access block, encrypted with SSE-S3, with the bucket policy AWS Config needs. Thread-safe.
 */
final class S3Handler {

    /** Whether AWS Config may deliver to a bucket, as PutDeliveryChannel checks it. */
    enum Delivery { ALLOWED, NO_SUCH_BUCKET, POLICY_INSUFFICIENT }

    private static final String HOME_REGION = "us-east-1";
    private static final String CONFIG_SERVICE = "config.amazonaws.com";
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Set<String> ALGORITHMS = Set.of("AES256", "aws:kms", "aws:kms:dsse");
    private static final List<String> BLOCK_SETTINGS = List.of("BlockPublicAcls", "IgnorePublicAcls",
        "BlockPublicPolicy", "RestrictPublicBuckets");

    private static final class Bucket {
        final String name;
        final String region;
        String sseAlgorithm;
        String kmsKeyId;
        boolean bucketKeyEnabled;
        Map<String, Boolean> publicAccessBlock;
        String policy;

        Bucket(String name, String region) {
            this.name = name;
            this.region = region;
        }
    }

    private final String account;
    private final Map<String, Bucket> buckets = new HashMap<>();

    S3Handler(SandboxSeed seed) {
        this.account = seed.accountId();
        seed.regions().stream()
            .filter(region -> region.config().map(SandboxSeed.ConfigRecorder::deliveryChannel).orElse(false))
            .findFirst().ifPresent(region -> {
                Bucket bucket = new Bucket(configBucket(account), region.name());
                bucket.sseAlgorithm = "AES256";
                bucket.policy = configPolicy(bucket.name, account);
                buckets.put(bucket.name, bucket);
            });
    }

    /** The bucket the delivery channels of a seed deliver to. */
    static String configBucket(String account) {
        return "config-bucket-" + account;
    }

    synchronized Reply handle(AwsRequest call) {
        if (call.operation.equals("Unknown")) {
            return fail(call, 501, "NotImplemented", "A header you provided implies functionality that is not "
                + "implemented");
        }
        String name = S3Routes.bucket(call.path);
        if (call.operation.equals("CreateBucket")) {
            return create(call, name);
        }
        Bucket bucket = buckets.get(name);
        if (bucket == null) {
            return fail(call, 404, "NoSuchBucket", "The specified bucket does not exist");
        }
        if (call.header("x-amz-expected-bucket-owner").filter(owner -> !owner.equals(account)).isPresent()) {
            return fail(call, 403, "AccessDenied", "Access Denied");
        }
        if (call.operation.equals("GetBucketLocation")) {
            return ok(new Xml().open("LocationConstraint", AwsService.S3.namespace())
                + (bucket.region.equals(HOME_REGION) ? "" : Xml.escape(bucket.region)) + "</LocationConstraint>");
        }
        if (!bucket.region.equals(call.region)) {
            return redirect(call, bucket.region);
        }
        return switch (call.operation) {
            case "HeadBucket" -> empty(200).header("x-amz-bucket-region", bucket.region)
                .header("x-amz-access-point-alias", "false");
            case "GetBucketPolicy" -> bucket.policy == null
                ? fail(call, 404, "NoSuchBucketPolicy", "The bucket policy does not exist")
                : Reply.of(200, "application/json", bucket.policy).header("x-amz-request-id", requestId());
            case "PutBucketPolicy" -> putPolicy(call, bucket);
            case "GetBucketEncryption" -> bucket.sseAlgorithm == null
                ? fail(call, 404, "ServerSideEncryptionConfigurationNotFoundError", "The server side encryption "
                    + "configuration was not found")
                : ok(encryptionXml(bucket));
            case "PutBucketEncryption" -> putEncryption(call, bucket);
            case "GetPublicAccessBlock" -> bucket.publicAccessBlock == null
                ? fail(call, 404, "NoSuchPublicAccessBlockConfiguration", "The public access block configuration "
                    + "was not found")
                : ok(publicAccessBlockXml(bucket));
            case "PutPublicAccessBlock" -> putPublicAccessBlock(call, bucket);
            default -> fail(call, 501, "NotImplemented", "A header you provided implies functionality that is not "
                + "implemented");
        };
    }

    /** Whether AWS Config may deliver to bucket {@code name}: it exists and its policy lets AWS Config put objects. */
    synchronized Delivery configDelivery(String name) {
        Bucket bucket = buckets.get(name);
        if (bucket == null) {
            return Delivery.NO_SUCH_BUCKET;
        }
        return bucket.policy != null && allowsConfigDelivery(bucket.policy) ? Delivery.ALLOWED
            : Delivery.POLICY_INSUFFICIENT;
    }

    private Reply create(AwsRequest call, String name) {
        if (!BUCKET_NAME.matcher(name).matches() || name.contains("..")) {
            return fail(call, 400, "InvalidBucketName", "The specified bucket is not valid.");
        }
        Optional<Document> configuration = parse(call.body);
        if (!call.body.isBlank() && configuration.isEmpty()) {
            return malformedXml(call);
        }
        String constraint = configuration.flatMap(document -> text(document, "LocationConstraint")).orElse("");
        if (constraint.equals(HOME_REGION)) {
            return fail(call, 400, "InvalidLocationConstraint", "The specified location-constraint is not valid");
        }
        String region = constraint.isEmpty() ? HOME_REGION : constraint;
        if (!region.equals(call.region)) {
            return fail(call, 400, "IllegalLocationConstraintException", "The "
                + (constraint.isEmpty() ? "unspecified" : constraint) + " location constraint is incompatible for "
                + "the region specific endpoint this request was sent to.");
        }
        Bucket existing = buckets.get(name);
        if (existing != null && !(existing.region.equals(HOME_REGION) && region.equals(HOME_REGION))) {
            return fail(call, 409, "BucketAlreadyOwnedByYou", "Your previous request to create the named bucket "
                + "succeeded and you already own it.");
        }
        if (existing == null) {
            Bucket bucket = new Bucket(name, region);
            bucket.sseAlgorithm = "AES256";
            bucket.publicAccessBlock = new LinkedHashMap<>();
            BLOCK_SETTINGS.forEach(setting -> bucket.publicAccessBlock.put(setting, true));
            buckets.put(name, bucket);
        }
        return empty(200).header("Location", "/" + name);
    }

    private Reply putPolicy(AwsRequest call, Bucket bucket) {
        Optional<JsonNode> document = Json.parse(call.body).filter(JsonNode::isObject);
        if (document.isEmpty() || !document.get().has("Statement")) {
            return fail(call, 400, "MalformedPolicy", "Policies must be valid JSON and the first byte must be '{'");
        }
        boolean blocksPublicPolicy = bucket.publicAccessBlock != null
            && bucket.publicAccessBlock.getOrDefault("BlockPublicPolicy", false);
        if (blocksPublicPolicy && isPublic(document.get())) {
            return fail(call, 403, "AccessDenied", "Access Denied");
        }
        bucket.policy = call.body;
        return empty(204);
    }

    private Reply putEncryption(AwsRequest call, Bucket bucket) {
        Optional<Document> document = parse(call.body);
        Optional<String> algorithm = document.flatMap(d -> text(d, "SSEAlgorithm"));
        if (algorithm.isEmpty() || !ALGORITHMS.contains(algorithm.get())) {
            return malformedXml(call);
        }
        bucket.sseAlgorithm = algorithm.get();
        bucket.kmsKeyId = document.flatMap(d -> text(d, "KMSMasterKeyID")).orElse(null);
        bucket.bucketKeyEnabled = document.flatMap(d -> text(d, "BucketKeyEnabled")).map(Boolean::parseBoolean)
            .orElse(false);
        return empty(200);
    }

    private Reply putPublicAccessBlock(AwsRequest call, Bucket bucket) {
        Optional<Document> document = parse(call.body)
            .filter(d -> d.getDocumentElement().getTagName().equals("PublicAccessBlockConfiguration"));
        if (document.isEmpty()) {
            return malformedXml(call);
        }
        Map<String, Boolean> block = new LinkedHashMap<>();
        BLOCK_SETTINGS.forEach(setting -> block.put(setting,
            text(document.get(), setting).map(Boolean::parseBoolean).orElse(false)));
        bucket.publicAccessBlock = block;
        return empty(200);
    }

    private static String encryptionXml(Bucket bucket) {
        return new Xml().open("ServerSideEncryptionConfiguration", AwsService.S3.namespace()).open("Rule")
            .open("ApplyServerSideEncryptionByDefault").leaf("SSEAlgorithm", bucket.sseAlgorithm)
            .leaf("KMSMasterKeyID", bucket.kmsKeyId).close("ApplyServerSideEncryptionByDefault")
            .leaf("BucketKeyEnabled", bucket.bucketKeyEnabled).close("Rule")
            .close("ServerSideEncryptionConfiguration").toString();
    }

    private static String publicAccessBlockXml(Bucket bucket) {
        Xml xml = new Xml().open("PublicAccessBlockConfiguration", AwsService.S3.namespace());
        bucket.publicAccessBlock.forEach(xml::leaf);
        return xml.close("PublicAccessBlockConfiguration").toString();
    }

    /** The policy AWS Config's documentation gives for its bucket, for the seeded bucket. */
    private static String configPolicy(String bucket, String account) {
        String arn = "arn:aws:s3:::" + bucket;
        String condition = "\"Condition\":{\"StringEquals\":{\"AWS:SourceAccount\":\"" + account + "\"}}";
        String principal = "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"" + CONFIG_SERVICE + "\"}";
        return "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Sid\":\"AWSConfigBucketPermissionsCheck\"," + principal + ",\"Action\":\"s3:GetBucketAcl\","
            + "\"Resource\":\"" + arn + "\"," + condition + "},"
            + "{\"Sid\":\"AWSConfigBucketExistenceCheck\"," + principal + ",\"Action\":\"s3:ListBucket\","
            + "\"Resource\":\"" + arn + "\"," + condition + "},"
            + "{\"Sid\":\"AWSConfigBucketDelivery\"," + principal + ",\"Action\":\"s3:PutObject\","
            + "\"Resource\":\"" + arn + "/AWSLogs/" + account + "/Config/*\",\"Condition\":{\"StringEquals\":"
            + "{\"s3:x-amz-acl\":\"bucket-owner-full-control\",\"AWS:SourceAccount\":\"" + account + "\"}}}]}";
    }

    private static boolean allowsConfigDelivery(String policy) {
        for (JsonNode statement : values(Json.parse(policy).orElse(Json.object()).get("Statement"))) {
            if (statement.path("Effect").asText().equals("Allow")
                && strings(statement.path("Principal").get("Service")).contains(CONFIG_SERVICE)
                && strings(statement.get("Action")).stream()
                    .anyMatch(action -> action.equals("s3:PutObject") || action.equals("s3:*") || action.equals("*"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a statement allows everyone ({@code "*"} or {@code {"AWS": "*"}}) without a condition. */
    private static boolean isPublic(JsonNode policy) {
        for (JsonNode statement : values(policy.get("Statement"))) {
            JsonNode principal = statement.path("Principal");
            boolean everyone = principal.isTextual() ? principal.asText().equals("*")
                : strings(principal.get("AWS")).contains("*");
            if (statement.path("Effect").asText().equals("Allow") && everyone && !statement.has("Condition")) {
                return true;
            }
        }
        return false;
    }

    private static List<JsonNode> values(JsonNode node) {
        List<JsonNode> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(values::add);
        } else if (node != null) {
            values.add(node);
        }
        return values;
    }

    private static List<String> strings(JsonNode node) {
        return values(node).stream().filter(JsonNode::isTextual).map(JsonNode::asText).toList();
    }

    /** The body as an XML document; empty when blank or not well-formed. External entities are refused. */
    private static Optional<Document> parse(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            return Optional.of(builder.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(Document document, String element) {
        NodeList nodes = document.getElementsByTagName(element);
        return nodes.getLength() == 0 ? Optional.empty() : Optional.of(nodes.item(0).getTextContent().strip());
    }

    private static Reply malformedXml(AwsRequest call) {
        return fail(call, 400, "MalformedXML", "The XML you provided was not well-formed or did not validate "
            + "against our published schema");
    }

    /** S3's 301 for a bucket of another region; a HEAD answer has no body. */
    private static Reply redirect(AwsRequest call, String region) {
        Reply reply = call.method.equals("HEAD") ? empty(301)
            : call.service.error(301, "PermanentRedirect", "The bucket you are attempting to access must be "
                + "addressed using the specified endpoint. Please send all future requests to this endpoint.");
        return reply.header("x-amz-bucket-region", region);
    }

    /** An S3 error; a HEAD answer has no body, as S3 sends none. */
    private static Reply fail(AwsRequest call, int status, String code, String message) {
        return call.method.equals("HEAD") ? empty(status) : call.service.error(status, code, message);
    }

    private static Reply ok(String xml) {
        return Reply.of(200, "application/xml", DECLARATION + xml).header("x-amz-request-id", requestId());
    }

    private static Reply empty(int status) {
        return Reply.empty(status).header("x-amz-request-id", requestId());
    }

    private static String requestId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
    }
}
