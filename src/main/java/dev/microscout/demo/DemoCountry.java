package dev.microscout.demo;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A home country of demo creators: where they live, what they are called, what they speak and in which
 * currency they quote. Indonesia dominates, as in the product's first market.
 *
 * @param share               relative weight among the demo countries
 * @param secondLanguage      ISO 639-1 language some creators add, or null
 * @param secondLanguageShare share of creators who add it
 * @param idrPerUnit          rough exchange rate, so that prices stay comparable across countries
 * @param neighbours          countries (ISO 3166-1) where part of the audience lives
 * @param tag                 suffix of local hashtags, e.g. {@code #skincareindonesia}
 */
record DemoCountry(String code, double share, List<String> cities, Names names, String language,
                   String secondLanguage, double secondLanguageShare, String currency, double idrPerUnit,
                   List<String> neighbours, String tag) {

    /**
     * First and family names in display order: {@code familyFirst} for Vietnamese names; a share of
     * Indonesians go by a single name.
     */
    record Names(List<String> female, List<String> male, List<String> family, boolean familyFirst,
                 double singleNameShare) {
    }

    static final List<DemoCountry> ALL = List.of(
            new DemoCountry("ID", 60,
                    List.of("Jakarta", "Bandung", "Surabaya", "Yogyakarta", "Medan", "Makassar", "Denpasar",
                            "Semarang", "Malang", "Palembang", "Bogor", "Surakarta", "Balikpapan", "Manado",
                            "Pontianak", "Padang", "Tangerang", "Bekasi"),
                    new Names(
                            List.of("Sari", "Dewi", "Putri", "Ayu", "Rina", "Intan", "Nadia", "Anisa", "Fitri",
                                    "Wulan", "Ratna", "Melati", "Citra", "Maya", "Indah", "Siti", "Dian", "Rani",
                                    "Laras", "Nabila", "Tiara", "Kirana"),
                            List.of("Budi", "Agus", "Rizky", "Dimas", "Fajar", "Andi", "Yoga", "Bayu", "Hendra",
                                    "Arief", "Reza", "Aditya", "Bima", "Galih", "Iqbal", "Teguh", "Wahyu"),
                            List.of("Wulandari", "Pratama", "Saputra", "Hidayat", "Lestari", "Kusuma", "Santoso",
                                    "Nugroho", "Siregar", "Simanjuntak", "Wibowo", "Setiawan", "Rahmawati",
                                    "Permata", "Hasibuan", "Nasution", "Halim", "Gunawan", "Putra", "Sembiring",
                                    "Anggraini", "Maharani"),
                            false, 0.2),
                    "id", "en", 0.35, "IDR", 1, List.of("MY", "SG", "AU", "US"), "indonesia"),
            new DemoCountry("MY", 10,
                    List.of("Kuala Lumpur", "Petaling Jaya", "George Town", "Johor Bahru", "Ipoh",
                            "Kota Kinabalu", "Kuching", "Melaka", "Shah Alam"),
                    new Names(
                            List.of("Nurul", "Aisyah", "Farah", "Amira", "Mei Ling", "Priya", "Hana", "Syafiqah",
                                    "Zulaikha", "Xin Yi"),
                            List.of("Hafiz", "Amir", "Faiz", "Ahmad", "Wei Jie", "Arjun", "Syafiq", "Danial",
                                    "Kah Wai"),
                            List.of("Rahman", "Ismail", "Hassan", "Abdullah", "Tan", "Lim", "Wong", "Nair",
                                    "Yusof", "Ong"),
                            false, 0),
                    "ms", "en", 0.7, "MYR", 3_500, List.of("SG", "ID", "BN", "AU"), "malaysia"),
            new DemoCountry("SG", 6,
                    List.of("Singapore"),
                    new Names(
                            List.of("Rachel", "Jia Hui", "Aisyah", "Priya", "Sarah", "Hui Min", "Charmaine",
                                    "Shermaine", "Nadia"),
                            List.of("Darren", "Jun Wei", "Marcus", "Ryan", "Haziq", "Ravi", "Benjamin", "Zhi Hao"),
                            List.of("Tan", "Lim", "Ng", "Wong", "Lee", "Goh", "Teo", "Rahman", "Kumar", "Chua"),
                            false, 0),
                    "en", "ms", 0.15, "SGD", 12_000, List.of("MY", "ID", "AU", "GB"), "sg"),
            new DemoCountry("PH", 10,
                    List.of("Manila", "Quezon City", "Cebu City", "Davao City", "Makati", "Iloilo City", "Baguio",
                            "Pasig", "Cagayan de Oro"),
                    new Names(
                            List.of("Maria", "Angelica", "Kristine", "Patricia", "Joy", "Camille", "Bea", "Andrea",
                                    "Nicole", "Janine"),
                            List.of("Juan", "Miguel", "Paolo", "Carlo", "Jericho", "Mark", "Angelo", "Rafael",
                                    "Gabriel"),
                            List.of("Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Villanueva",
                                    "Dela Cruz", "Ramos", "Aquino", "Navarro"),
                            false, 0),
                    "tl", "en", 0.8, "PHP", 280, List.of("US", "AE", "SA", "CA"), "ph"),
            new DemoCountry("TH", 7,
                    List.of("Bangkok", "Chiang Mai", "Phuket", "Khon Kaen", "Pattaya", "Hat Yai", "Nakhon Ratchasima"),
                    new Names(
                            List.of("Ploy", "Nok", "Fern", "Mint", "Pim", "Kanya", "Siriporn", "Napat", "Praew"),
                            List.of("Somchai", "Anan", "Krit", "Tawan", "Nattapong", "Chai", "Pong", "Thanawat"),
                            List.of("Srisuk", "Wongsakul", "Chaiyaporn", "Rattanakorn", "Suwannarat", "Boonmee",
                                    "Thongchai", "Saelim"),
                            false, 0),
                    "th", "en", 0.3, "THB", 450, List.of("MY", "LA", "JP", "US"), "thailand"),
            new DemoCountry("VN", 7,
                    List.of("Ho Chi Minh City", "Hanoi", "Da Nang", "Hai Phong", "Hue", "Can Tho", "Nha Trang"),
                    new Names(
                            List.of("Thu Trang", "Ngọc Anh", "Linh", "Mai", "Hương", "Phương", "Thảo", "Lan",
                                    "Khánh Vy"),
                            List.of("Minh", "Tuấn", "Hoàng", "Quang", "Đức", "Huy", "Nam", "Bảo"),
                            List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ"),
                            true, 0),
                    "vi", "en", 0.25, "VND", 0.62, List.of("US", "KR", "JP", "AU"), "vietnam"));

    private static final Weighted<DemoCountry> BY_SHARE = Weighted.of(ALL, DemoCountry::share);

    /** A home for a creator whose main niche is {@code niche}. */
    static DemoCountry pick(SplittableRandom random, DemoNiche niche) {
        return BY_SHARE.pick(random, Set.copyOf(ALL.stream().filter(c -> !niche.fits(c)).toList()));
    }
}
