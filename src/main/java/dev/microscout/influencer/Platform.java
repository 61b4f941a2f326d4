package dev.microscout.influencer;

/** Social platforms a channel can live on. */
public enum Platform {
    INSTAGRAM, TIKTOK, YOUTUBE, X, FACEBOOK
}
