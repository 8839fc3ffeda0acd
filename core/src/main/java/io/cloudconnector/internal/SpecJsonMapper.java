package io.cloudconnector.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.InvalidSpecException;
import io.cloudconnector.Secret;
import io.cloudconnector.Violation;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Jackson set-up behind {@link io.cloudconnector.SpecJson}: strict reading, secrets masked unless revealed, and
 * Jackson's errors turned into {@link InvalidSpecException}s that name field, line and column, never a secret.
 */
public final class SpecJsonMapper {

    private static final String DOCUMENT = "(document)";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .serializationInclusion(JsonInclude.Include.NON_ABSENT)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .withCoercionConfig(LogicalType.Textual, config -> config
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .build();
    private static final ObjectReader READER = MAPPER.readerFor(ConnectorSpec.class);
    private static final ObjectWriter MASKING_WRITER = MAPPER.writerFor(ConnectorSpec.class);
    private static final ObjectWriter REVEALING_WRITER = MAPPER.copy()
        .registerModule(new SimpleModule("revealing-secrets").addSerializer(Secret.class, new RevealingSerializer()))
        .writerFor(ConnectorSpec.class);

    private SpecJsonMapper() {
    }

    /** The spec as indented JSON; secrets as {@value Secret#MASK} unless {@code revealSecrets}. */
    public static String write(ConnectorSpec spec, boolean revealSecrets) {
        try {
            return (revealSecrets ? REVEALING_WRITER : MASKING_WRITER).writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A connector spec could not be written as JSON", e);
        }
    }

    /**
     * Reads and validates a spec.
     *
     * @throws InvalidSpecException naming each field that could not be read, with its line and column
     */
    public static ConnectorSpec read(String json) {
        try {
            return read(new StringReader(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and validates a spec.
     *
     * @throws InvalidSpecException naming each field that could not be read, with its line and column
     * @throws IOException when {@code reader} fails
     */
    public static ConnectorSpec read(Reader reader) throws IOException {
        try {
            return READER.readValue(reader);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        }
    }

    private static RuntimeException invalid(JsonProcessingException failure) {
        String field = failure instanceof JsonMappingException mapping ? path(mapping) : DOCUMENT;
        String at = at(failure.getLocation());
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidSpecException invalid) {
                return invalid;
            }
            if (cause instanceof IllegalStateException missing) {
                return SpecValidator.missingAttributes(missing, field.equals(DOCUMENT) ? "" : field + ".");
            }
            if (cause instanceof NullPointerException) {
                return invalid(Violation.of(field, "must not be null" + at, ""));
            }
        }
        return invalid(violation(failure, field, at));
    }

    private static Violation violation(JsonProcessingException failure, String field, String at) {
        if (failure instanceof UnrecognizedPropertyException unknown) {
            return Violation.of(field, "is not a known field" + at + "; known fields: " + known(unknown), "");
        }
        if (failure instanceof InvalidTypeIdException type) {
            return Violation.of(field + ".type", "must be " + AwsAuthentication.ASSUME_ROLE + " or "
                + AwsAuthentication.ACCESS_KEYS + at, type.getTypeId() == null ? "" : type.getTypeId());
        }
        if (failure instanceof InvalidFormatException format) {
            boolean mayHoldCredentials = format.getTargetType() == Secret.class || format.getTargetType() == URI.class;
            String value = mayHoldCredentials ? Secret.MASK : String.valueOf(format.getValue());
            return Violation.of(field, "must be " + expected(format.getTargetType()) + at, value);
        }
        if (failure instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return Violation.of(field, "must be " + expected(mismatch.getTargetType()) + found(mismatch) + at, "");
        }
        if (failure instanceof JsonMappingException) {
            return Violation.of(field, "could not be read" + at, "");
        }
        return Violation.of(DOCUMENT, "must be well-formed JSON" + at, "");
    }

    /** One violation; Jackson's exception is not kept as the cause, because its message may quote a value. */
    private static InvalidSpecException invalid(Violation violation) {
        return new InvalidSpecException(List.of(violation));
    }

    /** The field's path, such as {@code arc.tags.owner} or {@code regions[2]}. */
    private static String path(JsonMappingException failure) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? DOCUMENT : path.toString();
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String known(UnrecognizedPropertyException unknown) {
        Collection<Object> ids = unknown.getKnownPropertyIds();
        return ids == null ? "none" : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type == String.class || type == Secret.class) {
            return "a string";
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration such as PT6H";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == URI.class) {
            return "a URL such as http://proxy.example.com:3128";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                .collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object of string values";
        }
        return "an object";
    }

    /** What the document held instead, such as {@code , not a number}; empty when the parser cannot tell. */
    private static String found(MismatchedInputException mismatch) {
        if (!(mismatch.getProcessor() instanceof JsonParser parser) || parser.currentToken() == null) {
            return "";
        }
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT, END_OBJECT, FIELD_NAME -> ", not an object";
            case START_ARRAY, END_ARRAY -> ", not an array";
            case VALUE_STRING -> ", not a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ", not a number";
            case VALUE_TRUE, VALUE_FALSE -> ", not a boolean";
            case VALUE_NULL -> ", not null";
            default -> "";
        };
    }

    /** Writes a secret's raw value; registered only on the writer that reveals secrets. */
    private static final class RevealingSerializer extends StdSerializer<Secret> {

        private static final long serialVersionUID = 1L;

        RevealingSerializer() {
            super(Secret.class);
        }

        @Override
        public void serialize(Secret secret, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(secret.reveal());
        }
    }
}
