package org.dyad.views.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.dyad.support.web.ApiProblemException;
import org.dyad.views.web.KnownActors;
import org.dyad.views.web.ReleaseTimes;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Tidy downloads for pandas, R and spreadsheets: deals, events and a dyad-year panel, as CSV, NDJSON or Parquet.
 * Every filter is checked before the first byte goes out (a bad one is a problem naming it); the rows are then
 * written to the response as they are read, a page at a time ({@link ExportSettings}).
 */
@RestController
@RequestMapping("/api/v1/exports")
@Tag(name = "Exports", description = "The deals in other tools' formats")
public class AnalysisExportController {

    private static final Pattern ACTOR = Pattern.compile("[A-Z]{3}");
    private static final Pattern STATUS = Pattern.compile("PENDING|ALL|REPORTED|NOTIFIED|NEGOTIATING|CONTRACTED"
            + "|DELIVERING|DELIVERED|ACTIVE|SUSPENDED|CANCELLED|SUPERSEDED");
    private static final String YEARS = "a year (YYYY); the rows kept are described with each export";

    private final DealExport deals;
    private final EventExport events;
    private final DyadYearExport dyadYears;
    private final ReleaseTimes releaseTimes;

    AnalysisExportController(DealExport deals, EventExport events, DyadYearExport dyadYears,
                             ReleaseTimes releaseTimes) {
        this.deals = deals;
        this.events = events;
        this.dyadYears = dyadYears;
        this.releaseTimes = releaseTimes;
    }

