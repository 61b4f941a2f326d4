package dev.microscout.campaign;

/** Where a shortlisted creator stands: SHORTLISTED → CONTACTED → CONTRACTED, or REJECTED at any point before contract. */
public enum ShortlistStatus {
    SHORTLISTED, CONTACTED, CONTRACTED, REJECTED;

    /** Forward along the course, or to REJECTED before a contract; a contract is not undone here. */
    public boolean canBecome(ShortlistStatus next) {
        if (next == this) {
            return true;
        }
        return switch (this) {
            case SHORTLISTED -> next == CONTACTED || next == CONTRACTED || next == REJECTED;
            case CONTACTED -> next == CONTRACTED || next == REJECTED;
            case REJECTED -> next == SHORTLISTED;
            case CONTRACTED -> false;
        };
    }
}
