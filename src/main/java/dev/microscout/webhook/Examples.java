package dev.microscout.webhook;

/** Request and response examples shown in the OpenAPI document. */
final class Examples {
    private Examples() {
    }

    static final String WEBHOOK_CREATE = """
            {
              "url": "https://crm.kopisenja.example/hooks/microscout",
              "events": ["channel.tier_changed", "import.completed"],
              "description": "CRM: tier changes and finished imports"
            }""";

    static final String WEBHOOK_VIEW = """
            {
              "id": "8d0f6a2e-4b3c-4e1d-9f7a-6b5c4d3e2f1a",
              "url": "https://crm.kopisenja.example/hooks/microscout",
              "events": ["channel.tier_changed", "import.completed"],
              "description": "CRM: tier changes and finished imports",
              "enabled": true,
              "createdAt": "2026-12-01T09:00:00Z",
              "updatedAt": "2026-12-01T09:00:00Z",
              "version": 0
            }""";

    /** The view as registered, and its secret. */
    static final String WEBHOOK_CREATED = "{\"webhook\": " + WEBHOOK_VIEW + ", \"secret\": \"whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD\"}";

    static final String WEBHOOK_PATCH = """
            {"events": ["channel.tier_changed", "incident.created", "import.completed"], "description": "CRM: tiers, incidents, imports"}""";

    static final String WEBHOOK_DISABLE = """
            {"enabled": false}""";

    static final String SECRET_ROTATED = """
            {
              "webhookId": "8d0f6a2e-4b3c-4e1d-9f7a-6b5c4d3e2f1a",
              "secret": "whsec_q8Vd0Zx3kLm1Rt7Yp2Wn5Hs9Bc4Fg6Ja",
              "previousSecretExpiresAt": "2026-12-02T09:30:00Z",
              "version": 1
            }""";

    static final String DELIVERY_VIEW = """
            {
              "id": "2c9e7d41-8a6b-4f3e-b1d0-9e8f7a6b5c4d",
              "eventId": "5b1f2c3d-4e5f-4071-8293-a4b5c6d7e8f9",
              "messageId": "msg_5b1f2c3d4e5f40718293a4b5c6d7e8f9",
              "eventType": "channel.tier_changed",
              "status": "SUCCEEDED",
              "createdAt": "2026-12-01T10:15:02.114Z",
              "completedAt": "2026-12-01T10:15:37.530Z",
              "attempts": [
                {"attempt": 1, "attemptedAt": "2026-12-01T10:15:02.131Z", "statusCode": 500, "durationMs": 84},
                {"attempt": 2, "attemptedAt": "2026-12-01T10:15:07.402Z", "error": "no answer within 10 s", "durationMs": 10003},
                {"attempt": 3, "attemptedAt": "2026-12-01T10:15:37.488Z", "statusCode": 204, "durationMs": 42}
              ]
            }""";

    static final String DELIVERY_QUEUED = """
            {
              "id": "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910",
              "eventId": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
              "messageId": "msg_0a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d",
              "eventType": "webhook.test",
              "status": "PENDING",
              "createdAt": "2026-12-01T10:20:00Z",
              "nextAttemptAt": "2026-12-01T10:20:00Z",
              "attempts": []
            }""";

    static final String URL_PROBLEM = """
            {
              "type": "https://microscout.dev/problems/validation",
              "title": "Invalid request",
              "status": 400,
              "detail": "url names host intranet.kopisenja.example, which resolves to 10.0.4.17, a private address (RFC 1918); webhooks are sent to public addresses only",
              "instance": "/api/v1/webhooks",
              "errors": [{"field": "url", "message": "names host intranet.kopisenja.example, which resolves to 10.0.4.17, a private address (RFC 1918); webhooks are sent to public addresses only"}]
            }""";

    static final String EVENTS_PROBLEM = """
            {
              "type": "https://microscout.dev/problems/malformed-request",
              "title": "Malformed request",
              "status": 400,
              "detail": "events[1] must be one of channel.tier_changed, import.completed, incident.created, campaign.status_changed (got \\"channel.created\\")",
              "instance": "/api/v1/webhooks",
              "errors": [{"field": "events[1]", "message": "must be one of channel.tier_changed, import.completed, incident.created, campaign.status_changed (got \\"channel.created\\")"}]
            }""";

    static final String NOT_FOUND_PROBLEM = """
            {
              "type": "https://microscout.dev/problems/not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Webhook 8d0f6a2e-4b3c-4e1d-9f7a-6b5c4d3e2f1a does not exist",
              "instance": "/api/v1/webhooks/8d0f6a2e-4b3c-4e1d-9f7a-6b5c4d3e2f1a"
            }""";

    static final String DISABLED_PROBLEM = """
            {
              "type": "https://microscout.dev/problems/conflict",
              "title": "Conflict",
              "status": 409,
              "detail": "Webhook 8d0f6a2e-4b3c-4e1d-9f7a-6b5c4d3e2f1a is disabled (The endpoint answered 410 Gone); enable it with PATCH {\\"enabled\\": true} first",
              "instance": "/api/v1/webhooks/8d0f6a2e-4b3c-4e1d-9f7a-6b5c4d3e2f1a/test"
            }""";

    static final String SECRET_ISSUED_PROBLEM = """
            {
              "type": "https://microscout.dev/problems/secret-already-issued",
              "title": "Already issued",
              "status": 409,
              "detail": "The webhook secret of endpoint 8d0f6a2e-4b3c-4e1d-9f7a-6b5c4d3e2f1a was issued by the first request with this Idempotency-Key; its secret was shown in that response only and cannot be shown again. If it was lost, revoke it and create a new one.",
              "instance": "/api/v1/webhooks",
              "errors": [{"field": "Idempotency-Key", "message": "already issued webhook secret of endpoint 8d0f6a2e-4b3c-4e1d-9f7a-6b5c4d3e2f1a"}],
              "issuedId": "8d0f6a2e-4b3c-4e1d-9f7a-6b5c4d3e2f1a"
            }""";
}
