package dev.microscout.influencer;

/** Request and response examples shown in the OpenAPI document. */
final class Examples {
    private Examples() {
    }

    static final String INFLUENCER_CREATE = """
            {
              "displayName": "Sari Wulandari",
              "bio": "Skincare for humid weather. Honest reviews of local brands.",
              "country": "ID",
              "city": "Bandung",
              "languages": ["id", "en"],
              "contactEmail": "sari@example.com",
              "niches": [{"niche": "skincare", "weight": 0.8}, {"niche": "makeup", "weight": 0.2}],
              "rateCard": {"currency": "IDR", "pricePerPost": 2500000},
              "channels": [{
                "platform": "INSTAGRAM",
                "handle": "@sari.glow",
                "url": "https://instagram.com/sari.glow",
                "followers": 48200,
                "following": 610,
                "verified": false,
                "audience": {
                  "genderShares": {"female": 0.81, "male": 0.18},
                  "ageShares": {"18-24": 0.44, "25-34": 0.37, "35-44": 0.1},
                  "countryShares": {"ID": 0.88, "MY": 0.06}
                }
              }]
            }""";

    static final String INFLUENCER_VIEW = """
            {
              "id": "3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b",
              "displayName": "Sari Wulandari",
              "bio": "Skincare for humid weather. Honest reviews of local brands.",
              "country": "ID",
              "city": "Bandung",
              "languages": ["id", "en"],
              "contactEmail": "sari@example.com",
              "niches": [{"niche": "skincare", "weight": 0.8}, {"niche": "makeup", "weight": 0.2}],
              "rateCard": {"currency": "IDR", "pricePerPost": 2500000},
              "tier": "MICRO",
              "followers": 48200,
              "channels": [{
                "id": "9b2e4f2a-51c7-4d0e-8f3a-2c6d7e8f9a01",
                "influencerId": "3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b",
                "platform": "INSTAGRAM",
                "handle": "sari.glow",
                "url": "https://instagram.com/sari.glow",
                "followers": 48200,
                "following": 610,
                "verified": false,
                "audience": {
                  "genderShares": {"female": 0.81, "male": 0.18},
                  "ageShares": {"18-24": 0.44, "25-34": 0.37, "35-44": 0.1},
                  "countryShares": {"ID": 0.88, "MY": 0.06}
                },
                "tier": "MICRO",
                "createdAt": "2026-11-23T10:00:00Z",
                "updatedAt": "2026-11-23T10:00:00Z",
                "version": 0
              }],
              "createdAt": "2026-11-23T10:00:00Z",
              "updatedAt": "2026-11-23T10:00:00Z",
              "lastChangedBy": "CRM sync (k3m9x2pa)",
              "version": 0
            }""";

    static final String INFLUENCER_PATCH = """
            {"city": "Jakarta", "rateCard": {"currency": "IDR", "pricePerPost": 3000000}}""";

    static final String CHANNEL_INPUT = """
            {
              "platform": "TIKTOK",
              "handle": "@sari.glow",
              "url": "https://tiktok.com/@sari.glow",
              "followers": 9800,
              "following": 120,
              "verified": false
            }""";

    static final String CHANNEL_PATCH = """
            {"followers": 10000}""";

    static final String VALIDATION_PROBLEM = """
            {
              "type": "https://microscout.dev/problems/validation",
              "title": "Invalid request",
              "status": 400,
              "detail": "2 fields are invalid",
              "instance": "/api/v1/influencers",
              "errors": [
                {"field": "channels[0].followers", "message": "must be greater than or equal to 0"},
                {"field": "country", "message": "must be an ISO 3166-1 alpha-2 country code in upper case, e.g. ID"}
              ]
            }""";

    static final String CONFLICT_PROBLEM = """
            {
              "type": "https://microscout.dev/problems/conflict",
              "title": "Conflict",
              "status": 409,
              "detail": "A INSTAGRAM channel with handle \\"sari.glow\\" already exists: channel 9b2e4f2a-51c7-4d0e-8f3a-2c6d7e8f9a01 of influencer 3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b",
              "instance": "/api/v1/influencers",
              "errors": [{"field": "channels[0].handle", "message": "A INSTAGRAM channel with handle \\"sari.glow\\" already exists: channel 9b2e4f2a-51c7-4d0e-8f3a-2c6d7e8f9a01 of influencer 3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b"}],
              "existingChannelId": "9b2e4f2a-51c7-4d0e-8f3a-2c6d7e8f9a01",
              "existingInfluencerId": "3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b"
            }""";

    static final String NOT_FOUND_PROBLEM = """
            {
              "type": "https://microscout.dev/problems/not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Influencer 3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b does not exist",
              "instance": "/api/v1/influencers/3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b"
            }""";

    static final String DELETED_FORBIDDEN_PROBLEM = """
            {
              "type": "https://microscout.dev/problems/forbidden",
              "title": "Forbidden",
              "status": 403,
              "detail": "Only ADMIN keys see deleted influencers (deleted=true); this key's role is below ADMIN",
              "instance": "/api/v1/influencers"
            }""";

    static final String RESTORE_TOO_LATE_PROBLEM = """
            {
              "type": "https://microscout.dev/problems/conflict",
              "title": "Conflict",
              "status": 409,
              "detail": "Influencer 3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b was deleted on 2026-10-01T09:00Z; it could be restored until 2026-10-31T09:00Z and now only an operator may purge it",
              "instance": "/api/v1/influencers/3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b/restore",
              "restorableUntil": "2026-10-31T09:00Z"
            }""";

    static final String PURGE_TOO_EARLY_PROBLEM = """
            {
              "type": "https://microscout.dev/problems/conflict",
              "title": "Conflict",
              "status": 409,
              "detail": "Influencer 3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b was deleted on 2026-11-20T09:00Z and an ADMIN may restore it until 2026-12-20T09:00Z; it can be purged after that",
              "instance": "/api/v1/influencers/3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b/purge",
              "restorableUntil": "2026-12-20T09:00Z"
            }""";

    static final String STALE_PROBLEM = """
            {
              "type": "https://microscout.dev/problems/precondition-failed",
              "title": "Precondition failed",
              "status": 412,
              "detail": "If-Match \\"0\\" does not match the current ETag \\"1\\"; read the resource again and retry",
              "instance": "/api/v1/influencers/3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b"
            }""";

    static final String EXPORT_CSV = """
            influencerId,ref,displayName,bio,country,city,languages,contactEmail,niches,rateCurrency,ratePerPost,platform,handle,url,followers,following,verified,genderShares,ageShares,countryShares
            3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b,,Sari Wulandari,Skincare for humid weather.,ID,Bandung,id|en,sari@example.com,skincare:0.8|makeup:0.2,IDR,2500000.00,INSTAGRAM,sari.glow,https://instagram.com/sari.glow,48200,610,false,female:0.72|male:0.27,18-24:0.41|25-34:0.38,ID:0.86|MY:0.07
            """;
}
