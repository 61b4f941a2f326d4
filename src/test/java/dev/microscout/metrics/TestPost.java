package dev.microscout.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Builds a {@link PostSample} relative to {@link #NOW}; every count not set is 0, views and reach unknown. */
final class TestPost {

    static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");

    private final Instant postedAt;
    private PostFormat format = PostFormat.PHOTO;
    private boolean sponsored;
    private Long views;
    private Long reach;
    private long likes;
    private long comments;
    private long saves;
    private long shares;
    private long linkClicks;
    private long dms;
    private long mentions;

    private TestPost(Instant postedAt) {
        this.postedAt = postedAt;
    }

    static TestPost daysAgo(long days) {
        return new TestPost(NOW.minus(Duration.ofDays(days)));
    }

    static TestPost at(Instant postedAt) {
        return new TestPost(postedAt);
    }

    static List<PostSample> posts(TestPost... posts) {
        return Arrays.stream(posts).map(TestPost::build).toList();
    }

    TestPost format(PostFormat format) {
        this.format = format;
        return this;
    }

    TestPost sponsored() {
        this.sponsored = true;
        return this;
    }

    TestPost views(Long views) {
        this.views = views;
        return this;
    }

    TestPost reach(Long reach) {
        this.reach = reach;
        return this;
    }

    TestPost likes(long likes) {
        this.likes = likes;
        return this;
    }

    TestPost comments(long comments) {
        this.comments = comments;
        return this;
    }

    TestPost saves(long saves) {
        this.saves = saves;
        return this;
    }

    TestPost shares(long shares) {
        this.shares = shares;
        return this;
    }

    TestPost linkClicks(long linkClicks) {
        this.linkClicks = linkClicks;
        return this;
    }

    TestPost dms(long dms) {
        this.dms = dms;
        return this;
    }

    TestPost mentions(long mentions) {
        this.mentions = mentions;
        return this;
    }

    PostSample build() {
        return new PostSample(postedAt, format, sponsored, views, reach, likes, comments, saves, shares,
                linkClicks, dms, mentions);
    }
}
