package dev.microscout.common;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Converts numeric, boolean and enum parameters so that a bad value is a 400 naming the parameter, not a 404. */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, Integer::valueOf, "must be a whole number");
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, Long::valueOf, "must be a whole number");
        }
        if (rawType == Double.class || rawType == double.class) {
            return (ParamConverter<T>) converter(name, ParameterConverters::finite, "must be a finite number");
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            // Not Boolean.valueOf, which reads "yes" or "ture" as false without a word.
            return (ParamConverter<T>) converter(name, ParameterConverters::strictBoolean, "must be true or false");
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> enumType = (Class<? extends Enum>) rawType;
            String choices = Arrays.stream(enumType.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return (ParamConverter<T>) converter(name,
                    raw -> Enum.valueOf(enumType, raw.trim().toUpperCase(Locale.ROOT)),
                    "must be one of " + choices);
        }
        return null;
    }

    private static Boolean strictBoolean(String raw) {
        if (raw.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (raw.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(raw);
    }

    private static Double finite(String raw) {
        double value = Double.parseDouble(raw);
        if (!Double.isFinite(value)) {
            throw new NumberFormatException(raw);
        }
        return value;
    }

    private static <V> ParamConverter<V> converter(String name, Function<String, V> parse, String message) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.trim());
                } catch (IllegalArgumentException e) {
                    throw new BadParameter(name, message + " (got \"" + Abbreviated.of(value) + "\")");
                }
            }

            @Override
            public String toString(V value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String parameterName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam q) {
                return q.value();
            }
            if (annotation instanceof PathParam p) {
                return p.value();
            }
            if (annotation instanceof HeaderParam h) {
                return h.value();
            }
        }
        return null;
    }
}
