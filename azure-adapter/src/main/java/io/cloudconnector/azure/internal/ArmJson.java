package io.cloudconnector.azure.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.cloudconnector.Secret;
import java.io.IOException;
import java.util.Optional;

/** The JSON conventions of the wire models: nulls left out, unknown fields ignored, secrets revealed only on write. */
public final class ArmJson {

    private ArmJson() {
    }

    /** The mapper of every wire model. */
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    }

    /**
     * A string as ARM may send it for a value it withholds: {@code ""}, the literal {@code "null"} and no value at all
     * are all absent.
     */
    static Optional<String> present(String value) {
        if (value == null || value.isBlank() || "null".equals(value)) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A secret read back, with the same rule as {@link #present(String)}. */
    static Optional<Secret> present(Secret value) {
        return value == null ? Optional.empty() : present(value.reveal()).map(Secret::of);
    }

    /**
     * Writes a {@link Secret}'s raw value into a request body. {@link Secret} itself serializes as its mask; only
     * fields annotated with this serializer reveal it, at the moment the body is written for the wire.
     */
    static final class RevealingSecretSerializer extends StdSerializer<Secret> {

        private static final long serialVersionUID = 1L;

        RevealingSecretSerializer() {
            super(Secret.class);
        }

        @Override
        public void serialize(Secret value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.reveal());
        }
    }
}
