package dev.microscout.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error responses every operation can give, so that no endpoint forgets them:
 * 500 everywhere, and 413/415 wherever a body is read.
 */
public class StandardProblemResponses implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return operation;
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413", "The body is larger than 1 MiB.");
            add(responses, "415", "The Content-Type is not one this operation reads.");
        }
        add(responses, "500", "Unexpected failure; the problem carries an incident id to quote, never internals.");
        return operation;
    }

    private static void add(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            return;
        }
        MediaType problem = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem);
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(content));
    }
}
