package dev.microscout.ingest;

/** Request and response examples of the import API, as the OpenAPI document shows them. */
final class Examples {

    private Examples() {
    }

    static final String INFLUENCERS_CSV = """
            ref,displayName,country,city,languages,niches,rateCurrency,ratePerPost,platform,handle,followers,following,verified
            crm-1042,Sari Wulandari,ID,Bandung,id|en,skincare:0.8|makeup:0.2,IDR,2500000,INSTAGRAM,sari.glow,48200,610,false
            crm-1042,Sari Wulandari,ID,Bandung,id|en,skincare:0.8|makeup:0.2,IDR,2500000,TIKTOK,sari.glow.tt,12400,80,false
            """;

    static final String JOB_QUEUED = """
            {"id": "6c1f4e2a-8b3d-4f5e-9a7c-2d1e0f3a4b5c", "kind": "influencers", "format": "CSV", "status": "QUEUED",
             "columns": {}, "ignoredColumns": [], "delimiter": ",", "bytes": 7340032,
             "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
             "lines": {"processed": 0, "committedThrough": 0}, "created": 0, "updated": 0, "unchanged": 0, "failed": 0,
             "cancelRequested": false, "createdAt": "2026-12-01T10:00:00Z"}""";

    static final String JOB_RUNNING = """
            {"id": "6c1f4e2a-8b3d-4f5e-9a7c-2d1e0f3a4b5c", "kind": "influencers", "format": "CSV", "status": "RUNNING",
             "columns": {"Creator name": "displayName"}, "ignoredColumns": ["Owner"], "delimiter": ",", "bytes": 7340032,
             "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
             "lines": {"total": 100000, "processed": 41500, "committedThrough": 41501}, "created": 41180, "updated": 300,
             "unchanged": 8, "failed": 12, "rowsPerSecond": 3450.2, "estimatedFinish": "2026-12-01T10:00:30Z",
             "cancelRequested": false, "createdAt": "2026-12-01T10:00:00Z", "startedAt": "2026-12-01T10:00:01Z"}""";

    static final String ERRORS = """
            {"items": [
              {"line": 17, "field": "followers", "reason": "must be a whole number, was \\"12k\\"",
               "raw": "crm-1050,Budi Santoso,ID,Jakarta,id,food:1,,,INSTAGRAM,budi.eats,12k,300,false"},
              {"line": 23, "field": "country", "reason": "must be an ISO 3166-1 alpha-2 code",
               "raw": "crm-1057,Nur Aini,Indonesia,Surabaya,id,fashion:1,,,TIKTOK,nur.style,5400,120,false"}],
             "page": 0, "size": 100, "total": 2}""";
}
