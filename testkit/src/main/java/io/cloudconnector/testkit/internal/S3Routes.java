package io.cloudconnector.testkit.internal;

import java.util.Map;

/**
 * The REST routes of S3 with path-style addressing: method, {@code /bucket} path and sub-resource query parameter
 * ({@code ?policy}, {@code ?encryption}, {@code ?publicAccessBlock}, {@code ?location}) to operation name.
 */
final class S3Routes {

    private S3Routes() {
    }

    static String operation(String method, String path, Map<String, String> query) {
        String bucket = bucket(path);
        if (bucket.isEmpty() || !path.equals("/" + bucket) && !path.equals("/" + bucket + "/")) {
            return "Unknown";
        }
        String resource = query.containsKey("policy") ? "Policy"
            : query.containsKey("encryption") ? "Encryption"
            : query.containsKey("publicAccessBlock") ? "PublicAccessBlock"
            : query.containsKey("location") ? "Location"
            : "";
        return switch (method + " " + resource) {
            case "PUT " -> "CreateBucket";
            case "HEAD " -> "HeadBucket";
            case "GET Location" -> "GetBucketLocation";
            case "GET Policy" -> "GetBucketPolicy";
            case "PUT Policy" -> "PutBucketPolicy";
            case "GET Encryption" -> "GetBucketEncryption";
            case "PUT Encryption" -> "PutBucketEncryption";
            case "GET PublicAccessBlock" -> "GetPublicAccessBlock";
            case "PUT PublicAccessBlock" -> "PutPublicAccessBlock";
            default -> "Unknown";
        };
    }

    /** The bucket a path-style path names: its first segment; empty for {@code /}. */
    static String bucket(String path) {
        String rest = path.startsWith("/") ? path.substring(1) : path;
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
