package dev.microscout.discovery;

import dev.microscout.security.Audited;
import dev.microscout.common.Problem;
import dev.microscout.discovery.SearchResults.SearchResponse;
import dev.microscout.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/v1/discovery/searches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Discovery", description = "The ranked search: a brief in, the best-fitting creators out, each with the reasons for its place.")
public class DiscoveryResource {

    static final String BRIEF_EXAMPLE = """
            {
              "niches": [{"niche": "skincare", "weight": 1.0}],
              "tiers": ["MICRO"],
              "platforms": ["INSTAGRAM", "TIKTOK"],
              "countries": ["ID"],
              "minAuthenticity": 60,
              "audience": {"countries": ["ID"], "gender": "female", "ageRanges": ["18-24", "25-34"]},
              "maxPricePerPost": {"amount": 5000000, "currency": "IDR"},
              "excludeKeywords": ["gambling"],
              "page": 0,
              "size": 20
            }""";

    static final String RESPONSE_EXAMPLE = """
            {
              "total": 41, "page": 0, "size": 20,
              "weights": {"nicheFit": 0.3, "engagement": 0.3, "reputation": 0.2, "audienceFit": 0.2},
              "results": [{
                "rank": 1, "score": 0.8123,
                "components": {"nicheFit": 0.97, "engagement": 0.88, "reputation": 0.71, "audienceFit": 0.55,
                  "contributions": [{"component": "nicheFit", "value": 0.97, "weight": 0.3, "contribution": 0.291}]},
                "influencer": {"id": "3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b", "displayName": "Sari Wulandari", "country": "ID",
                  "city": "Bandung", "niches": ["makeup", "skincare"],
                  "rateCard": {"currency": "IDR", "pricePerPost": 2500000, "inBriefCurrency": 2500000}},
                "channel": {"id": "9b2e4f2a-51c7-4d0e-8f3a-2c6d7e8f9a01", "platform": "INSTAGRAM", "handle": "sari.glow", "tier": "MICRO",
                  "followers": 48200, "engagementRate": 0.064, "engagementPercentile": 0.88, "authenticity": 100,
                  "postsInWindow": 24, "sampleTooSmall": false},
                "reasons": [
                  "Niche fit 0.97: Skincare 0.80 matches the brief (+0.89 niche fit); Beauty shared through the parent niche (+0.08 niche fit)",
                  "Engagement rate 6.4 %, higher than 88 % of Instagram micro creators",
                  "Reputation 0.71 from 6 reviews",
                  "Rate card IDR 2,500,000 per post, within your IDR 5,000,000"]
              }]
            }""";

    @Inject
    DiscoveryService discovery;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.VIEWER_ROLE)
    @dev.microscout.security.ReadOnly
    @dev.microscout.security.Idempotent
    @Operation(operationId = "searchCreators", summary = "Rank creators for a brief",
            description = """
                    Filters the catalogue by the brief and ranks the candidates by score = Σ weight × component, weights \
                    normalised to sum 1 (default nicheFit 0.4, engagement 0.35, reputation 0.25; with an audience and no \
                    weights: 0.3, 0.3, 0.2, audienceFit 0.2). nicheFit is the cosine of the brief's and the creator's niche \
                    vectors after expansion over the tree (a niche adds half its weight to its parent and a quarter to its \
                    grandparent); creators with nicheFit 0 are left out when the brief names niches. engagement is the \
                    channel's engagement percentile among channels of its platform and tier (0 when fewer than 3 posts). \
                    Order: score, then engagement rate, then channel id, so pages are stable. One result per creator (its \
                    best channel) unless onePerInfluencer is false. Tiers default to [MICRO].""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchBrief.class),
            examples = @ExampleObject(name = "Indonesian skincare micro creators", value = BRIEF_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "One page of ranked, explained candidates.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchResponse.class),
                    examples = @ExampleObject(name = "explained result", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid brief: unknown niche or enum value, negative or all-zero weights, "
            + "size over 100, min over max…; every invalid field is named.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response search(@Valid @NotNull SearchBrief brief) {
        // A Response, so that a retry with the same Idempotency-Key replays this page (the contract offers the key on every POST).
        return Response.ok(discovery.search(brief)).build();
    }
}
