package dev.microscout.reputation;

/** How badly a brand-safety incident weighs on reputation while it is unresolved and recent. */
public enum IncidentSeverity {
    LOW(0.1), MEDIUM(0.25), HIGH(0.5);

    private final double penalty;

    IncidentSeverity(double penalty) {
        this.penalty = penalty;
    }

    /** What one unresolved incident of the last 24 months takes off the 0–1 reputation. */
    public double penalty() {
        return penalty;
    }
}
