package org.dyad.ledger.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * Commands to record together, in order.
 *
 * @param commands up to {@value CommandBatches#MAX_COMMANDS} commands
 */
public record CommandBatchRequest(List<Command> commands) {

    /**
     * One command: the command endpoint it would be sent to on its own, and that endpoint's body.
     *
     * @param path    a command endpoint's path, e.g. {@code /api/v1/deals} or {@code /api/v1/deals/d-1/contract}
     * @param ifMatch the record's version the client last saw, as the endpoint's {@code If-Match} header takes it
     * @param body    the endpoint's request body
     */
    public record Command(
            @Schema(description = "a command endpoint's path (every command endpoint takes POST)",
                    example = "/api/v1/deals/d-1/contract") String path,
            @Schema(description = "the record's version last seen, as If-Match takes it", example = "\"2\"")
            String ifMatch,
            @Schema(description = "the endpoint's request body") ObjectNode body) {
    }
}
