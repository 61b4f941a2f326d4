package dev.microscout.metrics;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PostFormatTest {

    @Test
    void videoFormatsAreVideoReelShortAndLive() {
        Set<PostFormat> video = Arrays.stream(PostFormat.values()).filter(PostFormat::isVideo)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PostFormat.class)));

        assertEquals(EnumSet.of(PostFormat.VIDEO, PostFormat.REEL, PostFormat.SHORT, PostFormat.LIVE), video);
    }
}
