package dev.microscout.ingest;

/** The two formats a file may come in, by its Content-Type. */
public enum ImportFormat {
    CSV("text/csv"),
    NDJSON("application/x-ndjson");

    public static final String CSV_TYPE = "text/csv";
    public static final String NDJSON_TYPE = "application/x-ndjson";

    private final String mediaType;

    ImportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    static ImportFormat of(jakarta.ws.rs.core.MediaType type) {
        if (type == null) {
            return null;
        }
        String bare = type.getType() + "/" + type.getSubtype();
        for (ImportFormat format : values()) {
            if (format.mediaType.equalsIgnoreCase(bare)) {
                return format;
            }
        }
        return null;
    }
}
