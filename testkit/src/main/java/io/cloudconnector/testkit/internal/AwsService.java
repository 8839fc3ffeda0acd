package io.cloudconnector.testkit.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * The AWS services the sandbox answers, with their wire protocol and error codes, and the error shapes of each
 * protocol: query XML (STS, IAM), EC2 XML, JSON 1.1 (SSM, AWS Config), REST-JSON (Security Hub) and REST-XML (S3).
 */
enum AwsService implements ErrorStyle {

    STS("sts", Protocol.QUERY, "https://sts.amazonaws.com/doc/2011-06-15/", 400, "Throttling"),
    IAM("iam", Protocol.QUERY, "https://iam.amazonaws.com/doc/2010-05-08/", 400, "Throttling"),
    EC2("ec2", Protocol.EC2, "http://ec2.amazonaws.com/doc/2016-11-15/", 503, "RequestLimitExceeded"),
    SSM("ssm", Protocol.JSON, "AmazonSSM", 400, "ThrottlingException"),
    CONFIG("config", Protocol.JSON, "StarlingDoveService", 400, "ThrottlingException"),
    SECURITYHUB("securityhub", Protocol.REST_JSON, "", 429, "LimitExceededException"),
    S3("s3", Protocol.REST_XML, "http://s3.amazonaws.com/doc/2006-03-01/", 503, "SlowDown");

    /** The wire protocols. */
    enum Protocol { QUERY, EC2, JSON, REST_JSON, REST_XML }

    static final String JSON_11 = "application/x-amz-json-1.1";

    private final String signingName;
    private final Protocol protocol;
    private final String namespace;
    private final int throttleStatus;
    private final String throttleCode;

    AwsService(String signingName, Protocol protocol, String namespace, int throttleStatus, String throttleCode) {
        this.signingName = signingName;
        this.protocol = protocol;
        this.namespace = namespace;
        this.throttleStatus = throttleStatus;
        this.throttleCode = throttleCode;
    }

    static Optional<AwsService> bySigningName(String name) {
        return Arrays.stream(values()).filter(s -> s.signingName.equals(name)).findFirst();
    }

    String signingName() {
        return signingName;
    }

    Protocol protocol() {
        return protocol;
    }

    /** The XML namespace (query protocols) or the target prefix (JSON 1.1). */
    String namespace() {
        return namespace;
    }

    @Override
    public Reply error(int status, String code, String message) {
        String requestId = UUID.randomUUID().toString();
        return switch (protocol) {
            case QUERY -> Reply.of(status, "text/xml", new Xml().open("ErrorResponse", namespace).open("Error")
                .leaf("Type", status >= 500 ? "Receiver" : "Sender").leaf("Code", code).leaf("Message", message)
                .close("Error").leaf("RequestId", requestId).close("ErrorResponse").toString())
                .header("x-amzn-RequestId", requestId);
            case EC2 -> Reply.of(status, "text/xml;charset=UTF-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + new Xml().open("Response").open("Errors").open("Error").leaf("Code", code).leaf("Message", message)
                .close("Error").close("Errors").leaf("RequestID", requestId).close("Response"));
            case JSON -> Reply.json(status, Json.object().put("__type", code).put("message", message))
                .header("Content-Type", JSON_11).header("x-amzn-RequestId", requestId);
            case REST_XML -> Reply.of(status, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + new Xml().open("Error").leaf("Code", code).leaf("Message", message).leaf("RequestId", requestId)
                .leaf("HostId", requestId).close("Error")).header("x-amz-request-id", requestId);
            default -> Reply.json(status, Json.object().put("Code", code).put("Message", message))
                .header("x-amzn-ErrorType", code).header("x-amzn-RequestId", requestId);
        };
    }

    @Override
    public Reply throttle() {
        String message = switch (this) {
            case EC2 -> "Request limit exceeded.";
            case S3 -> "Please reduce your request rate.";
            default -> "Rate exceeded";
        };
        return error(throttleStatus, throttleCode, message);
    }

    @Override
    public Reply internal() {
        String code = switch (this) {
            case EC2, S3 -> "InternalError";
            case SSM -> "InternalServerError";
            case SECURITYHUB -> "InternalException";
            case IAM -> "ServiceFailure";
            default -> "InternalFailure";
        };
        return error(500, code, "We encountered an internal error. Please try again.");
    }

    @Override
    public Reply unavailable() {
        return error(503, this == EC2 ? "Unavailable" : "ServiceUnavailable", "The service is unavailable.");
    }

    @Override
    public Reply accessDenied(String operation) {
        String message = "User: the caller is not authorized to perform: " + operation
            + " because no identity-based policy allows the " + operation + " action";
        return deniedWith(message);
    }

    /** Access denied with a message naming the caller. */
    Reply deniedWith(String message) {
        return switch (protocol) {
            case QUERY -> error(403, "AccessDenied", message);
            case EC2 -> error(403, "UnauthorizedOperation", message);
            case JSON -> error(400, "AccessDeniedException", message);
            case REST_XML -> error(403, "AccessDenied", message);
            default -> error(403, "AccessDeniedException", message);
        };
    }

    /** The answer to an access key the sandbox does not know. */
    Reply invalidToken() {
        String message = "The security token included in the request is invalid.";
        return switch (protocol) {
            case QUERY -> error(403, "InvalidClientTokenId", message);
            case EC2 -> error(401, "AuthFailure", "AWS was not able to validate the provided access credentials");
            case JSON -> error(400, "UnrecognizedClientException", message);
            case REST_XML -> error(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in "
                + "our records.");
            default -> error(403, "UnrecognizedClientException", message);
        };
    }

    /** The answer to session credentials past their expiry. */
    Reply expiredToken() {
        String message = "The security token included in the request is expired";
        return switch (protocol) {
            case QUERY, EC2 -> error(400, "ExpiredToken", message);
            case JSON -> error(400, "ExpiredTokenException", message);
            case REST_XML -> error(400, "ExpiredToken", "The provided token has expired.");
            default -> error(403, "ExpiredTokenException", message);
        };
    }

    /** The answer of a region that is not enabled for the account. */
    Reply regionDisabled(String region) {
        return switch (this) {
            case EC2 -> invalidToken();
            case STS -> error(403, "RegionDisabledException", "STS is not activated in region " + region
                + ". An administrator can activate STS in this region using the IAM Console.");
            default -> invalidToken();
        };
    }

    @Override
    public Reply malformed() {
        return switch (protocol) {
            case QUERY, EC2, REST_XML -> Reply.of(200, "text/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><bro");
            case JSON -> Reply.of(200, JSON_11, "{\"Items\": [{\"Id\": \"trunc");
            default -> Reply.of(200, "application/json", "{\"Findings\": [{\"Id\": \"trunc");
        };
    }
}
