package dev.microscout.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Rules every JSON body obeys before any field's own constraints run, so a new field is covered without an
 * annotation: strings and map keys are text the database can store ({@link StorableText}); a double is finite
 * (1e400 would otherwise arrive as Infinity, and "NaN" as NaN) and 0 or at least 1e-300 in size (4.9e-324 stored in
 * a jsonb share failed every search that cast it to float8); a decimal has at most {@link #MAX_DECIMAL_DIGITS}
 * significant digits and an exponent within ±{@link #MAX_DECIMAL_EXPONENT} (1e-999999999 would otherwise pass a
 * range check and print a billion zeros in a reason); an integer field takes no number written with a decimal point
 * (1.5 would be cut to 1). Each failure is a 400 naming the field's JSON path.
 */
@Singleton
public class JsonInputRules implements ObjectMapperCustomizer {

    static final int MAX_DECIMAL_DIGITS = 40;
    static final int MAX_DECIMAL_EXPONENT = 40;
    /** Below this a double is subnormal or nearly so: PostgreSQL's float8 input refuses it as an underflow. */
    static final double MIN_DOUBLE = 1e-300;

    /** A value the rules refuse; {@link ProblemMapper} reports its message rather than the value. */
    public static final class Refused extends InvalidFormatException {
        Refused(JsonParser parser, String message, Object value, Class<?> type) {
            super(parser, message, value, type);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("microscout-json-input-rules");
        module.addDeserializer(String.class, new StorableString());
        module.addKeyDeserializer(String.class, new StorableKey());
        module.addDeserializer(Double.class, new FiniteDouble(Double.class, null));
        module.addDeserializer(Double.TYPE, new FiniteDouble(Double.TYPE, 0d));
        module.addDeserializer(BigDecimal.class, new BoundedDecimal());
        mapper.registerModule(module);
        // Jackson would cut 1.5 followers to 1 and store a count nobody sent.
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    static final class StorableString extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (!StorableText.isStorable(value)) {
                throw new Refused(p, StorableText.MESSAGE, value, String.class);
            }
            return value;
        }
    }

    static final class StorableKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            if (!StorableText.isStorable(key)) {
                throw new Refused(ctxt.getParser(), "has a key that " + StorableText.MESSAGE, key, String.class);
            }
            return key;
        }
    }

    static final class FiniteDouble extends NumberDeserializers.DoubleDeserializer {
        FiniteDouble(Class<Double> type, Double nullValue) {
            super(type, nullValue);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Double value = super.deserialize(p, ctxt);
            if (value != null && !Double.isFinite(value)) {
                throw new Refused(p, "must be a finite number (got " + Abbreviated.of(p.getText()) + ")", value, Double.class);
            }
            if (value != null && value != 0 && Math.abs(value) < MIN_DOUBLE) {
                throw new Refused(p, "must be 0 or at least 1e-300 in size (PostgreSQL cannot read back a number this close to 0)",
                        value, Double.class);
            }
            return value;
        }
    }

    static final class BoundedDecimal extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigDecimal value = super.deserialize(p, ctxt);
            if (value != null && value.signum() != 0) {
                BigDecimal stripped = value.stripTrailingZeros();
                long exponent = (long) stripped.precision() - stripped.scale() - 1;
                if (stripped.precision() > MAX_DECIMAL_DIGITS || Math.abs(exponent) > MAX_DECIMAL_EXPONENT) {
                    throw new Refused(p, "must be a number of at most " + MAX_DECIMAL_DIGITS
                            + " significant digits between 1e-" + MAX_DECIMAL_EXPONENT + " and 1e" + MAX_DECIMAL_EXPONENT
                            + " in size", null, BigDecimal.class);
                }
            }
            return value;
        }
    }
}
