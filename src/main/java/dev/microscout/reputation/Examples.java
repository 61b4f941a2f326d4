package dev.microscout.reputation;

/** Request and response examples shown in the OpenAPI document. */
final class Examples {
    private Examples() {
    }

    static final String REVIEW_CREATE = """
            {
              "contentQuality": 5,
              "professionalism": 4,
              "timeliness": 4,
              "communication": 5,
              "text": "Delivered three reels a day early; the swatches were honest and the saves were twice our benchmark.",
              "reviewedOn": "2026-11-20",
              "campaignId": "5c0e8a52-7f3b-4d6e-9a1c-2b3d4e5f6a7b"
            }""";

    static final String REVIEW_VIEW = """
            {
              "id": "0f4c2a9e-3b1d-4e5f-8a7b-6c5d4e3f2a1b",
              "influencerId": "3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b",
              "writtenByYourOrganisation": true,
              "organisationId": "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d",
              "campaignId": "5c0e8a52-7f3b-4d6e-9a1c-2b3d4e5f6a7b",
              "contentQuality": 5,
              "professionalism": 4,
              "timeliness": 4,
              "communication": 5,
              "meanRating": 4.5,
              "text": "Delivered three reels a day early; the swatches were honest and the saves were twice our benchmark.",
              "reviewedOn": "2026-11-20",
              "createdAt": "2026-11-20T09:12:44Z"
            }""";

    static final String RATING_PROBLEM = """
            {
              "type": "https://microscout.dev/problems/validation",
              "title": "Invalid request",
              "status": 400,
              "detail": "2 fields are invalid",
              "instance": "/api/v1/influencers/3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b/reviews",
              "errors": [
                {"field": "contentQuality", "message": "must be less than or equal to 5"},
                {"field": "reviewedOn", "message": "must not be in the future"}
              ]
            }""";

    static final String REVIEW_CONFLICT_PROBLEM = """
            {
              "type": "https://microscout.dev/problems/conflict",
              "title": "Conflict",
              "status": 409,
              "detail": "Your organisation has already reviewed this influencer of campaign 5c0e8a52-7f3b-4d6e-9a1c-2b3d4e5f6a7b: review 0f4c2a9e-3b1d-4e5f-8a7b-6c5d4e3f2a1b; give another campaignId for another collaboration",
              "instance": "/api/v1/influencers/3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b/reviews",
              "errors": [{"field": "campaignId", "message": "Your organisation has already reviewed this influencer of campaign 5c0e8a52-7f3b-4d6e-9a1c-2b3d4e5f6a7b: review 0f4c2a9e-3b1d-4e5f-8a7b-6c5d4e3f2a1b; give another campaignId for another collaboration"}],
              "existingReviewId": "0f4c2a9e-3b1d-4e5f-8a7b-6c5d4e3f2a1b"
            }""";

    static final String INCIDENT_CREATE = """
            {
              "kind": "undisclosed-ad",
              "severity": "MEDIUM",
              "occurredOn": "2026-09-14",
              "source": "https://www.instagram.com/p/C9xYz12AbCd/",
              "description": "Sponsored skincare post published without the #ad disclosure the contract required."
            }""";

    static final String INCIDENT_VIEW = """
            {
              "id": "b7e6d5c4-a3b2-4c1d-8e9f-0a1b2c3d4e5f",
              "influencerId": "3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b",
              "kind": "undisclosed-ad",
              "severity": "MEDIUM",
              "occurredOn": "2026-09-14",
              "source": "https://www.instagram.com/p/C9xYz12AbCd/",
              "resolved": false,
              "description": "Sponsored skincare post published without the #ad disclosure the contract required.",
              "createdAt": "2026-09-15T08:30:00Z",
              "updatedAt": "2026-09-15T08:30:00Z",
              "version": 0,
              "reportedByYourOrganisation": true
            }""";

    static final String INCIDENT_PATCH = """
            {"resolved": true, "description": "Disclosure added on 2026-09-16 after the brand asked; the creator apologised."}""";

    static final String REPUTATION_VIEW = """
            {
              "influencerId": "3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b",
              "reputation": 0.43445,
              "reviewCount": 20,
              "averageRating": 4.6,
              "priorMean": 3.5,
              "priorWeight": 5,
              "bayesianMean": 4.38,
              "bayesianScore": 0.845,
              "authenticity": 62,
              "authenticityChannel": {"channelId": "4d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a0f", "platform": "TIKTOK", "handle": "sari.glow", "authenticity": 62},
              "authenticityFactor": 0.81,
              "channels": [
                {"channelId": "9b2e4f2a-51c7-4d0e-8f3a-2c6d7e8f9a01", "platform": "INSTAGRAM", "handle": "sari.glow", "authenticity": 90},
                {"channelId": "4d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a0f", "platform": "TIKTOK", "handle": "sari.glow", "authenticity": 62},
                {"channelId": "e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b", "platform": "YOUTUBE", "handle": "sariglow"}
              ],
              "incidentsCountedFrom": "2024-11-23",
              "penalties": [
                {"incidentId": "b7e6d5c4-a3b2-4c1d-8e9f-0a1b2c3d4e5f", "kind": "undisclosed-ad", "severity": "MEDIUM", "occurredOn": "2026-09-14", "penalty": 0.25}
              ],
              "penalty": 0.25,
              "reasons": [
                "4.60 average over 20 reviews, shrunk to 4.38 toward the prior 3.5",
                "YouTube @sariglow: no data yet, authenticity counted as 100",
                "Authenticity 62 (lowest channel, TikTok @sari.glow): factor 0.81",
                "Unresolved MEDIUM incident (undisclosed-ad, 2026-09-14): -0.25",
                "Reputation 0.43 = 0.85 × 0.81 - 0.25"
              ],
              "computedAt": "2026-11-23T10:00:00Z"
            }""";

    static final String NOT_FOUND_PROBLEM = """
            {
              "type": "https://microscout.dev/problems/not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Influencer 3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b does not exist",
              "instance": "/api/v1/influencers/3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b/reputation"
            }""";

    static final String NOT_THE_REPORTER_PROBLEM = """
            {
              "type": "https://microscout.dev/problems/forbidden",
              "title": "Forbidden",
              "status": 403,
              "detail": "Only ADMINs of the organisation that reported incident b7e6d5c4-a3b2-4c1d-8e9f-0a1b2c3d4e5f, or an operator, may change or resolve it; report a new incident if you know more",
              "instance": "/api/v1/influencers/3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b/incidents/b7e6d5c4-a3b2-4c1d-8e9f-0a1b2c3d4e5f"
            }""";

    static final String STALE_PROBLEM = """
            {
              "type": "https://microscout.dev/problems/precondition-failed",
              "title": "Precondition failed",
              "status": 412,
              "detail": "If-Match \\"0\\" does not match the current ETag \\"1\\"; read the resource again and retry",
              "instance": "/api/v1/influencers/3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b/incidents/b7e6d5c4-a3b2-4c1d-8e9f-0a1b2c3d4e5f"
            }""";

    static final String PRECONDITION_REQUIRED_PROBLEM = """
            {
              "type": "https://microscout.dev/problems/precondition-required",
              "title": "Precondition required",
              "status": 428,
              "detail": "Send the ETag of your last read in If-Match, so that a concurrent change is not overwritten",
              "instance": "/api/v1/influencers/3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b/incidents/b7e6d5c4-a3b2-4c1d-8e9f-0a1b2c3d4e5f",
              "errors": [{"field": "If-Match", "message": "is required for this write"}]
            }""";
}
