package dev.microscout.common.sql;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopyRowsTest {

    @Test
    void textIsEscapedSoThatTabsLineEndsAndBackslashesStayInTheirField() {
        CopyRows rows = new CopyRows().text("a\tb").text("line one\nline two\r").text("C:\\bio").end();
        assertEquals("a\\tb\tline one\\nline two\\r\tC:\\\\bio\n", rows.toString());
    }

    @Test
    void nullIsBackslashNAndEachRowStartsAfresh() {
        UUID id = UUID.fromString("0b6f1c1e-3a43-4d1b-9b7a-2f7e8f3f2a10");
        CopyRows rows = new CopyRows();
        assertTrue(rows.isEmpty());
        rows.value(id).text(null).value(true).end().value(42L).value(null).value(false).end();
        assertFalse(rows.isEmpty());
        assertEquals(id + "\t\\N\tt\n42\t\\N\tf\n", rows.toString());
    }

    @Test
    void aTextThatSpellsNullIsTextNotNull() {
        // "\N" typed by a user is a backslash and an N, written escaped, not COPY's null marker.
        assertEquals("\\\\N\n", new CopyRows().text("\\N").end().toString());
    }
}
