package dev.microscout.common.sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A piece of a SQL statement and the values its placeholders bind, in the order they appear. Pieces are immutable
 * and compose ({@link #of}, {@link #join}, {@link #and}, {@link #template}): whatever order the pieces of a
 * statement are put together in, each brings its own values along, so a value cannot end up bound to another
 * piece's placeholder.
 *
 * <p>The only way to put a {@code ?} into a statement is {@link #value}: plain text given to any factory is refused
 * when it holds one. So a statement's placeholders are exactly its values, one for one. What goes into the text
 * itself goes through one of three gates: {@link #identifier} (a table name, checked against a strict pattern),
 * {@link #number} (typed numbers) and {@link #literal} (a quoted string, for the rare code that is better in the
 * text than bound, so that the planner sees it).
 */
public final class Sql {

    public static final Sql EMPTY = new Sql("", List.of());

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})?");
    private static final Pattern CAST = Pattern.compile("[a-z][a-z0-9_ ]*(\\[])?");

    // A leaf holds text and its values; a composite holds its parts (Sql, or plain text already checked) and the
    // separator between them, and is written out once, when its text or values are first read: composing copies no
    // text, however deep the nesting.
    private final String text;
    private final List<Object> values;
    private final Object[] parts;
    private final String separator;
    private volatile Sql written;

    private Sql(String text, List<Object> values) {
        this.text = text;
        this.values = values;
        this.parts = null;
        this.separator = null;
    }

    private Sql(Object[] parts, String separator) {
        this.text = null;
        this.values = null;
        this.parts = parts;
        this.separator = separator;
    }

    /** Plain SQL text without values: refused when it holds a {@code ?} (a placeholder needs its value). */
    public static Sql text(String text) {
        if (text.indexOf('?') >= 0) {
            throw new IllegalArgumentException("a placeholder comes with its value (Sql.value), not in plain text: " + abbreviated(text));
        }
        return new Sql(text, List.of());
    }

    /** One placeholder and the value it binds. */
    public static Sql value(Object value) {
        return new Sql("?", Collections.singletonList(value));
    }

    /** One placeholder with a cast ({@code ?::float8}), so that the database reads the value as that type. */
    public static Sql value(Object value, String type) {
        if (!CAST.matcher(type).matches()) {
            throw new IllegalArgumentException("not a type name: " + abbreviated(type));
        }
        return new Sql("?::" + type, Collections.singletonList(value));
    }

    /**
     * A table or column name, optionally schema-qualified, written into the text as it is. Only lower-case
     * unquoted names pass: nothing that needs quoting, nothing that could end the name.
     */
    public static Sql identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL name: " + (name == null ? null : abbreviated(name)));
        }
        return new Sql(name, List.of());
    }

    /** A whole number written into the text (a limit, an offset, an array subscript). */
    public static Sql number(long value) {
        return new Sql(Long.toString(value), List.of());
    }

    /** A decimal written into the text as it is (an exchange rate the planner may fold). */
    public static Sql number(BigDecimal value) {
        return new Sql(value.toPlainString(), List.of());
    }

    /**
     * A quoted string literal, for validated codes (ISO codes, enum names, fixed ranges) that a statement keeps in
     * its text: quotes are doubled, and a {@code ?} or a NUL is refused (no code has one, and a {@code ?} in the
     * text would read as a placeholder to anyone counting them).
     */
    public static Sql literal(String value) {
        if (value.indexOf('?') >= 0 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a code to write into a statement: " + abbreviated(value));
        }
        return new Sql("'" + value.replace("'", "''") + "'", List.of());
    }

    /** The literals of a list of codes, separated by commas (for {@code in (...)}). */
    public static Sql literals(List<String> values) {
        return join(", ", values.stream().map(Sql::literal).toList());
    }

    /**
     * The parts one after the other: each a {@code Sql} or a {@code String} of plain text (checked as by
     * {@link #text}).
     */
    public static Sql of(Object... parts) {
        return concat(Arrays.asList(parts), "");
    }

    /** The parts with a separator between them; no part, no text. */
    public static Sql join(String separator, List<Sql> parts) {
        return concat(parts, separator);
    }

    /** The conditions joined by {@code and}. */
    public static Sql and(List<Sql> conditions) {
        return join(" and ", conditions);
    }

    /**
     * A text with {@code %s} markers filled by the parts in turn (each a {@code Sql} or plain text), so that a
     * statement written as a text block keeps its shape on the page. The text may hold no other {@code %}.
     */
    public static Sql template(String template, Object... parts) {
        List<String> pieces = TEMPLATES.computeIfAbsent(template, Sql::pieces);
        if (pieces.size() != parts.length + 1) {
            throw new IllegalArgumentException(parts.length + " parts for " + (pieces.size() - 1) + " %s markers in " + abbreviated(template));
        }
        List<Object> all = new ArrayList<>(2 * parts.length + 1);
        for (int i = 0; i < parts.length; i++) {
            all.add(pieces.get(i));
            all.add(parts[i]);
        }
        all.add(pieces.get(parts.length));
        return concat(all, "");
    }

    /** Templates are constants of the code: each is split (and checked) once. */
    private static final java.util.Map<String, List<String>> TEMPLATES = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<String> pieces(String template) {
        List<String> pieces = new ArrayList<>();
        int from = 0;
        for (int at = template.indexOf("%s"); at >= 0; at = template.indexOf("%s", from)) {
            pieces.add(text(template.substring(from, at)).text);
            from = at + 2;
        }
        pieces.add(text(template.substring(from)).text);
        return List.copyOf(pieces);
    }

    /** This part followed by more (each a {@code Sql} or plain text). */
    public Sql append(Object... more) {
        List<Object> parts = new ArrayList<>(more.length + 1);
        parts.add(this);
        Collections.addAll(parts, more);
        return concat(parts, "");
    }

    private static Sql concat(List<?> parts, String separator) {
        text(separator);
        // Plain text stays a String among the parts, checked here; everything else must be a Sql.
        Object[] checked = parts.toArray();
        for (Object part : checked) {
            if (part instanceof String plain) {
                text(plain);
            } else if (!(part instanceof Sql)) {
                throw new IllegalArgumentException(part == null ? "a missing part (null)"
                        : "a part is Sql or plain text, not " + part.getClass().getSimpleName());
            }
        }
        return new Sql(checked, separator);
    }

    /** This part as one leaf: its parts' text and values, in order. */
    private Sql written() {
        if (parts == null) {
            return this;
        }
        Sql done = written;
        if (done == null) {
            StringBuilder text = new StringBuilder();
            List<Object> values = new ArrayList<>();
            write(text, values);
            done = new Sql(text.toString(), Collections.unmodifiableList(values));
            written = done;
        }
        return done;
    }

    private void write(StringBuilder text, List<Object> values) {
        if (parts == null) {
            text.append(this.text);
            values.addAll(this.values);
            return;
        }
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                text.append(separator);
            }
            if (parts[i] instanceof Sql sql) {
                sql.write(text, values);
            } else {
                text.append((String) parts[i]);
            }
        }
    }

    public String text() {
        return written().text;
    }

    /** The values, in the order of the placeholders they bind. */
    public List<Object> values() {
        return written().values;
    }

    public boolean isEmpty() {
        if (parts == null) {
            return text.isEmpty();
        }
        for (Object part : parts) {
            if (part instanceof Sql sql ? !sql.isEmpty() : !((String) part).isEmpty()) {
                return false;
            }
        }
        return parts.length < 2 || separator.isEmpty();
    }

    /**
     * The statement prepared on a connection with its values bound: a {@code String[]} as a varchar array, anything
     * else as JDBC maps it.
     */
    public PreparedStatement prepare(Connection c) throws SQLException {
        String text = text();
        List<Object> values = values();
        PreparedStatement statement = c.prepareStatement(text);
        try {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value instanceof String[] strings) {
                    statement.setArray(i + 1, c.createArrayOf("varchar", strings));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return text() + (values().isEmpty() ? "" : " " + values().stream().map(Sql::shown).toList());
    }

    private static String shown(Object value) {
        return value instanceof Object[] array ? Arrays.toString(array) : String.valueOf(value);
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
