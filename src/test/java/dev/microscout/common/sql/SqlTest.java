package dev.microscout.common.sql;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statement parts without a database: each part's text and values stay together however they are put together. */
class SqlTest {

    @Test
    void aPartMovedElsewhereTakesItsValuesAlong() {
        Sql tier = Sql.of("s.tier = ", Sql.value("MICRO"));
        Sql followers = Sql.of("s.followers >= ", Sql.value(1000L));
        Sql country = Sql.of("s.country = ", Sql.value("ID"));

        Sql one = Sql.and(List.of(tier, followers, country));
        Sql other = Sql.and(List.of(country, tier, followers));

        assertEquals("s.tier = ? and s.followers >= ? and s.country = ?", one.text());
        assertEquals(List.of("MICRO", 1000L, "ID"), one.values());
        assertEquals("s.country = ? and s.tier = ? and s.followers >= ?", other.text());
        assertEquals(List.of("ID", "MICRO", 1000L), other.values());
    }

    @Test
    void nestedPartsBindInTheOrderTheirPlaceholdersAppear() {
        Sql inner = Sql.of("select id from t where a = ", Sql.value(1), " and b = ", Sql.value(2));
        Sql outer = Sql.template("with x as (%s) select * from x where c = %s limit %s", inner, Sql.value(3), Sql.number(20));

        assertEquals("with x as (select id from t where a = ? and b = ?) select * from x where c = ? limit 20", outer.text());
        assertEquals(List.of(1, 2, 3), outer.values());
        assertEquals(List.of(1, 2, 3, 4), outer.append(" and d = ", Sql.value(4)).values());
    }

    @Test
    void aPlaceholderComesOnlyWithItsValue() {
        assertThrows(IllegalArgumentException.class, () -> Sql.text("s.tier = ?"));
        assertThrows(IllegalArgumentException.class, () -> Sql.of("s.tier = ?", Sql.value("MICRO")));
        assertThrows(IllegalArgumentException.class, () -> Sql.template("a = %s and b = ?", Sql.value(1)));
        assertThrows(IllegalArgumentException.class, () -> Sql.join(" ? ", List.of(Sql.text("a"), Sql.text("b"))));
    }

    @Test
    void aTemplateNeedsOnePartPerMarker() {
        assertThrows(IllegalArgumentException.class, () -> Sql.template("a = %s and b = %s", Sql.value(1)));
        assertThrows(IllegalArgumentException.class, () -> Sql.template("a = %s", Sql.value(1), Sql.value(2)));
    }

    @Test
    void partsAreSqlOrPlainText() {
        assertThrows(IllegalArgumentException.class, () -> Sql.of("limit ", 20));
        assertThrows(IllegalArgumentException.class, () -> Sql.of("a", null));
    }

    @Test
    void valuesCarryTheirCast() {
        Sql weight = Sql.value(0.4, "float8");
        Sql languages = Sql.value(new String[]{"id"}, "varchar[]");

        assertEquals("?::float8", weight.text());
        assertEquals("?::varchar[]", languages.text());
        assertThrows(IllegalArgumentException.class, () -> Sql.value(1, "float8) or (1=1"));
    }

    @Test
    void onlyPlainNamesPassAsIdentifiers() {
        assertEquals("search_entry", Sql.identifier("search_entry").text());
        assertEquals("shard_sim.search_entry_03", Sql.identifier("shard_sim.search_entry_03").text());
        for (String bad : new String[]{"search_entry s; drop table x", "Search_entry", "\"search_entry\"", "a.b.c", "1table", "",
                "x".repeat(64)}) {
            assertThrows(IllegalArgumentException.class, () -> Sql.identifier(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Sql.identifier(null));
    }

    @Test
    void literalsAreQuotedAndNeverHoldAPlaceholder() {
        assertEquals("'ID'", Sql.literal("ID").text());
        assertEquals("'O''Brien'", Sql.literal("O'Brien").text());
        assertEquals("'ID', 'MY'", Sql.literals(List.of("ID", "MY")).text());
        assertEquals(List.of(), Sql.literal("ID").values());
        assertThrows(IllegalArgumentException.class, () -> Sql.literal("what?"));
        assertThrows(IllegalArgumentException.class, () -> Sql.literal("a\0b"));
    }

    @Test
    void numbersAreWrittenAsThemselves() {
        assertEquals("15000.50", Sql.number(new BigDecimal("1.500050E+4")).text());
        assertEquals("-1", Sql.number(-1).text());
    }

    @Test
    void emptyPartsAddNothing() {
        Sql joined = Sql.join(", ", List.of());

        assertEquals("", joined.text());
        assertEquals("a = ?", Sql.of(Sql.EMPTY, "a = ", Sql.value(1), Sql.EMPTY).text());
        assertEquals(List.of(), Sql.EMPTY.values());
        assertTrue(Sql.of(Sql.EMPTY, "", Sql.of(Sql.EMPTY)).isEmpty());
        // A separator between two empty parts is text.
        assertFalse(Sql.join(", ", List.of(Sql.EMPTY, Sql.EMPTY)).isEmpty());
        assertFalse(Sql.of(Sql.EMPTY, Sql.value(1)).isEmpty());
    }

    @Test
    void aPartReadTwiceReadsTheSame() {
        Sql part = Sql.template("a = %s and b in (%s)", Sql.value(1), Sql.join(", ", List.of(Sql.value(2), Sql.value(3))));
        Sql twice = Sql.of(part, " or ", part);

        assertEquals("a = ? and b in (?, ?) or a = ? and b in (?, ?)", twice.text());
        assertEquals(List.of(1, 2, 3, 1, 2, 3), twice.values());
        assertEquals(part.text(), Sql.template("a = %s and b in (%s)", Sql.value(1), Sql.of(Sql.value(2), ", ", Sql.value(3))).text());
    }
}
