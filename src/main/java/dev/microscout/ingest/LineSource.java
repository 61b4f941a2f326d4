package dev.microscout.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a stored file line by line, never whole: CSV (RFC 4180, with FastCSV; UTF-8 with or without BOM; a header
 * row) or NDJSON (one JSON object per line). Each line comes out with its cells under our column names, after the
 * file's own names are mapped by {@code columns}; cells of columns we do not read are left out and listed.
 */
final class LineSource implements Closeable, Iterator<ImportLine> {

    /** The start of a raw line kept for the error report. */
    static final int RAW_START = 200;

    /** A file that cannot be read past some point: the job stops there, with what was committed before. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    private final ImportKind kind;
    private final Map<String, String> columns;
    private final ObjectMapper json;
    private final Set<String> ignored = new LinkedHashSet<>();

    // CSV
    private CsvReader<CsvRecord> csv;
    private Iterator<CsvRecord> records;
    private List<String> header;
    private char delimiter;
    // NDJSON
    private BufferedReader lines;
    private long lineNumber;

    private ImportLine next;

    private LineSource(ImportKind kind, Map<String, String> columns, ObjectMapper json) {
        this.kind = kind;
        this.columns = columns;
        this.json = json;
    }

    static LineSource open(Path file, ImportFormat format, Character delimiter, Map<String, String> columns, ImportKind kind,
                           ObjectMapper json) throws IOException {
        LineSource source = new LineSource(kind, columns, json);
        if (format == ImportFormat.CSV) {
            source.delimiter = delimiter == null ? sniffDelimiter(file) : delimiter;
            source.csv = CsvReader.builder().fieldSeparator(source.delimiter).detectBomHeader(true).skipEmptyLines(true)
                    .ignoreDifferentFieldCount(true).ofCsvRecord(file, StandardCharsets.UTF_8);
            source.records = source.csv.iterator();
            if (!source.records.hasNext()) {
                throw new Unreadable("the file is empty: a CSV starts with a header row");
            }
            source.header = source.readRecord().getFields().stream().map(String::strip).toList();
            for (String name : source.header) {
                if (!kind.reads(source.ours(name))) {
                    source.ignored.add(name);
                }
            }
        } else {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            InputStream in = Files.newInputStream(file);
            source.lines = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        }
        return source;
    }

    /** The header's names as the file spells them (CSV only). */
    List<String> header() {
        return header;
    }

    /** The header mapped onto our names (CSV only). */
    Set<String> mappedHeader() {
        return header.stream().map(this::ours).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Columns of the file that nothing reads (a typo, or a column of another tool): shown on the job. */
    Set<String> ignoredColumns() {
        return ignored;
    }

    /** The delimiter used (CSV only): as given, or the one the header row uses. */
    char delimiter() {
        return delimiter;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = csv != null ? nextCsv() : nextNdjson();
        }
        return next != null;
    }

