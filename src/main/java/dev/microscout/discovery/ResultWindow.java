package dev.microscout.discovery;

import dev.microscout.common.InvalidInput;

/**
 * The slice of a ranking one page reads. Pages reach the top {@value #MAX_RESULTS} results of a brief and no
 * further: no brand reads past them, and no request may rank the whole catalogue. The last page that reaches
 * the limit is cut at it.
 *
 * @param offset the rank (from 0) of the page's first result
 * @param fetch  how many results the page holds at most: its size, or less where it meets the limit
 */
public record ResultWindow(int page, int size, int offset, int fetch) {

    public static final int MAX_RESULTS = 1000;
    public static final int DEFAULT_SIZE = 20;

    public static ResultWindow of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        long offset = (long) p * s;
        if (offset >= MAX_RESULTS) {
            throw new InvalidInput("page", "reaches past the top " + MAX_RESULTS + " results of a brief, the furthest a search "
                    + "pages (page " + p + " × size " + s + " = " + offset + "; page × size must be below " + MAX_RESULTS + ")");
        }
        return new ResultWindow(p, s, (int) offset, (int) Math.min(s, MAX_RESULTS - offset));
    }
}
