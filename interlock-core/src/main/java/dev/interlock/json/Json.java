package dev.interlock.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One configured mapper: bounded nesting and sizes, so hostile input fails fast with a clear error. */
public final class Json {

    /** Requests larger than this are refused. */
    public static final int MAX_REQUEST_BYTES = 1 << 20;
    public static final int MAX_NESTING = 64;

    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxStringLength(MAX_REQUEST_BYTES)
                    .maxDocumentLength(MAX_REQUEST_BYTES)
                    .build())
            .build());

    private Json() {
    }
}
