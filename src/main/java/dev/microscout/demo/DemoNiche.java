package dev.microscout.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * How creators of one niche of the seed taxonomy (V2__niche_taxonomy.sql) talk about themselves and who
 * follows them.
 *
 * @param popularity  relative weight as a creator's main niche
 * @param femaleShare typical share of women in the audience
 * @param topic       the niche in plain words, for a bio that mentions it beside the main one
 * @param lines       bio openings that name the niche in plain words
 * @param hashtags    hashtags without '#'
 * @param handleWords words creators put in their handles
 * @param related     slugs a creator of this niche often covers as well
 */
record DemoNiche(String slug, double popularity, double femaleShare, String topic, List<String> lines,
                 List<String> hashtags, List<String> handleWords, List<String> related) {

    static final List<DemoNiche> ALL = List.of(
            new DemoNiche("beauty", 4, 0.8, "beauty",
                    List.of("Everyday beauty for busy people: skincare, makeup and hair that work in the tropics",
                            "Beauty reviews without filters, from drugstore finds to local indie brands"),
                    List.of("beauty", "beautyreview", "localbeauty"), List.of("beauty", "glam", "glow"),
                    List.of("skincare", "makeup", "haircare", "fashion")),
            new DemoNiche("skincare", 9, 0.82, "skincare",
                    List.of("Skincare for humid weather: honest reviews of local brands and simple routines",
                            "Acne-prone skin diary: skincare routines, ingredients explained, before and after",
                            "Skincare on a student budget, tested on oily and sensitive skin"),
                    List.of("skincare", "skincareroutine", "skincarereview", "glowingskin"),
                    List.of("skin", "glow", "skincare"),
                    List.of("makeup", "haircare", "healthy-eating", "beauty")),
            new DemoNiche("makeup", 7, 0.85, "makeup looks",
                    List.of("Makeup tutorials for brown skin tones, from office looks to wedding glam",
                            "Makeup artist sharing bridal and everyday looks, plus honest product swatches"),
                    List.of("makeup", "makeuptutorial", "mua", "makeuplook"), List.of("mua", "makeup", "glam"),
                    List.of("skincare", "haircare", "fashion", "modest-fashion")),
            new DemoNiche("haircare", 3, 0.75, "hair care",
                    List.of("Hair care for curly, frizzy and hijab-covered hair: treatments, tools and routines",
                            "Haircare tips and salon-style treatments you can do at home"),
                    List.of("haircare", "hairtreatment", "hairtips"), List.of("hair", "locks"),
                    List.of("skincare", "makeup", "beauty")),
            new DemoNiche("food", 4, 0.55, "food",
                    List.of("Food lover eating my way through the city, from roadside stalls to fine dining",
                            "Food reviews and home cooking, one plate at a time"),
                    List.of("food", "foodie", "foodreview", "eatlocal"), List.of("eats", "bites", "foodie"),
                    List.of("street-food", "baking", "travel", "healthy-eating")),
            new DemoNiche("baking", 4, 0.72, "home baking",
                    List.of("Home baking: bread, cakes and traditional sweets with step-by-step recipes",
                            "Baking for beginners, small-batch recipes and decorating tips from my home oven"),
                    List.of("baking", "homebaker", "cakedecorating", "homebaking"), List.of("bakes", "oven", "kitchen"),
                    List.of("food", "healthy-eating", "parenting", "handmade")),
            new DemoNiche("street-food", 6, 0.48, "street food",
                    List.of("Street food hunter: night markets, hawker stalls and the best cheap eats",
                            "Street food reviews with prices, opening hours and how to get there"),
                    List.of("streetfood", "nightmarket", "hawkerfood", "cheapeats"),
                    List.of("bites", "eats", "snacks"),
                    List.of("food", "travel", "comedy")),
            new DemoNiche("healthy-eating", 4, 0.68, "healthy eating",
                    List.of("Healthy eating made simple: meal prep, balanced plates and local superfoods",
                            "Nutrition tips and healthy recipes that still taste like home"),
                    List.of("healthyeating", "mealprep", "healthyfood", "eatclean"), List.of("fit", "greens", "eats"),
                    List.of("fitness", "food", "baking", "skincare")),
            new DemoNiche("fashion", 4, 0.72, "fashion",
                    List.of("Fashion for real bodies: outfit ideas, try-on hauls and local labels",
                            "Daily outfits and fashion finds from local brands and thrift stores"),
                    List.of("fashion", "ootd", "outfitideas", "localbrand"), List.of("style", "ootd", "wears"),
                    List.of("modest-fashion", "streetwear", "beauty", "makeup")),
            new DemoNiche("modest-fashion", 5, 0.88, "modest fashion",
                    List.of("Modest fashion and hijab styling for work, weddings and weekends",
                            "Hijab tutorials and modest outfits from local designers"),
                    List.of("modestfashion", "hijabstyle", "hijabootd", "modestwear"),
                    List.of("hijab", "modest", "style"),
                    List.of("fashion", "makeup", "batik", "parenting")),
            new DemoNiche("streetwear", 3, 0.3, "streetwear",
                    List.of("Streetwear, sneakers and local drops: fit checks and honest reviews",
                            "Sneakerhead sharing streetwear outfits and where to cop local brands"),
                    List.of("streetwear", "sneakers", "fitcheck", "localpride"), List.of("kicks", "fits", "drip"),
                    List.of("fashion", "music", "gaming")),
            new DemoNiche("batik", 2, 0.65, "batik",
                    List.of("Batik stories: the makers, the motifs and how to wear batik every day",
                            "Modern batik styling and visits to batik workshops across the islands"),
                    List.of("batik", "batiklovers", "wastra", "batikmodern"), List.of("batik", "wastra", "cloth"),
                    List.of("fashion", "handmade", "modest-fashion", "travel")),
            new DemoNiche("crafts", 2, 0.6, "crafts",
                    List.of("Crafts and DIY projects with materials you already have at home",
                            "Crafts for every skill level: weaving, paper, clay and more"),
                    List.of("crafts", "diy", "diycrafts"), List.of("craft", "diy", "makes"),
                    List.of("handmade", "woodwork", "home")),
            new DemoNiche("handmade", 3, 0.7, "handmade crafts",
                    List.of("Handmade jewellery, embroidery and small-batch goods, with tutorials",
                            "Handmade crochet and knitting, patterns and the stories behind each piece"),
                    List.of("handmade", "crochet", "embroidery", "smallbusiness"), List.of("handmade", "craft", "studio"),
                    List.of("crafts", "batik", "home", "baking")),
            new DemoNiche("woodwork", 1.5, 0.22, "woodworking",
                    List.of("Woodwork from my small workshop: furniture builds, hand tools and teak offcuts",
                            "Woodworking projects for beginners, with plans and tool reviews"),
                    List.of("woodworking", "woodwork", "carpentry", "diyfurniture"), List.of("wood", "workshop", "timber"),
                    List.of("crafts", "home", "gadgets")),
            new DemoNiche("tech", 3, 0.3, "tech",
                    List.of("Tech news and explainers in plain words, from apps to AI",
                            "Tech reviews and tutorials for people who just want things to work"),
                    List.of("tech", "technews", "techtips"), List.of("tech", "techie", "digital"),
                    List.of("gadgets", "gaming", "education", "finance")),
            new DemoNiche("gadgets", 4, 0.28, "gadgets",
                    List.of("Gadget reviews: budget phones, earbuds and smart home devices tested for weeks",
                            "Unboxing and honest reviews of phones, laptops and gadgets under budget"),
                    List.of("gadgets", "unboxing", "phonereview", "smartphone"), List.of("gadget", "techy", "unbox"),
                    List.of("tech", "gaming", "home")),
            new DemoNiche("gaming", 5, 0.27, "gaming",
                    List.of("Gaming every night: mobile esports, Mobile Legends and PC game reviews",
                            "Gaming clips, tips and tournaments, mostly mobile games"),
                    List.of("gaming", "mobilelegends", "esports", "gamer"), List.of("gamer", "plays", "gg"),
                    List.of("tech", "gadgets", "comedy", "streetwear")),
            new DemoNiche("fitness", 5, 0.5, "fitness",
                    List.of("Fitness coach: home workouts, running and strength training for beginners",
                            "Fitness journey with no gym needed, workouts you can do in a small room"),
                    List.of("fitness", "workout", "homeworkout", "running"), List.of("fit", "moves", "coach"),
                    List.of("healthy-eating", "travel", "parenting")),
            new DemoNiche("travel", 6, 0.58, "travel",
                    List.of("Travel on a budget across Southeast Asia: hidden beaches, trains and homestays",
                            "Slow travel, local food and island hopping, with costs for every trip"),
                    List.of("travel", "traveltips", "backpacker", "explore"), List.of("travels", "roams", "wander"),
                    List.of("food", "street-food", "fitness", "batik")),
            new DemoNiche("parenting", 4, 0.84, "parenting",
                    List.of("Parenting two toddlers: honest days, simple activities and baby product reviews",
                            "Parenting tips, family recipes and life with kids in the city"),
                    List.of("parenting", "momlife", "parentinglife", "toddlerlife"), List.of("mama", "family", "mom"),
                    List.of("education", "baking", "home", "healthy-eating")),
            new DemoNiche("finance", 3, 0.4, "personal finance",
                    List.of("Personal finance in plain words: budgeting, saving and investing for first-timers",
                            "Money tips for young workers: salary, side hustles and stock basics"),
                    List.of("finance", "personalfinance", "investing", "financialplanning"),
                    List.of("money", "cash", "finance"),
                    List.of("education", "tech", "parenting")),
            new DemoNiche("education", 3, 0.55, "learning tips",
                    List.of("Education content: study tips, scholarships and English lessons in short videos",
                            "Teacher sharing lessons, exam tips and how to study abroad"),
                    List.of("education", "studytips", "learnwithme", "scholarship"), List.of("learn", "study", "class"),
                    List.of("finance", "tech", "parenting")),
            new DemoNiche("home", 3, 0.7, "home decor",
                    List.of("Home decor and organising for small rentals, with budget makeovers",
                            "Home living: cleaning routines, plants and cosy corners on a budget"),
                    List.of("homedecor", "homeliving", "smallspaces", "organizing"), List.of("home", "nest", "living"),
                    List.of("handmade", "parenting", "woodwork", "crafts")),
            new DemoNiche("pets", 3, 0.66, "pets",
                    List.of("Pets of the house: two rescued cats, their food, toys and vet visits",
                            "Pet care tips and daily life with dogs, cats and one very loud parrot"),
                    List.of("pets", "catsofinstagram", "petlovers", "adoptdontshop"), List.of("paws", "meow", "pets"),
                    List.of("comedy", "home", "parenting")),
            new DemoNiche("music", 4, 0.52, "music",
                    List.of("Music covers, acoustic sessions and the stories behind local songs",
                            "Singer and guitarist sharing music covers and original songs every week"),
                    List.of("music", "cover", "acoustic", "originalmusic"), List.of("music", "sings", "tunes"),
                    List.of("comedy", "streetwear", "education")),
            new DemoNiche("comedy", 5, 0.5, "comedy",
                    List.of("Comedy sketches about office life, family group chats and daily struggles",
                            "Comedy skits in local slang, new videos every day"),
                    List.of("comedy", "funny", "sketch", "skit"), List.of("lol", "laughs", "jokes"),
                    List.of("music", "street-food", "pets", "gaming")));

    /** Niches rooted in some countries only: batik in the Malay world, modest fashion where most are Muslim. */
    private static final Map<String, Set<String>> HOMES = Map.of(
            "batik", Set.of("ID", "MY"),
            "modest-fashion", Set.of("ID", "MY", "SG"));

    private static final Weighted<DemoNiche> BY_POPULARITY = Weighted.of(ALL, DemoNiche::popularity);

    static DemoNiche pick(SplittableRandom random) {
        return BY_POPULARITY.pick(random);
    }

    /** A niche a creator living in {@code country} plausibly covers. */
    static DemoNiche pick(SplittableRandom random, DemoCountry country) {
        return BY_POPULARITY.pick(random, Set.copyOf(ALL.stream().filter(n -> !n.fits(country)).toList()));
    }

    boolean fits(DemoCountry country) {
        Set<String> homes = HOMES.get(slug);
        return homes == null || homes.contains(country.code());
    }

    static DemoNiche bySlug(String slug) {
        return ALL.stream().filter(n -> n.slug.equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo niche " + slug));
    }
}
