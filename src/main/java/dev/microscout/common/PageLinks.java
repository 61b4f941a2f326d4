package dev.microscout.common;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.List;

/** RFC 8288 Link headers (first, prev, next, last) for a page of a listing; page numbers start at 0. */
public final class PageLinks {
    private PageLinks() {
    }

    /** One Link header value with every relation, comma-separated as RFC 8288 allows. */
    public static String header(UriInfo uri, int page, int size, long total) {
        return java.util.Arrays.stream(of(uri, page, size, total)).map(Link::toString)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public static Link[] of(UriInfo uri, int page, int size, long total) {
        long lastPage = total == 0 ? 0 : (total - 1) / size;
        List<Link> links = new ArrayList<>();
        links.add(link(uri, 0, size, "first"));
        if (page > 0) {
            links.add(link(uri, Math.min(page - 1, lastPage), size, "prev"));
        }
        if (page < lastPage) {
            links.add(link(uri, page + 1, size, "next"));
        }
        links.add(link(uri, lastPage, size, "last"));
        return links.toArray(Link[]::new);
    }

    private static Link link(UriInfo uri, long page, int size, String rel) {
        return Link.fromUriBuilder(uri.getRequestUriBuilder()
                        .replaceQueryParam("page", page)
                        .replaceQueryParam("size", size))
                .rel(rel).build();
    }
}
