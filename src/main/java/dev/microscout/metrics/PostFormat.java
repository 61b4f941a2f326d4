package dev.microscout.metrics;

/** The kind of content a post is. */
public enum PostFormat {
    PHOTO, CAROUSEL, VIDEO, REEL, SHORT, STORY, LIVE, TEXT;

    /**
     * Whether the post is watched rather than looked at, so that engagement per view means something.
     * STORY is not counted: a story may be a still picture, and its "views" are taps through a reel of
     * stories rather than a decision to watch.
     */
    public boolean isVideo() {
        return switch (this) {
            case VIDEO, REEL, SHORT, LIVE -> true;
            case PHOTO, CAROUSEL, STORY, TEXT -> false;
        };
    }
}