    @Operation(summary = "Export deals, one row per deal: both actors with their ISO 3166, SIPRI, Correlates of War "
            + "and Gleditsch-Ward codes, items, stage and status, dates with their precision, units ordered and "
            + "delivered, the latest estimate in each currency with its source, and when it was recorded. The "
            + "filters of GET /api/v1/deals (status defaults to ALL); from and to bound the year of order.")
    @GetMapping("/deals.{format}")
    public void exportDeals(
            @PathVariable String format,
            @RequestParam(defaultValue = "ALL") String status,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String recipient,
            @Parameter(description = "a SIPRI category (e.g. AIRCRAFT) or a UN Register category")
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String designation,
            @RequestParam(required = false) String minValue,
            @RequestParam(required = false) String maxValue,
            @RequestParam(required = false) String currency,
            @Parameter(description = YEARS) @RequestParam(required = false) String from,
            @Parameter(description = YEARS) @RequestParam(required = false) String to,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @Parameter(description = "a release of SIPRI's trade register, by id or date: the data as Dyad knew it "
                    + "when that release was first imported (instead of knownAt)")
            @RequestParam(required = false) String asReleased,
            HttpServletResponse response) throws IOException {
        TidyFormat tidy = TidyFormat.ofExtension(format);
        if (!STATUS.matcher(status).matches()) {
            throw ApiProblemException.badRequest("status", "must be PENDING, ALL, a stage (REPORTED, NOTIFIED, "
                    + "NEGOTIATING, CONTRACTED, DELIVERING, DELIVERED) or a side state (ACTIVE, SUSPENDED, "
                    + "CANCELLED, SUPERSEDED)");
        }
        if (category != null && !category.matches("[A-Z_IV]{2,40}")) {
            throw ApiProblemException.badRequest("category", "must be a category name such as AIRCRAFT");
        }
        if (designation != null && designation.length() > 100) {
            throw ApiProblemException.badRequest("designation", "must be at most 100 characters");
        }
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw ApiProblemException.badRequest("currency", "must be an ISO 4217 code such as USD, or TIV");
        }
        BigDecimal min = value("minValue", minValue);
        BigDecimal max = value("maxValue", maxValue);
        String valueCurrency = currency == null && (min != null || max != null) ? "USD" : currency;
        ExportFilter filter = new ExportFilter(status, actor("supplier", supplier), actor("recipient", recipient),
                category, designation, min, max, valueCurrency, year("from", from), year("to", to), asOf(asOf),
                releaseTimes.knownAt(knownAt, asReleased));
        checkYears(filter);
        deals.write(filter, tidy, download(response, "dyad-deals", tidy));
    }

    @Operation(summary = "Export the full history with its provenance, one row per event in the order received: "
            + "event id and type, record, valid time and its precision, recorded time, source, grade, who recorded "
            + "it, intake draft, and the event's fields as JSON text. supplier and recipient keep the events of their "
            + "deals; from and to keep events valid in those years; knownAt keeps events recorded by then.")
    @GetMapping("/events.{format}")
    public void exportEvents(
            @PathVariable String format,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String recipient,
            @Parameter(description = YEARS) @RequestParam(required = false) String from,
            @Parameter(description = YEARS) @RequestParam(required = false) String to,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String asReleased,
            HttpServletResponse response) throws IOException {
        TidyFormat tidy = TidyFormat.ofExtension(format);
        ExportFilter filter = ExportFilter.of(actor("supplier", supplier), actor("recipient", recipient),
                year("from", from), year("to", to), null, releaseTimes.knownAt(knownAt, asReleased));
        checkYears(filter);
        events.write(filter, tidy, download(response, "dyad-events", tidy));
    }

    @Operation(summary = "Export a supplier x recipient x year panel: deliveries (units, and TIV by year of "
            + "delivery as SIPRI counts it), orders (deals, units, latest estimates per currency), agreements in "
            + "force; every year from `from` (else the pair's first active year) to `to` (else its last)")
    @GetMapping("/dyad-years.{format}")
    public void exportDyadYears(
            @PathVariable String format,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String recipient,
            @Parameter(description = YEARS) @RequestParam(required = false) String from,
            @Parameter(description = YEARS) @RequestParam(required = false) String to,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String asReleased,
            HttpServletResponse response) throws IOException {
        TidyFormat tidy = TidyFormat.ofExtension(format);
        ExportFilter filter = ExportFilter.of(actor("supplier", supplier), actor("recipient", recipient),
                year("from", from), year("to", to), asOf(asOf), releaseTimes.knownAt(knownAt, asReleased));
        checkYears(filter);
        if (filter.from() != null && filter.to() != null && filter.to() - filter.from() > 500) {
            throw ApiProblemException.badRequest("to", "a panel spans at most 500 years");
        }
        dyadYears.write(filter, tidy, download(response, "dyad-years", tidy));
    }

    /**
     * The response's body, once its headers say what it is: a download, never cached; the rows then go out as they
     * are read (chunked: the length is not known before the end).
     */
    private static OutputStream download(HttpServletResponse response, String name, TidyFormat format)
            throws IOException {
        response.setContentType(format.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "."
                + format.extension() + "\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return response.getOutputStream();
    }

    private static String actor(String field, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (!ACTOR.matcher(code).matches()) {
            throw ApiProblemException.badRequest(field, "must be a three-letter actor code such as RUS or IRN");
        }
        KnownActors.require(field, code);
        return code;
    }

    private static Integer year(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.matches("\\d{4}")) {
            throw ApiProblemException.badRequest(field, "'" + value + "' is not a year such as 1995");
        }
        return Integer.valueOf(value);
    }

    private static void checkYears(ExportFilter filter) {
        if (filter.from() != null && filter.to() != null && filter.from() > filter.to()) {
            throw ApiProblemException.badRequest("to", "must not be before from (" + filter.from() + ")");
        }
    }

    private static BigDecimal value(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal decimal = new BigDecimal(value);
            if (decimal.signum() < 0) {
                throw ApiProblemException.badRequest(field, "must not be negative");
            }
            return decimal;
        } catch (NumberFormatException e) {
            throw ApiProblemException.badRequest(field, "'" + value + "' is not a number");
        }
    }

    private static LocalDate asOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblemException.badRequest("asOf", "'" + value + "' is not a date such as 2000-06-01");
        }
    }
}
