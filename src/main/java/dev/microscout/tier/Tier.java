package dev.microscout.tier;

/** Follower tiers, smallest first. */
public enum Tier {
    NANO, MICRO, MACRO
}
