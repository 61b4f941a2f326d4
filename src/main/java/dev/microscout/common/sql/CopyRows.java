package dev.microscout.common.sql;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} in its text format: tab-separated, {@code \N} for null, backslash,
 * tab and line ends escaped. A bulk writer fills one per table and sends it as one stream: no statement to parse or
 * bind per row or batch.
 */
public final class CopyRows {

    private final StringBuilder out = new StringBuilder();
    private boolean first = true;
    private int rows;

    /** A value whose text needs no escaping (numbers, UUIDs, timestamps, booleans as t/f); null is written as null. */
    public CopyRows value(Object value) {
        if (value instanceof Boolean b) {
            return raw(b ? "t" : "f");
        }
        return raw(value == null ? null : value.toString());
    }

    /** Free text, escaped; null is written as null. */
    public CopyRows text(String value) {
        if (value == null) {
            return raw(null);
        }
        separate();
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return this;
    }

    /** Ends the current row. */
    public CopyRows end() {
        out.append('\n');
        first = true;
        rows++;
        return this;
    }

    public boolean isEmpty() {
        return rows == 0;
    }

    /**
     * Sends the rows: {@code copy} is the statement up to {@code from stdin} ({@code copy t (a, b)}). Nothing is sent
     * for no rows.
     */
    public void copyInto(Connection connection, String copy) throws SQLException {
        if (rows == 0) {
            return;
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy + " from stdin", new StringReader(out.toString()));
        } catch (IOException e) {
            throw new SQLException("rows not written: " + copy, e);
        }
    }

    /** The rows as COPY reads them. */
    @Override
    public String toString() {
        return out.toString();
    }

    private CopyRows raw(String value) {
        separate();
        out.append(value == null ? "\\N" : value);
        return this;
    }

    private void separate() {
        if (!first) {
            out.append('\t');
        }
        first = false;
    }
}
