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

    private final String text;
    private final List<Object> values;

    private Sql(String text, List<Object> values) {
        this.text = text;
        this.values = values;
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
        List<Object> pieces = new ArrayList<>(2 * parts.length + 1);
        int from = 0;
        for (Object part : parts) {
            int at = template.indexOf("%s", from);
            if (at < 0) {
                throw new IllegalArgumentException("more parts than %s markers in " + abbreviated(template));
            }
            pieces.add(template.substring(from, at));
            pieces.add(part);
            from = at + 2;
        }
        String rest = template.substring(from);
        if (rest.contains("%s")) {
            throw new IllegalArgumentException("fewer parts than %s markers in " + abbreviated(template));
        }
        pieces.add(rest);
        return concat(pieces, "");
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
        StringBuilder text = new StringBuilder();
        List<Object> values = new ArrayList<>();
        boolean first = true;
        for (Object part : parts) {
            if (!first) {
                text.append(separator);
            }
            first = false;
            Sql sql;
            if (part instanceof Sql s) {
                sql = s;
            } else if (part instanceof String s) {
                sql = text(s);
            } else {
                throw new IllegalArgumentException(part == null ? "a missing part (null)"
                        : "a part is Sql or plain text, not " + part.getClass().getSimpleName());
            }
            text.append(sql.text);
            values.addAll(sql.values);
        }
        return new Sql(text.toString(), Collections.unmodifiableList(values));
    }

    public String text() {
        return text;
    }

    /** The values, in the order of the placeholders they bind. */
    public List<Object> values() {
        return values;
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /**
     * The statement prepared on a connection with its values bound: a {@code String[]} as a varchar array, anything
     * else as JDBC maps it.
     */
    public PreparedStatement prepare(Connection c) throws SQLException {
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
        return text + (values.isEmpty() ? "" : " " + values.stream().map(Sql::shown).toList());
    }

    private static String shown(Object value) {
        return value instanceof Object[] array ? Arrays.toString(array) : String.valueOf(value);
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
