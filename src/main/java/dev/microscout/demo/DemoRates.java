package dev.microscout.demo;

import dev.microscout.influencer.RateCard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * What a demo creator asks per post, in the home currency. Prices grow a little slower than followers
 * (IDR 375 × followers^0.845: about IDR 500,000 at 5,000 followers, 3.5 million at 50,000 and 25 million
 * at 500,000), times a personal factor between 0.6 and 1.6, rounded to two significant digits as people quote.
 */
final class DemoRates {

    static final double IDR_PER_FOLLOWER_POWER = 375;
    static final double EXPONENT = 0.845;
    static final double MIN_IDR = 100_000;

    private DemoRates() {
    }

    static RateCard rateCard(SplittableRandom random, DemoCountry country, long followers) {
        double idr = IDR_PER_FOLLOWER_POWER * Math.pow(followers, EXPONENT) * (0.6 + random.nextDouble());
        double local = Math.max(idr, MIN_IDR) / country.idrPerUnit();
        BigDecimal price = new BigDecimal(local).round(new MathContext(2, RoundingMode.HALF_UP));
        return new RateCard(country.currency(), price.scale() < 0 ? price.setScale(0) : price);
    }
}
