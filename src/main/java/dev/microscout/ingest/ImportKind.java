package dev.microscout.ingest;

import dev.microscout.influencer.CatalogueLine;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a file holds, with the columns the importer reads for it (the export writes the influencers' ones). */
public enum ImportKind {

    INFLUENCERS(CatalogueLine.COLUMNS, List.of(List.of("displayName"), List.of("country"), List.of("platform"), List.of("handle"),
            List.of("followers"))),
    POSTS(List.of("channelId", "platform", "handle", "externalId", "postedAt", "format", "sponsored", "views", "reach", "likes",
            "comments", "saves", "shares", "linkClicks", "dms", "mentions", "tags"),
            List.of(List.of("channelId", "handle"), List.of("externalId"), List.of("postedAt"), List.of("format"), List.of("likes"),
                    List.of("comments"))),
    SNAPSHOTS(List.of("channelId", "platform", "handle", "date", "followers"),
            List.of(List.of("channelId", "handle"), List.of("date"), List.of("followers"))),
    /** What contracted creators' posts delivered to one of the organisation's campaigns (POST …/campaigns/{id}/results). */
    RESULTS(List.of("campaignId", "influencerId", "post", "postedOn", "views", "reach", "likes", "comments", "saves", "shares",
            "linkClicks", "dms", "conversions", "costAmount", "costCurrency"),
            List.of(List.of("campaignId"), List.of("influencerId"), List.of("post"), List.of("views"), List.of("reach"),
                    List.of("likes"), List.of("comments"), List.of("saves"), List.of("shares"), List.of("linkClicks"),
                    List.of("dms"), List.of("conversions"), List.of("costAmount"), List.of("costCurrency")));

    private final List<String> columns;
    /** Each inner list: columns of which a CSV header must have at least one (a channel is named by id or by handle). */
    private final List<List<String>> required;

    ImportKind(List<String> columns, List<List<String>> required) {
        this.columns = columns;
        this.required = required;
    }

    public List<String> columns() {
        return columns;
    }

    public boolean reads(String column) {
        return columns.contains(column);
    }

    /** The required columns a header lacks, each as "a" or "a or b". */
    List<String> missingFrom(Set<String> header) {
        return required.stream().filter(any -> any.stream().noneMatch(header::contains))
                .map(any -> String.join(" or ", any)).toList();
    }

    /** The query value: influencers, posts, snapshots or results. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ImportKind of(String value) {
        for (ImportKind kind : values()) {
            if (kind.value().equals(value)) {
                return kind;
            }
        }
        return null;
    }
}
