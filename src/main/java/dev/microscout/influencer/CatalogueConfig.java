package dev.microscout.influencer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "microscout.catalogue")
public interface CatalogueConfig {

    /** Days during which ADMINs may restore a deleted influencer or channel; after them operators may purge it. */
    @WithDefault("30")
    int restoreDays();
}
