package dev.microscout.metrics;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Scores how real a channel's audience and engagement look: 100, minus a penalty for each signal found,
 * never below 0. Each signal names its evidence.
 *
 * <h2>Signals and default penalties</h2>
 * <ul>
 * <li>{@link AuthenticityCheck#FOLLOWER_JUMP} ({@value #FOLLOWER_JUMP_PENALTY}): a daily follower increase
 *     larger than both {@value #JUMP_VS_USUAL_CHANGE} × the median absolute daily change and 2 % of the
 *     followers the channel had before the jump. Consecutive snapshots n days apart give one daily change,
 *     their difference / n. Only the largest jump is reported.</li>
 * <li>{@link AuthenticityCheck#LOW_ENGAGEMENT_VS_PEERS} ({@value #LOW_ENGAGEMENT_VS_PEERS_PENALTY}):
 *     engagement rate below a quarter of the peer median.</li>
 * <li>{@link AuthenticityCheck#ENGAGEMENT_OUTLIER_FEW_COMMENTS} ({@value #ENGAGEMENT_OUTLIER_PENALTY}):
 *     engagement rate above {@value #OUTLIER_VS_PEERS} × the peer median while comments are below 0.5 % of
 *     likes over the window.</li>
 * <li>{@link AuthenticityCheck#BOUGHT_LIKES} ({@value #BOUGHT_LIKES_PENALTY}): comments below 0.2 % of likes
 *     over the window.</li>
 * <li>{@link AuthenticityCheck#COMMENT_PODS} ({@value #COMMENT_PODS_PENALTY}): comments above 50 % of likes
 *     over the window.</li>
 * <li>{@link AuthenticityCheck#FOLLOWS_MORE_THAN_FOLLOWED} ({@value #FOLLOWS_MORE_THAN_FOLLOWED_PENALTY}):
 *     following more accounts than follow the channel, on a channel of at least
 *     {@value #FOLLOW_BACK_MIN_FOLLOWERS} followers.</li>
 * </ul>
 * Every threshold is strict as the contract words it: a value right at a threshold raises no signal.
 * The defaults can take off at most 85 points, since the two peer checks and the two comment/like checks
 * exclude each other; the floor at 0 matters for heavier penalties given to
 * {@link #AuthenticityAnalyzer(Map)}.
 *
 * <h2>Missing data</h2>
 * A check without the data it needs is skipped, listed in {@link Authenticity#skipped()} with the reason,
 * and costs nothing: fewer than two follower snapshots skip the jump check; a sample too small skips the
 * four engagement checks; an unknown engagement rate or peer median skips the two peer checks; no likes in
 * the window skip the two comment/like checks.
 */
public final class AuthenticityAnalyzer {

    public static final int FOLLOWER_JUMP_PENALTY = 30;
    public static final int LOW_ENGAGEMENT_VS_PEERS_PENALTY = 15;
    public static final int ENGAGEMENT_OUTLIER_PENALTY = 25;
    public static final int BOUGHT_LIKES_PENALTY = 20;
    public static final int COMMENT_PODS_PENALTY = 15;
    public static final int FOLLOWS_MORE_THAN_FOLLOWED_PENALTY = 10;

    public static final int JUMP_VS_USUAL_CHANGE = 5;
    public static final int OUTLIER_VS_PEERS = 5;
    public static final long FOLLOW_BACK_MIN_FOLLOWERS = 1_000;

    private static final int MAX_SCORE = 100;

    private final Map<AuthenticityCheck, Integer> penalties = new EnumMap<>(AuthenticityCheck.class);

    /** An analyzer with the default penalties. */
    public AuthenticityAnalyzer() {
        this(Map.of());
    }

    /** An analyzer whose penalties are the defaults, replaced by those given (each 0–100). */
    public AuthenticityAnalyzer(Map<AuthenticityCheck, Integer> penaltyOverrides) {
        for (AuthenticityCheck check : AuthenticityCheck.values()) {
            int penalty = penaltyOverrides.getOrDefault(check, defaultPenalty(check));
            if (penalty < 0 || penalty > MAX_SCORE) {
                throw new IllegalArgumentException("penalty of " + check + " must be 0–100, got " + penalty);
            }
            penalties.put(check, penalty);
        }
    }

    public static int defaultPenalty(AuthenticityCheck check) {
        return switch (check) {
            case FOLLOWER_JUMP -> FOLLOWER_JUMP_PENALTY;
            case LOW_ENGAGEMENT_VS_PEERS -> LOW_ENGAGEMENT_VS_PEERS_PENALTY;
            case ENGAGEMENT_OUTLIER_FEW_COMMENTS -> ENGAGEMENT_OUTLIER_PENALTY;
            case BOUGHT_LIKES -> BOUGHT_LIKES_PENALTY;
            case COMMENT_PODS -> COMMENT_PODS_PENALTY;
            case FOLLOWS_MORE_THAN_FOLLOWED -> FOLLOWS_MORE_THAN_FOLLOWED_PENALTY;
        };
    }

    public int penaltyOf(AuthenticityCheck check) {
        return penalties.get(check);
    }

    public Authenticity analyze(AuthenticityInput in) {
        Objects.requireNonNull(in, "in");
        Findings findings = new Findings();
        checkFollowerJump(in, findings);
        checkEngagementAgainstPeers(in, findings);
        checkCommentsPerLike(in, findings);
        checkFollowBack(in, findings);
        int penalty = findings.signals.stream().mapToInt(AuthenticitySignal::penalty).sum();
        return new Authenticity(Math.max(0, MAX_SCORE - penalty), findings.signals, findings.skipped);
    }

    private void checkFollowerJump(AuthenticityInput in, Findings findings) {
        TreeMap<LocalDate, Long> byDate = new TreeMap<>();
        in.snapshots().forEach(s -> byDate.put(s.date(), s.followers()));
        if (byDate.size() < 2) {
            findings.skip(AuthenticityCheck.FOLLOWER_JUMP, "fewer than two follower snapshots");
            return;
        }
        List<FollowerChange> changes = new ArrayList<>();
        Map.Entry<LocalDate, Long> previous = null;
        for (Map.Entry<LocalDate, Long> current : byDate.entrySet()) {
            if (previous != null) {
                changes.add(new FollowerChange(previous.getKey(), current.getKey(), previous.getValue(),
                        current.getValue() - previous.getValue()));
            }
            previous = current;
        }
        double usual = Median.of(changes.stream().mapToDouble(c -> Math.abs(c.perDay())).toArray());
        changes.stream()
                // "2 % of followers" as before / 50, which stays exact where 0.02 × before would not
                .filter(c -> c.perDay() > JUMP_VS_USUAL_CHANGE * usual && c.perDay() > c.before() / 50.0)
                .max(Comparator.comparingDouble(FollowerChange::perDay))
                .ifPresent(jump -> findings.signal(AuthenticityCheck.FOLLOWER_JUMP, jumpReason(jump, usual)));
    }

    private static String jumpReason(FollowerChange jump, double usual) {
        String when = jump.days() == 1
                ? "on " + jump.to()
                : "between " + jump.from() + " and " + jump.to() + " (" + number(jump.perDay()) + " a day)";
        String comparison = usual > 0
                ? number(jump.perDay() / usual) + "× the usual daily change of " + number(usual)
                : "while the usual daily change is 0";
        return "Followers jumped by " + number(jump.change()) + " " + when + ", " + comparison;
    }

    private void checkEngagementAgainstPeers(AuthenticityInput in, Findings findings) {
        String missing = in.sampleTooSmall() ? "too few posts in the window"
                : in.engagementRate() == null ? "no engagement rate"
                : in.peerMedianEngagementRate() == null ? "no peer median for the channel's platform and tier"
                : null;
        if (missing != null) {
            findings.skip(AuthenticityCheck.LOW_ENGAGEMENT_VS_PEERS, missing);
            findings.skip(AuthenticityCheck.ENGAGEMENT_OUTLIER_FEW_COMMENTS, missing);
            return;
        }
        double rate = in.engagementRate();
        double peers = in.peerMedianEngagementRate();
        if (rate < peers / 4) {
            findings.signal(AuthenticityCheck.LOW_ENGAGEMENT_VS_PEERS, "Engagement rate " + percent(rate)
                    + " is below a quarter of the peer median of " + percent(peers));
        }
        // comments below 0.5 % of likes: comments × 200 < likes, in whole numbers
        if (rate > OUTLIER_VS_PEERS * peers && in.commentsInWindow() * 200 < in.likesInWindow()) {
            findings.signal(AuthenticityCheck.ENGAGEMENT_OUTLIER_FEW_COMMENTS, "Engagement rate " + percent(rate)
                    + " is over " + OUTLIER_VS_PEERS + "× the peer median of " + percent(peers)
                    + ", yet comments are only " + commentsPerLike(in) + " of likes " + commentsAndLikes(in));
        }
    }

    private void checkCommentsPerLike(AuthenticityInput in, Findings findings) {
        String missing = in.sampleTooSmall() ? "too few posts in the window"
                : in.likesInWindow() == 0 ? "no likes in the window"
                : null;
        if (missing != null) {
            findings.skip(AuthenticityCheck.BOUGHT_LIKES, missing);
            findings.skip(AuthenticityCheck.COMMENT_PODS, missing);
            return;
        }
        // below 0.2 %: comments × 500 < likes; above 50 %: comments × 2 > likes
        if (in.commentsInWindow() * 500 < in.likesInWindow()) {
            findings.signal(AuthenticityCheck.BOUGHT_LIKES, "Comments are only " + commentsPerLike(in)
                    + " of likes over the window " + commentsAndLikes(in) + ", below 0.2 %");
        }
        if (in.commentsInWindow() * 2 > in.likesInWindow()) {
            findings.signal(AuthenticityCheck.COMMENT_PODS, "Comments are " + commentsPerLike(in)
                    + " of likes over the window " + commentsAndLikes(in) + ", above 50 %");
        }
    }

    private void checkFollowBack(AuthenticityInput in, Findings findings) {
        if (in.followers() >= FOLLOW_BACK_MIN_FOLLOWERS && in.following() > in.followers()) {
            findings.signal(AuthenticityCheck.FOLLOWS_MORE_THAN_FOLLOWED, "Follows " + number(in.following())
                    + " accounts while " + number(in.followers()) + " follow it");
        }
    }

    private static String commentsPerLike(AuthenticityInput in) {
        return percent((double) in.commentsInWindow() / in.likesInWindow());
    }

    private static String commentsAndLikes(AuthenticityInput in) {
        return "(" + number(in.commentsInWindow()) + " comments, " + number(in.likesInWindow()) + " likes)";
    }

    /** 12400 → "12,400"; 412.5 → "412.5". */
    private static String number(double value) {
        return new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    /** 0.001 → "0.1 %"; a second decimal only where it is not 0, so that 0.15 % is not shown as 0.2 %. */
    private static String percent(double fraction) {
        return new DecimalFormat("#,##0.0#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(fraction * 100)
                + " %";
    }

    private record FollowerChange(LocalDate from, LocalDate to, long before, long change) {

        long days() {
            return ChronoUnit.DAYS.between(from, to);
        }

        double perDay() {
            return (double) change / days();
        }
    }

    private final class Findings {
        private final List<AuthenticitySignal> signals = new ArrayList<>();
        private final List<SkippedCheck> skipped = new ArrayList<>();

        void signal(AuthenticityCheck check, String reason) {
            signals.add(new AuthenticitySignal(check, penaltyOf(check), reason));
        }

        void skip(AuthenticityCheck check, String reason) {
            skipped.add(new SkippedCheck(check, reason));
        }
    }
}
