package dev.microscout.influencer;

import dev.microscout.common.FieldError;
import dev.microscout.niche.NicheTaxonomy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Rules that need more than one field or the taxonomy: checked after Bean Validation, before any write. */
final class CatalogueRules {
    private CatalogueRules() {
    }

    static String normaliseHandle(String handle) {
        String trimmed = handle.trim();
        return trimmed.startsWith("@") ? trimmed.substring(1) : trimmed;
    }

    static List<FieldError> checkProfile(ProfileFields profile, NicheTaxonomy taxonomy) {
        List<FieldError> errors = new ArrayList<>();
        if (profile.niches() != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < profile.niches().size(); i++) {
                NicheWeight nw = profile.niches().get(i);
                if (nw == null || nw.niche() == null) {
                    continue;
                }
                String field = "niches[" + i + "].niche";
                if (!taxonomy.contains(nw.niche())) {
                    errors.add(new FieldError(field, "is not a known niche: \"" + nw.niche() + "\" (see GET /api/v1/niches)"));
                } else if (!seen.add(nw.niche())) {
                    errors.add(new FieldError(field, "is listed twice: \"" + nw.niche() + "\""));
                }
            }
        }
        if (profile.languages() != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < profile.languages().size(); i++) {
                String language = profile.languages().get(i);
                if (language != null && !seen.add(language)) {
                    errors.add(new FieldError("languages[" + i + "]", "is listed twice: \"" + language + "\""));
                }
            }
        }
        return errors;
    }

    static List<FieldError> checkChannel(String path, ChannelInput channel) {
        List<FieldError> errors = new ArrayList<>(AudienceRules.check(path + ".audience", channel.audience()));
        if (path.isEmpty()) {
            errors.replaceAll(e -> new FieldError(e.field().replaceFirst("^\\.", ""), e.message()));
        }
        return errors;
    }

    static String handleKey(Platform platform, String handle) {
        return platform + "/" + normaliseHandle(handle).toLowerCase(Locale.ROOT);
    }
}
