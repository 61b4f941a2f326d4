package dev.microscout.reputation;

/** The four 1–5 ratings a brand gives a creator after a collaboration. */
public record ReviewRatings(int contentQuality, int professionalism, int timeliness, int communication) {

    public ReviewRatings {
        requireRating("contentQuality", contentQuality);
        requireRating("professionalism", professionalism);
        requireRating("timeliness", timeliness);
        requireRating("communication", communication);
    }

    /** The review's mean rating, 1–5: the four ratings count alike. */
    public double mean() {
        return (contentQuality + professionalism + timeliness + communication) / 4.0;
    }

    private static void requireRating(String name, int rating) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException(name + " must be between 1 and 5, got " + rating);
        }
    }
}
