package org.dyad.ledger.intake;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/** Documents the intake's refusals in the OpenAPI document, as problem+json (the {@code Problem} schema). */
@Component
class IntakeApiDocumentation implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getPaths().forEach((path, item) -> {
            if (!path.startsWith(IntakeDraftController.DRAFTS)) {
                return;
            }
            Operation get = item.getGet();
            if (get != null) {
                get.getResponses().addApiResponse("404", problem("no such draft"));
            }
            Operation post = item.getPost();
            if (post == null) {
                return;
            }
            ApiResponses responses = post.getResponses();
            responses.addApiResponse("400", problem("bad input: each bad field is named with the reason (an empty"
                    + " text or one over the limit, a proposal the draft lacks, an edited body breaking its command's"
                    + " rules as accepted[i].body.<field>)"));
            responses.addApiResponse("415", problem("a body neither plain text nor JSON"));
            if (path.endsWith("/acceptances")) {
                responses.addApiResponse("404", problem("no such draft"));
                responses.addApiResponse("409", problem("the draft was accepted already, or a command was refused as"
                        + " illegal in its record's state; nothing of the acceptance is recorded"));
                responses.addApiResponse("422", problem("a command broke a rule; nothing of the acceptance is"
                        + " recorded"));
            }
        });
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref("Problem"))));
    }
}
