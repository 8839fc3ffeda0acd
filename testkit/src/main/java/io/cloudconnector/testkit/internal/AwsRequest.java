package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Request;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One AWS call as the sandbox reads it: the service, region and access key from the SigV4 credential scope, the
 * operation from the {@code Action} parameter, the {@code X-Amz-Target} header or the REST method, path and query,
 * and the input.
 */
final class AwsRequest {

    private static final Pattern CREDENTIAL =
        Pattern.compile("Credential=([^/,\\s]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request");

    final AwsService service;
    final String region;
    final String accessKeyId;
    final Optional<String> sessionToken;
    final String method;
    final String path;
    final Map<String, String> query;
    final Map<String, String> form;
    final JsonNode json;
    /** The body as text, for the REST-XML protocol (S3), whose inputs are XML or, for a bucket policy, JSON. */
    final String body;
    final String operation;
    private final Request request;

    private AwsRequest(AwsService service, String region, String accessKeyId, Request request) {
        this.service = service;
        this.region = region;
        this.accessKeyId = accessKeyId;
        this.sessionToken = Optional.ofNullable(request.getHeader("X-Amz-Security-Token"));
        this.method = request.getMethod().getName();
        String url = request.getUrl();
        int q = url.indexOf('?');
        this.path = decode(q < 0 ? url : url.substring(0, q));
        this.query = parseForm(q < 0 ? "" : url.substring(q + 1));
        String body = request.getBodyAsString();
        boolean queryProtocol = service.protocol() == AwsService.Protocol.QUERY
            || service.protocol() == AwsService.Protocol.EC2;
        this.form = queryProtocol ? merge(query, parseForm(body)) : Map.of();
        boolean jsonProtocol = service.protocol() == AwsService.Protocol.JSON
            || service.protocol() == AwsService.Protocol.REST_JSON;
        this.json = jsonProtocol ? Json.parse(body).orElse(Json.object()) : Json.object();
        this.body = body == null ? "" : body;
        this.request = request;
        this.operation = operationOf(request);
    }

    /** The call, or empty when the request carries no SigV4 credential scope of a service the sandbox knows. */
    static Optional<AwsRequest> parse(Request request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            return Optional.empty();
        }
        Matcher m = CREDENTIAL.matcher(authorization);
        if (!m.find()) {
            return Optional.empty();
        }
        return AwsService.bySigningName(m.group(4)).map(s -> new AwsRequest(s, m.group(3), m.group(1), request));
    }

    /** The operation's name for statistics and faults, such as {@code securityhub:GetFindings}. */
    String qualifiedOperation() {
        return service.signingName() + ":" + operation;
    }

    private String operationOf(Request request) {
        return switch (service.protocol()) {
            case QUERY, EC2 -> form.getOrDefault("Action", "Unknown");
            case JSON -> {
                String target = request.getHeader("X-Amz-Target");
                yield target == null ? "Unknown" : target.substring(target.indexOf('.') + 1);
            }
            case REST_XML -> S3Routes.operation(method, path, query);
            default -> SecurityHubRoutes.operation(method, path);
        };
    }

    /** A request header. */
    Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeader(name));
    }

    /** A form parameter. */
    Optional<String> param(String name) {
        return Optional.ofNullable(form.get(name));
    }

    /** The members {@code prefix.1}, {@code prefix.2}, ... of a query-protocol list. */
    List<String> list(String prefix) {
        List<String> values = new ArrayList<>();
        for (int i = 1; form.containsKey(prefix + "." + i); i++) {
            values.add(form.get(prefix + "." + i));
        }
        return values;
    }

    /** A successful query-protocol answer: {@code <OpResponse><OpResult>result</OpResult>...}. */
    Reply queryResult(String result) {
        String requestId = UUID.randomUUID().toString();
        Xml xml = new Xml().open(operation + "Response", service.namespace());
        String body = xml + "<" + operation + "Result>" + result + "</" + operation + "Result>"
            + new Xml().open("ResponseMetadata").leaf("RequestId", requestId).close("ResponseMetadata")
            .close(operation + "Response");
        return Reply.of(200, "text/xml", body).header("x-amzn-RequestId", requestId);
    }

    /** A successful EC2 answer: {@code <OpResponse><requestId/>body</OpResponse>}. */
    Reply ec2Result(String body) {
        String requestId = UUID.randomUUID().toString();
        return Reply.of(200, "text/xml;charset=UTF-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + new Xml().open(operation + "Response", service.namespace()).leaf("requestId", requestId) + body
            + "</" + operation + "Response>");
    }

    /** A successful JSON 1.1 answer. */
    Reply jsonResult(JsonNode body) {
        return Reply.json(200, body).header("Content-Type", AwsService.JSON_11)
            .header("x-amzn-RequestId", UUID.randomUUID().toString());
    }

    /** A successful REST-JSON answer. */
    Reply restResult(JsonNode body) {
        return Reply.json(200, body).header("x-amzn-RequestId", UUID.randomUUID().toString());
    }

    static Map<String, String> parseForm(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            values.put(key, eq < 0 ? "" : decodeForm(pair.substring(eq + 1)));
        }
        return values;
    }

    private static Map<String, String> merge(Map<String, String> first, Map<String, String> second) {
        Map<String, String> merged = new LinkedHashMap<>(first);
        merged.putAll(second);
        return merged;
    }

    private static String decodeForm(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** Percent-decodes a path, leaving {@code +} as it is. */
    static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
