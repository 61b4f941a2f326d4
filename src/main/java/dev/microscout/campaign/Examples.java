package dev.microscout.campaign;

/** Examples of the campaign API's bodies, shown in the OpenAPI document and the Swagger UI. */
final class Examples {
    private Examples() {
    }

    static final String CAMPAIGN_CREATE = """
            {"name": "Kopi Senja — Ramadan launch",
             "brief": {"niches": [{"niche": "food", "weight": 0.7}, {"niche": "street-food", "weight": 0.3}],
                       "tiers": ["MICRO"], "countries": ["ID"], "minAuthenticity": 60,
                       "maxPricePerPost": {"amount": 5000000, "currency": "IDR"}},
             "budget": {"amount": 150000000, "currency": "IDR"},
             "startsOn": "2027-02-01", "endsOn": "2027-03-31"}""";

    static final String CAMPAIGN_VIEW = """
            {"id": "5c0e8a52-7f3b-4d6e-9a1c-2b3d4e5f6a7b", "name": "Kopi Senja — Ramadan launch",
             "brief": {"niches": [{"niche": "food", "weight": 0.7}, {"niche": "street-food", "weight": 0.3}], "tiers": ["MICRO"],
                       "countries": ["ID"], "minAuthenticity": 60, "maxPricePerPost": {"amount": 5000000, "currency": "IDR"}},
             "budget": {"amount": 150000000, "currency": "IDR"}, "startsOn": "2027-02-01", "endsOn": "2027-03-31",
             "status": "ACTIVE", "statusChangedAt": "2027-01-20T09:00:00Z",
             "shortlist": {"SHORTLISTED": 4, "CONTRACTED": 2, "REJECTED": 1},
             "committed": {"amount": 9500000.00, "currency": "IDR"}, "remaining": {"amount": 140500000.00, "currency": "IDR"},
             "warnings": [], "createdAt": "2027-01-15T08:30:00Z", "updatedAt": "2027-01-20T09:00:00Z", "version": 3}""";

    static final String CAMPAIGN_ACTIVATE = """
            {"status": "ACTIVE"}""";

    static final String CAMPAIGN_BUDGET = """
            {"budget": {"amount": 180000000, "currency": "IDR"}, "endsOn": "2027-04-15"}""";

    static final String TRANSITION_PROBLEM = """
            {"type": "https://microscout.dev/problems/conflict", "title": "Conflict", "status": 409,
             "detail": "A campaign cannot go from DONE to ACTIVE; from DONE it can go to nothing (it is over)",
             "instance": "/api/v1/campaigns/5c0e8a52-7f3b-4d6e-9a1c-2b3d4e5f6a7b",
             "errors": [{"field": "status", "message": "A campaign cannot go from DONE to ACTIVE; from DONE it can go to nothing (it is over)"}],
             "currentStatus": "DONE", "allowed": []}""";

    static final String BRIEF_PROBLEM = """
            {"type": "https://microscout.dev/problems/validation", "title": "Invalid input", "status": 400,
             "detail": "brief.niches[0].niche: is not a known niche: \\"kopi\\" (see GET /api/v1/niches)",
             "instance": "/api/v1/campaigns",
             "errors": [{"field": "brief.niches[0].niche", "message": "is not a known niche: \\"kopi\\" (see GET /api/v1/niches)"}]}""";

    static final String SHORTLIST_PUT = """
            {"status": "CONTRACTED", "note": "Two reels and a story; answers within a day.",
             "agreedPrice": {"amount": 4740000, "currency": "IDR"}}""";

    static final String SHORTLIST_WRITTEN = """
            {"entry": {"influencerId": "3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b", "displayName": "Sari Wulandari",
                       "channelId": "0e7c6f55-8f9a-4c1b-9d3e-2a4b5c6d7e8f", "platform": "INSTAGRAM", "handle": "sari.glow",
                       "status": "CONTRACTED", "note": "Two reels and a story; answers within a day.",
                       "agreedPrice": {"amount": 4740000.00, "currency": "IDR"}, "agreedInBudget": {"amount": 4740000.00, "currency": "IDR"},
                       "score": 0.8123,
                       "components": {"nicheFit": 0.94, "engagement": 0.88, "reputation": 0.62, "contributions": []},
                       "weights": {"nicheFit": 0.4, "engagement": 0.35, "reputation": 0.25, "audienceFit": 0},
                       "reasons": ["Niche fit 0.94: food (0.8), lifestyle (0.2)", "Engagement rate 6.4 %, higher than 88 % of Instagram micro creators"],
                       "shortlistedAt": "2027-01-16T10:00:00Z", "updatedAt": "2027-01-18T15:20:00Z", "version": 2},
             "budget": {"amount": 150000000, "currency": "IDR"}, "committed": {"amount": 9500000.00, "currency": "IDR"},
             "remaining": {"amount": 140500000.00, "currency": "IDR"}, "warnings": []}""";

    static final String RESULTS = """
            {"results": [{"influencerId": "3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b", "post": "https://www.instagram.com/p/C9xYz12AbCd/",
                          "postedOn": "2026-11-14", "views": 40000, "reach": 25000, "likes": 1800, "comments": 120, "saves": 300,
                          "shares": 80, "linkClicks": 150, "dms": 20, "conversions": 30,
                          "cost": {"amount": 2500000, "currency": "IDR"}}]}""";

    static final String NOT_CONTRACTED_PROBLEM = """
            {"type": "https://microscout.dev/problems/validation", "title": "Invalid input", "status": 400,
             "detail": "results[0].influencerId: is SHORTLISTED on the campaign's shortlist: results are recorded for CONTRACTED creators",
             "instance": "/api/v1/campaigns/5c0e8a52-7f3b-4d6e-9a1c-2b3d4e5f6a7b/results",
             "errors": [{"field": "results[0].influencerId", "message": "is SHORTLISTED on the campaign's shortlist: results are recorded for CONTRACTED creators"}]}""";

    static final String REPORT_CSV = """
            influencerId,displayName,platform,handle,agreedInBudget,currency,posts,views,reach,likes,comments,saves,shares,linkClicks,dms,conversions,engagements,microConversions,cost,cpm,costPerEngagement,costPerMicroConversion,engagementRate,conversionRate,reviewId
            3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b,Sari Wulandari,INSTAGRAM,sari.glow,4740000.00,IDR,1,40000,25000,1800,120,300,80,150,20,30,2300,550,2500000.00,62500.0000,1086.9565,4545.4545,0.092000,0.200000,
            total,Kopi Senja — Ramadan launch,,,4740000.00,IDR,1,40000,25000,1800,120,300,80,150,20,30,2300,550,2500000.00,62500.0000,1086.9565,4545.4545,0.092000,0.200000,
            """;
}
