package dev.microscout.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import java.io.IOException;

/**
 * Reads an integer field strictly: 4.5 is refused (400) where Jackson would silently cut it to 4, which for
 * a rating would store a different opinion than the one sent. 4.0 is accepted as 4.
 * Use with {@code @JsonDeserialize(using = WholeNumber.class)} on an Integer.
 */
public class WholeNumber extends StdDeserializer<Integer> {

    public WholeNumber() {
        super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return p.getIntValue();
        }
        if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = p.getDoubleValue();
            if (value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE) {
                return (int) value;
            }
            throw InvalidFormatException.from(p, "not a whole number", p.getNumberValue(), Integer.class);
        }
        return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
    }
}
