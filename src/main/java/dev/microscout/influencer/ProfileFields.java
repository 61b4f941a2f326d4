package dev.microscout.influencer;

import java.util.List;

/** The editable profile of an influencer, shared by the create and update bodies. */
public interface ProfileFields {
    String displayName();

    String bio();

    String country();

    String city();

    List<String> languages();

    String contactEmail();

    List<NicheWeight> niches();

    RateCard rateCard();
}
