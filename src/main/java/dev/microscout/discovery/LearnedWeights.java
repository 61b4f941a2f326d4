package dev.microscout.discovery;

/**
 * The weights a caller's finished campaigns suggest, for a brief that asks for {@code "weights": "learned"}. Kept by
 * the campaign feature; the search asks it and knows nothing else of campaigns.
 */
public interface LearnedWeights {

    /**
     * @param weights the suggested weights, or null when there is not enough to learn from (the defaults apply)
     * @param note    what the answer says of them, in plain words
     */
    record Learned(ScoreWeights.Requested weights, String note) {
    }

    Learned forCaller();
}
