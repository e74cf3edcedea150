package io.flagtrail.adapter.persistence;

import io.flagtrail.domain.json.CanonicalJson;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Writes (canonical) and reads the JSON text columns of the ledger (snapshots and field changes). */
@Singleton
public final class JsonColumns {

    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);
    private static final Argument<List<Map<String, Object>>> LIST_OF_MAPS = Argument.listOf(MAP);

    private final JsonMapper json;

    JsonColumns(JsonMapper json) {
        this.json = json;
    }

    /** RFC 8785 canonical text: the ledger hashes these columns as they are stored, without parsing them. */
    public String write(Object value) {
        return value == null ? null : CanonicalJson.write(value);
    }

    public Map<String, Object> readMap(String text) {
        return text == null ? null : read(text, MAP);
    }

    public List<Map<String, Object>> readList(String text) {
        return read(text, LIST_OF_MAPS);
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a ledger column holds malformed JSON", e);
        }
    }
}
