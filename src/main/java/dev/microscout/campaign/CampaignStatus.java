package dev.microscout.campaign;

import java.util.Map;
import java.util.Set;

/** A campaign's course: DRAFT → ACTIVE → DONE, or CANCELLED from DRAFT or ACTIVE. */
public enum CampaignStatus {
    DRAFT, ACTIVE, DONE, CANCELLED;

    private static final Map<CampaignStatus, Set<CampaignStatus>> NEXT = Map.of(
            DRAFT, Set.of(ACTIVE, CANCELLED),
            ACTIVE, Set.of(DONE, CANCELLED),
            DONE, Set.of(),
            CANCELLED, Set.of());

    public boolean canBecome(CampaignStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The statuses this one may change to, for the error that refuses another. */
    public Set<CampaignStatus> next() {
        return NEXT.get(this);
    }
}
