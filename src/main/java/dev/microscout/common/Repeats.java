package dev.microscout.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Refuses a batch that names one item twice (a post id, a snapshot date): which of the two would win is unclear. */
public final class Repeats {

    private Repeats() {
    }

    /**
     * @param list  the batch's array name in the body, e.g. "posts"
     * @param field the member that must differ, e.g. "externalId"
     * @throws InvalidInput naming every repeat and the item it repeats
     */
    public static <T> void refuse(List<T> items, Function<T, ?> key, String list, String field) {
        List<FieldError> errors = new ArrayList<>();
        Map<Object, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Integer earlier = seen.putIfAbsent(key.apply(items.get(i)), i);
            if (earlier != null) {
                errors.add(new FieldError(list + "[" + i + "]." + field, "repeats " + list + "[" + earlier + "]"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
