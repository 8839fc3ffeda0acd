package io.cloudconnector.internal.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.internal.readiness.TrustPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The IAM and S3 policy documents provisioning writes, and the one question it asks of an existing bucket policy:
 * may AWS Config deliver to the bucket?
 */
final class Documents {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String VERSION = "2012-10-17";
    private static final String PUT_OBJECT = "s3:PutObject";

    private Documents() {
    }

    /** The connector role's trust policy: Microsoft's account may assume it with {@code externalId} only. */
    static String trustPolicy(String externalId) {
        ObjectNode root = document();
        ObjectNode statement = root.putArray("Statement").addObject();
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("AWS", TrustPolicy.MICROSOFT_ROOT);
        statement.put("Action", "sts:AssumeRole");
        statement.putObject("Condition").putObject("StringEquals").put("sts:ExternalId", externalId);
        return write(root);
    }

    /**
     * The bucket policy AWS Config needs to deliver through its service-linked role: its service principal may check
     * the bucket's ACL and existence and put objects under {@code AWSLogs/<account>/Config/}, for this account only.
     */
    static String configBucketPolicy(String partition, String bucketName, String accountId) {
        String bucketArn = "arn:" + partition + ":s3:::" + bucketName;
        ObjectNode root = document();
        ArrayNode statements = root.putArray("Statement");
        configStatement(statements, "AWSConfigBucketPermissionsCheck", "s3:GetBucketAcl", bucketArn, accountId);
        configStatement(statements, "AWSConfigBucketExistenceCheck", "s3:ListBucket", bucketArn, accountId);
        ObjectNode delivery = configStatement(statements, "AWSConfigBucketDelivery", PUT_OBJECT,
            bucketArn + "/AWSLogs/" + accountId + "/Config/*", accountId);
        ((ObjectNode) delivery.get("Condition").get("StringEquals")).put("s3:x-amz-acl", "bucket-owner-full-control");
        return write(root);
    }

    /**
     * Whether an Allow statement of {@code policy} lets AWS Config's service principal put objects in the bucket.
     * Conditions and resources are not evaluated: a policy written for AWS Config is taken as meant for it.
     *
     * @throws IllegalArgumentException when the policy is not JSON
     */
    static boolean allowsConfigDelivery(String policy) {
        JsonNode root;
        try {
            root = MAPPER.readTree(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("it is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        for (JsonNode statement : values(root == null ? null : root.get("Statement"))) {
            boolean allow = "Allow".equals(statement.path("Effect").asText());
            boolean config = texts(statement.path("Principal").get("Service")).contains(Context.CONFIG_SERVICE);
            boolean putObject = texts(statement.get("Action")).stream()
                .anyMatch(action -> action.equalsIgnoreCase(PUT_OBJECT) || action.equals("s3:*") || action.equals("*"));
            if (allow && config && putObject) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode configStatement(ArrayNode statements, String sid, String action, String resource,
        String accountId) {
        ObjectNode statement = statements.addObject();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Service", Context.CONFIG_SERVICE);
        statement.put("Action", action);
        statement.put("Resource", resource);
        statement.putObject("Condition").putObject("StringEquals").put("AWS:SourceAccount", accountId);
        return statement;
    }

    private static ObjectNode document() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("Version", VERSION);
        return root;
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new ConnectorException("Could not write a policy document", e);
        }
    }

    /** A node that may be one object or an array of them, as a list. */
    private static List<JsonNode> values(JsonNode node) {
        List<JsonNode> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(values::add);
        } else {
            values.add(node);
        }
        return values;
    }

    private static List<String> texts(JsonNode node) {
        return values(node).stream().filter(JsonNode::isValueNode).map(JsonNode::asText).toList();
    }
}
