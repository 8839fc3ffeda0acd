package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One answer of the sandbox: a status, headers and a body, or a broken connection. */
public final class Reply {

    private final int status;
    private final byte[] body;
    private final Map<String, String> headers;
    private final Fault fault;

    private Reply(int status, byte[] body, Map<String, String> headers, Fault fault) {
        this.status = status;
        this.body = body;
        this.headers = headers;
        this.fault = fault;
    }

    /** A body with its content type. */
    public static Reply of(int status, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new Reply(status, body.getBytes(StandardCharsets.UTF_8), headers, null);
    }

    /** A JSON body as {@code application/json}. */
    public static Reply json(int status, JsonNode body) {
        return of(status, "application/json", Json.write(body));
    }

    /** No body at all. */
    public static Reply empty(int status) {
        return new Reply(status, new byte[0], new LinkedHashMap<>(), null);
    }

    /** A broken connection instead of an answer. */
    public static Reply fault(Fault fault) {
        return new Reply(0, new byte[0], new LinkedHashMap<>(), fault);
    }

    /** This reply with one more header. */
    public Reply header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Reply(status, body, copy, fault);
    }

    /** The HTTP status; 0 for a broken connection. */
    public int status() {
        return status;
    }

    /** The body as text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    ResponseDefinition toDefinition() {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition();
        if (fault != null) {
            return builder.withFault(fault).build();
        }
        builder.withStatus(status).withBody(body);
        headers.forEach(builder::withHeader);
        return builder.build();
    }
}
