package io.flagtrail.adapter.web.http;

import io.flagtrail.domain.json.JsonReader;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the JSON bodies of the API's own requests strictly before binding them: UTF-8, RFC 8259 with nothing after
 * the value, no lone UTF-16 surrogate (RFC 7493), and each field of the JSON type its request declares
 * ({@link StrictJsonBodies}). The framework's own reader would turn {@code true} and {@code "50"} into numbers,
 * {@code [42]} into 42 and {@code 5} into a name, and ignore what follows the value. What is refused becomes a 400
 * {@code request.malformed} naming each field and what was expected ({@link Refused}). Requests marked {@link OwnBodyReader}
 * (OFREP) keep the framework's reader: that protocol answers its own error shape. Generic in {@code T} as the framework's JSON reader is, so that
 * it is a candidate for every request type, and ordered before it.
 */
@Singleton
@Consumes(MediaType.APPLICATION_JSON)
final class StrictJsonBodyReader<T> implements MessageBodyReader<T>, Ordered {

    /** What a body was refused for; answered by {@link StrictJsonBodyRefusedHandler}. */
    static final class Refused extends RuntimeException {

        private final transient List<ProblemDetails.FieldError> errors;

        Refused(String message, List<ProblemDetails.FieldError> errors) {
            super(message, null, false, false);
            this.errors = errors;
        }

        List<ProblemDetails.FieldError> errors() {
            return errors;
        }
    }

    /** The web adapter's own request records, in whichever area package they live. */
    private static final String ADAPTER = StrictJsonBodyReader.class.getPackageName().replaceFirst("\\.http$", "");

    private final JsonMapper json;

    StrictJsonBodyReader(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        Class<?> t = type.getType();
        return (t.getPackageName() + ".").startsWith(ADAPTER + ".")
                && !t.isAnnotationPresent(OwnBodyReader.class);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readAllBytes();
        } catch (IOException e) {
            throw new CodecException("the body could not be read", e);
        }
        Object parsed;
        try {
            parsed = JsonReader.parse(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            throw new Refused("the body is not UTF-8 text", List.of());
        } catch (IllegalArgumentException malformed) {
            throw new Refused("the body is not valid JSON: " + LogSafe.text(malformed.getMessage()), List.of());
        }
        var problems = StrictJsonBodies.check(parsed, type);
        if (!problems.isEmpty()) {
            throw new Refused(problems.getFirst().field() + " " + problems.getFirst().message(),
                    problems.stream().map(p -> new ProblemDetails.FieldError(p.field(), p.message())).toList());
        }
        try {
            return json.readValue(bytes, type);
        } catch (IOException e) {
            throw new Refused("the body does not fit this request", List.of());
        }
    }

    /** Before the framework's JSON reader, which reads the same types leniently. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
