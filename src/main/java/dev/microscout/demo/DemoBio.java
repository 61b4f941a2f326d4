package dev.microscout.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** A creator's bio: the main niche in plain words, the other niches, the city, and a few hashtags. */
final class DemoBio {

    private static final List<String> ALSO = List.of("Also posting about %s.", "Sometimes %s too.",
            "Plus %s on weekends.", "Side topics: %s.");
    private static final List<String> HOME = List.of("Based in %s.", "From %s.", "Living in %s.");
    private static final List<String> CONTACT = List.of("Collabs: see email.", "Open for collaborations, email me.",
            "Business enquiries by email.");

    private DemoBio() {
    }

    static String of(SplittableRandom random, List<DemoNiche> niches, DemoCountry country, String city,
                     boolean hasEmail) {
        DemoNiche main = niches.get(0);
        StringBuilder bio = new StringBuilder(DemoPerson.pickOne(random, main.lines())).append('.');
        if (niches.size() > 1) {
            List<String> topics = niches.subList(1, niches.size()).stream().map(DemoNiche::topic).toList();
            bio.append(' ').append(String.format(DemoPerson.pickOne(random, ALSO), String.join(" and ", topics)));
        }
        bio.append(' ').append(String.format(DemoPerson.pickOne(random, HOME), city));
        if (hasEmail && random.nextDouble() < 0.6) {
            bio.append(' ').append(DemoPerson.pickOne(random, CONTACT));
        }
        return bio.append(' ').append(String.join(" ", hashtags(random, niches, country))).toString();
    }

    static List<String> hashtags(SplittableRandom random, List<DemoNiche> niches, DemoCountry country) {
        DemoNiche main = niches.get(0);
        Set<String> tags = new LinkedHashSet<>();
        tags.add(main.hashtags().get(0));
        tags.add(DemoPerson.pickOne(random, main.hashtags()));
        if (random.nextDouble() < 0.5) {
            tags.add(main.hashtags().get(0) + country.tag());
        }
        if (niches.size() > 1) {
            tags.add(DemoPerson.pickOne(random, niches.get(1).hashtags()));
        }
        List<String> result = new ArrayList<>();
        tags.forEach(tag -> result.add("#" + tag));
        return result;
    }
}