    @Override
    public ImportLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ImportLine line = next;
        next = null;
        return line;
    }

    private ImportLine nextCsv() {
        if (!records.hasNext()) {
            return null;
        }
        CsvRecord record = readRecord();
        List<String> fields = record.getFields();
        String raw = rawStart(fields);
        if (fields.size() != header.size()) {
            return new ImportLine(record.getStartingLineNumber(), Map.of(), raw,
                    "has " + fields.size() + " cells; the header has " + header.size());
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String ours = ours(header.get(i));
            if (kind.reads(ours)) {
                cells.put(ours, fields.get(i));
            }
        }
        return new ImportLine(record.getStartingLineNumber(), cells, raw);
    }

    private CsvRecord readRecord() {
        try {
            return records.next();
        } catch (UncheckedIOException e) {
            throw new Unreadable(readFailure(e.getCause()));
        } catch (RuntimeException e) {
            throw new Unreadable("the CSV cannot be read further: " + e.getMessage());
        }
    }

    private ImportLine nextNdjson() {
        try {
            String text;
            do {
                text = lines.readLine();
                if (text == null) {
                    return null;
                }
                lineNumber++;
                if (lineNumber == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
            } while (text.isBlank());
            String raw = text.length() <= RAW_START ? text : text.substring(0, RAW_START);
            JsonNode node;
            try {
                node = json.readTree(text);
            } catch (JsonProcessingException e) {
                return new ImportLine(lineNumber, Map.of(), raw, "is not valid JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                return new ImportLine(lineNumber, Map.of(), raw, "is not a JSON object");
            }
            Map<String, String> cells = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> {
                String ours = ours(field.getKey());
                if (kind.reads(ours)) {
                    String cell = cell(field.getValue());
                    if (cell != null) {
                        cells.put(ours, cell);
                    }
                } else {
                    ignored.add(field.getKey());
                }
            });
            return new ImportLine(lineNumber, cells, raw);
        } catch (IOException e) {
            throw new Unreadable(readFailure(e) + " (after line " + lineNumber + ")");
        }
    }

    /**
     * A JSON value as the cell the same value has in a CSV: text as is, numbers and booleans as written, an array
     * of values joined by |, an object (weights, shares) as key:value pairs, an array of {niche, weight} alike.
     */
    private static String cell(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        List<String> parts = new ArrayList<>();
        if (value.isObject()) {
            value.fields().forEachRemaining(e -> parts.add(e.getKey() + ":" + e.getValue().asText()));
        } else {
            for (JsonNode item : value) {
                if (item.isObject() && item.has("niche")) {
                    parts.add(item.path("niche").asText() + ":" + item.path("weight").asText());
                } else {
                    parts.add(item.isValueNode() ? item.asText() : item.toString());
                }
            }
        }
        return String.join("|", parts);
    }

    private String ours(String theirs) {
        return columns.getOrDefault(theirs, theirs);
    }

    private String rawStart(List<String> fields) {
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < fields.size() && raw.length() < RAW_START; i++) {
            if (i > 0) {
                raw.append(delimiter);
            }
            String field = fields.get(i);
            boolean quote = field.indexOf(delimiter) >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0;
            raw.append(quote ? '"' + field.replace("\"", "\"\"") + '"' : field);
        }
        return raw.length() <= RAW_START ? raw.toString() : raw.substring(0, RAW_START);
    }

    private static String readFailure(Throwable e) {
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "the file is not UTF-8 text";
        }
        return "the file cannot be read: " + (e == null ? "unknown reason" : e.getMessage());
    }

    /** The delimiter of the header row: the most frequent of , ; and tab outside quotes; a comma when none is. */
    static char sniffDelimiter(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(64 * 1024);
            int comma = 0;
            int semicolon = 0;
            int tab = 0;
            boolean quoted = false;
            for (byte b : start) {
                if (b == '"') {
                    quoted = !quoted;
                } else if (!quoted) {
                    if (b == '\n' || b == '\r') {
                        break;
                    }
                    comma += b == ',' ? 1 : 0;
                    semicolon += b == ';' ? 1 : 0;
                    tab += b == '\t' ? 1 : 0;
                }
            }
            if (semicolon > comma && semicolon >= tab) {
                return ';';
            }
            return tab > comma ? '\t' : ',';
        }
    }

    /**
     * Lines in the file, without the header: read once before the work starts, for progress and the estimate; null
     * when the file cannot be read to its end (the work then stops where it breaks, and says so).
     */
    static Long count(Path file, ImportFormat format, Character delimiter) throws IOException {
        if (format == ImportFormat.CSV) {
            char d = delimiter == null ? sniffDelimiter(file) : delimiter;
            try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(d).detectBomHeader(true).skipEmptyLines(true)
                    .ignoreDifferentFieldCount(true).ofCsvRecord(file, StandardCharsets.UTF_8)) {
                long records = 0;
                for (CsvRecord ignored : reader) {
                    records++;
                }
                return Math.max(0, records - 1);
            } catch (RuntimeException e) {
                return null;
            }
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return reader.lines().filter(l -> !l.isBlank()).count();
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
        }
        if (lines != null) {
            lines.close();
        }
    }
}
