package dev.microscout.metrics;

/** The signs of bought audience or engagement that {@link AuthenticityAnalyzer} looks for. */
public enum AuthenticityCheck {
    FOLLOWER_JUMP,
    LOW_ENGAGEMENT_VS_PEERS,
    ENGAGEMENT_OUTLIER_FEW_COMMENTS,
    BOUGHT_LIKES,
    COMMENT_PODS,
    FOLLOWS_MORE_THAN_FOLLOWED
}
