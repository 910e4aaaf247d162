package org.dyad.ledger.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.dyad.intake.TextKind;
import org.dyad.intake.TextSource;
import org.dyad.support.web.ApiProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The intake: drafts commands from a text (recording nothing), answers a draft, and records the proposals an analyst
 * accepts through the command endpoints they name. Analysts and admins only.
 */
@RestController
@RequestMapping(path = IntakeDraftController.DRAFTS, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Intake", description = "Drafts of commands from the texts analysts read, reviewed and recorded")
public class IntakeDraftController {

    static final String DRAFTS = "/api/v1/intake/drafts";
    /** The engine's fields as a JSON request names them. */
    private static final Map<String, String> JSON_FIELDS = Map.of();
    /** The engine's fields as a plain-text request names them: the body, and the query's parameters. */
    private static final Map<String, String> PLAIN_TEXT_FIELDS = Map.of("source", "publishedOn",
            "source.language", "language");

    private final IntakeDrafts drafts;

    IntakeDraftController(IntakeDrafts drafts) {
        this.drafts = drafts;
    }

    @Operation(summary = "Draft commands from a text sent as plain text, its source in the query (records nothing)")
    @ApiResponse(responseCode = "201", description = "the draft; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DraftAnswer.class)))
    @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<ObjectNode> draftPlainText(@RequestBody(required = false) byte[] body,
                                                     @RequestHeader(value = HttpHeaders.CONTENT_TYPE) String contentType,
                                                     @RequestParam(required = false) String publisher,
                                                     @RequestParam(required = false) String title,
                                                     @RequestParam(required = false) String url,
                                                     @RequestParam(required = false) String publishedOn,
                                                     @RequestParam(required = false) String language,
                                                     @RequestParam(required = false) TextKind kind,
                                                     HttpServletRequest request) {
        String text = decode(body == null ? new byte[0] : body, MediaType.parseMediaType(contentType));
        TextSource source = new TextSource(publisher, title, url, date("publishedOn", publishedOn),
                language == null ? "en" : language);
        return created(drafts.create(text, source, kind, principal(request), PLAIN_TEXT_FIELDS));
    }

    @Operation(summary = "Draft commands from a text sent as JSON with its source (records nothing)")
    @ApiResponse(responseCode = "201", description = "the draft; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DraftAnswer.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> draftJson(@RequestBody DraftRequest body, HttpServletRequest request) {
        DraftRequest.SourceFields given = body.source();
        TextSource source = given == null ? null : new TextSource(given.publisher(), given.title(), given.url(),
                given.publishedOn(), given.language() == null ? "en" : given.language());
        return created(drafts.create(body.text(), source, body.kind(), principal(request), JSON_FIELDS));
    }

    @Operation(summary = "Fetch a draft, with what was recorded and rejected once it was accepted")
    @ApiResponse(responseCode = "200", description = "the draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DraftAnswer.class)))
    @GetMapping("/{draftId}")
    public ObjectNode draft(@PathVariable String draftId) {
        return drafts.find(draftId);
    }

    @Operation(summary = "Record the accepted proposals (with the analyst's edits) and keep the rejected ones; "
            + "all or nothing, once per draft")
    @ApiResponse(responseCode = "200", description = "the draft, accepted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DraftAnswer.class)))
    @PostMapping(path = "/{draftId}/acceptances", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode accept(@PathVariable String draftId, @RequestBody DraftAcceptanceRequest body,
                             HttpServletRequest request) {
        return drafts.accept(draftId, body, request);
    }

    private static ResponseEntity<ObjectNode> created(ObjectNode draft) {
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(DRAFTS + "/" + draft.path("id").asText()))
                .body(draft);
    }

    /** The body in its declared charset (UTF-8 when none is declared); bytes that are not that charset are refused. */
    private static String decode(byte[] body, MediaType type) {
        Charset charset = type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiProblemException.badRequest("text", "is not " + charset.name() + " text");
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblemException.badRequest(field, "'" + value + "' is not a date YYYY-MM-DD");
        }
    }

    private static String principal(HttpServletRequest request) {
        return request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
    }
}
