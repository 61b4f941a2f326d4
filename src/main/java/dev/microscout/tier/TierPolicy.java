package dev.microscout.tier;

/**
 * Sorts a follower count into a tier: NANO below {@code microMin}, MICRO from {@code microMin} to
 * {@code microMax} inclusive, MACRO above {@code microMax}.
 */
public final class TierPolicy {

    private final long microMin;
    private final long microMax;

    public TierPolicy(long microMin, long microMax) {
        if (microMin < 1) {
            throw new IllegalArgumentException("microscout.tiers.micro-min must be at least 1, got " + microMin);
        }
        if (microMax < microMin) {
            throw new IllegalArgumentException("microscout.tiers.micro-max (" + microMax
                    + ") must not be below microscout.tiers.micro-min (" + microMin + ")");
        }
        this.microMin = microMin;
        this.microMax = microMax;
    }

    public Tier classify(long followers) {
        if (followers < 0) {
            throw new IllegalArgumentException("followers must be >= 0, got " + followers);
        }
        if (followers < microMin) {
            return Tier.NANO;
        }
        return followers <= microMax ? Tier.MICRO : Tier.MACRO;
    }

    /** Smallest follower count of the tier. */
    public long minFollowers(Tier tier) {
        return switch (tier) {
            case NANO -> 0;
            case MICRO -> microMin;
            case MACRO -> microMax + 1;
        };
    }

    /** Largest follower count of the tier, or null when the tier has no upper bound. */
    public Long maxFollowers(Tier tier) {
        return switch (tier) {
            case NANO -> microMin - 1;
            case MICRO -> microMax;
            case MACRO -> null;
        };
    }
}
