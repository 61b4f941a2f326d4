package dev.microscout.influencer;

/** Social platforms a channel can live on. */
public enum Platform {
    INSTAGRAM("Instagram"), TIKTOK("TikTok"), YOUTUBE("YouTube"), X("X"), FACEBOOK("Facebook");

    private final String displayName;

    Platform(String displayName) {
        this.displayName = displayName;
    }

    /** The platform's own spelling, for reasons written in plain words. */
    public String displayName() {
        return displayName;
    }
}
