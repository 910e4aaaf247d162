package org.dyad.ledger.sipri;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.command.RecordTradeRegisterEntry;
import org.dyad.ledger.CommandLimits;
import org.dyad.ledger.IllegalTransitionException;
import org.dyad.ledger.LedgerConfiguration;
import org.dyad.ledger.RuleViolationException;
import org.dyad.sipri.SipriDeal;
import org.dyad.sipri.SipriDealMapper;
import org.dyad.sipri.SipriMapping;
import org.dyad.sipri.SipriProblem;
import org.dyad.sipri.SipriReadResult;
import org.dyad.sipri.SipriRow;
import org.dyad.sipri.SipriTradeRegisterReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Imports SIPRI trade-register exports as jobs. Every row becomes one {@link RecordTradeRegisterEntry} command sent
 * through the command gateway like any client's command, with SIPRI as its source. Rows are committed in chunks;
 * when a chunk holds a row the domain refuses, the chunk is rolled back and replayed one row per transaction, so
 * the refused row is reported and the others land. A row's deal id derives from its content, so importing the same
 * file again finds every deal present and changes nothing.
 */
@Component
public class SipriImportJobs {

    static final String KIND = "SIPRI_TRADE_REGISTER";
    private static final String LEDGER = LedgerConfiguration.SCHEMA;
    private static final int CHUNK = 250;
    private static final int MAX_REASON = 1000;
    private static final Logger log = LoggerFactory.getLogger(SipriImportJobs.class);

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Validator validator;
    private final MeterRegistry meters;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "dyad-sipri-import"));

    SipriImportJobs(CommandGateway commands, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                    Validator validator, MeterRegistry meters) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.validator = validator;
        this.meters = meters;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Queues the file for import and answers the job's id. */
    public String start(byte[] file, String fileName, String startedBy, AdmiraltyGrade grade) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO " + LEDGER + ".import_job (id, kind, file_name, file_sha256, status, started_by)"
                + " VALUES (?, ?, ?, ?, 'QUEUED', ?)", id, KIND, fileName, sha256(file), startedBy);
        worker.submit(() -> run(id, file, startedBy, grade));
        return id;
    }

    private void run(String id, byte[] file, String startedBy, AdmiraltyGrade grade) {
        try {
            jdbc.update("UPDATE " + LEDGER + ".import_job SET status = 'READING' WHERE id = ?", id);
            SipriReadResult read = SipriTradeRegisterReader.read(new ByteArrayInputStream(file));
            jdbc.update("UPDATE " + LEDGER + ".import_job SET status = 'IMPORTING', rows_total = ?, repaired = ?,"
                            + " charset = ? WHERE id = ?", read.rows().size() + read.problems().size(),
                    read.repairedRows(), read.charset().name(), id);
            Source sipri = sipriSource(read.generatedOn());
            List<Object[]> unreadable = new ArrayList<>();
            for (SipriProblem problem : read.problems()) {
                unreadable.add(new Object[]{id, problem.line(), "REJECTED", null, problem.reason()});
            }
            report(id, unreadable);
            List<SipriRow> rows = read.rows();
            List<String> dealIds = SipriDealMapper.dealIds(rows);
            for (int from = 0; from < rows.size(); from += CHUNK) {
                int to = Math.min(rows.size(), from + CHUNK);
                importChunk(id, rows.subList(from, to), dealIds.subList(from, to), sipri, grade, startedBy);
            }
            jdbc.update("UPDATE " + LEDGER + ".import_job SET status = 'DONE', finished_at = now() WHERE id = ?", id);
        } catch (Exception e) {
            log.error("Import {} failed", id, e);
            jdbc.update("UPDATE " + LEDGER + ".import_job SET status = 'FAILED', error = ?, finished_at = now()"
                    + " WHERE id = ?", String.valueOf(e.getMessage()), id);
        }
    }

    private void importChunk(String id, List<SipriRow> rows, List<String> dealIds, Source sipri, AdmiraltyGrade grade,
                             String startedBy) {
        try {
            transaction.executeWithoutResult(tx -> report(id, importRows(id, rows, dealIds, sipri, grade, startedBy,
                    false)));
        } catch (RuleViolationException | IllegalTransitionException | AggregateStreamCreationException refused) {
            // Axon rolls the whole transaction back on a refused command: replay this chunk a row at a time.
            report(id, importRows(id, rows, dealIds, sipri, grade, startedBy, true));
        }
    }

    private List<Object[]> importRows(String id, List<SipriRow> rows, List<String> dealIds, Source sipri,
                                      AdmiraltyGrade grade, String startedBy, boolean rowByRow) {
        Set<String> present = new HashSet<>(jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM " + LEDGER
                + ".domain_event_entry WHERE aggregate_identifier = ANY (?)", String.class,
                (Object) dealIds.toArray(String[]::new)));
        List<Object[]> outcomes = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            SipriRow sipriRow = rows.get(i);
            String dealId = dealIds.get(i);
            SipriMapping mapping = SipriDealMapper.map(sipriRow);
            if (!mapping.accepted()) {
                outcomes.add(new Object[]{id, sipriRow.line(), "REJECTED", null, mapping.rejection()});
                continue;
            }
            String beyondLimits = beyondLimits(mapping.deal());
            if (beyondLimits != null) {
                outcomes.add(new Object[]{id, sipriRow.line(), "REJECTED", null, beyondLimits});
                continue;
            }
            if (present.contains(dealId)) {
                outcomes.add(new Object[]{id, sipriRow.line(), "UNCHANGED", dealId, "already imported"});
                continue;
            }
            RecordTradeRegisterEntry command = command(dealId, mapping.deal(), withQuote(sipri, sipriRow), grade,
                    startedBy);
            if (!rowByRow) {
                commands.sendAndWait(command);
                outcomes.add(new Object[]{id, sipriRow.line(), "IMPORTED", dealId, null});
                continue;
            }
            try {
                transaction.executeWithoutResult(tx -> commands.sendAndWait(command));
                outcomes.add(new Object[]{id, sipriRow.line(), "IMPORTED", dealId, null});
            } catch (AggregateStreamCreationException e) {
                outcomes.add(new Object[]{id, sipriRow.line(), "UNCHANGED", dealId, "already imported"});
            } catch (RuleViolationException | IllegalTransitionException e) {
                outcomes.add(new Object[]{id, sipriRow.line(), "REJECTED", dealId, e.getMessage()});
            }
        }
        return outcomes;
    }

    /** A row must keep the limits a client's command keeps (e.g. a designation of at most 200 characters). */
    private String beyondLimits(SipriDeal deal) {
        List<String> problems = new ArrayList<>(CommandLimits.violations(validator, "item", deal.item()));
        if (deal.delivery() != null) {
            problems.addAll(CommandLimits.violations(validator, "delivery", deal.delivery()));
        }
        for (int i = 0; i < deal.estimates().size(); i++) {
            problems.addAll(CommandLimits.violations(validator, "estimates[" + i + "]", deal.estimates().get(i)));
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    static RecordTradeRegisterEntry command(String dealId, SipriDeal deal, Source source, AdmiraltyGrade grade,
                                            String recordedBy) {
        PartialDate cancelledOn = null;
        if (deal.cancelled()) {
            // SIPRI does not date cancellations: the latest date the row gives, approximate.
            PartialDate last = deal.delivery() == null ? deal.orderedOn()
                    : deal.delivery().spreadOver().isEmpty() ? deal.delivery().deliveredOn()
                    : deal.delivery().spreadOver().get(deal.delivery().spreadOver().size() - 1);
            cancelledOn = new PartialDate(last.year(), last.month(), last.day(), true);
        }
        return new RecordTradeRegisterEntry(dealId, deal.supplier(), deal.recipient(), deal.item(), deal.terms(),
                deal.orderedOn(), deal.delivery(), deal.completedOn(), cancelledOn, deal.estimates(), null, null, 0, null,
                source, grade,
                recordedBy);
    }

    private void report(String id, List<Object[]> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        for (Object[] outcome : outcomes) {
            // Reasons quote the row; a hostile row's huge field is not worth keeping whole.
            if (outcome[4] instanceof String reason) {
                // PostgreSQL's text holds no NUL.
                String text = reason.replace('\u0000', '\uFFFD');
                outcome[4] = text.length() > MAX_REASON ? text.substring(0, MAX_REASON - 1) + "…" : text;
            }
        }
        // counted once per chunk and outcome, not looked up per row
        outcomes.stream().collect(Collectors.groupingBy(o -> o[2].toString(), Collectors.counting()))
                .forEach((outcome, rows) -> Counter.builder("dyad.import.rows")
                        .description("rows of SIPRI imports by outcome").tag("outcome", outcome).register(meters)
                        .increment(rows));
        jdbc.batchUpdate("INSERT INTO " + LEDGER + ".import_row (job_id, line, outcome, deal_id, reason)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", outcomes);
        long imported = outcomes.stream().filter(o -> "IMPORTED".equals(o[2])).count();
        long unchanged = outcomes.stream().filter(o -> "UNCHANGED".equals(o[2])).count();
        long rejected = outcomes.stream().filter(o -> "REJECTED".equals(o[2])).count();
        jdbc.update("UPDATE " + LEDGER + ".import_job SET rows_done = rows_done + ?, imported = imported + ?,"
                        + " unchanged = unchanged + ?, rejected = rejected + ? WHERE id = ?",
                outcomes.size(), imported, unchanged, rejected, id);
    }

    static Source sipriSource(LocalDate generatedOn) {
        return new Source("SIPRI", "SIPRI Arms Transfers Database: trade register",
                "https://www.sipri.org/databases/armstransfers",
                PartialDate.of(generatedOn == null ? LocalDate.now() : generatedOn), null, "en");
    }

    /** The source with the row itself as its quote, so each fact points at the line it came from. */
    private static Source withQuote(Source sipri, SipriRow row) {
        String quote = String.join(", ", row.recipient(), row.supplier(), String.valueOf(row.orderYear()),
                String.valueOf(row.numberOrdered()), row.designation(), String.valueOf(row.description()),
                String.valueOf(row.numberDelivered()), String.valueOf(row.deliveryYears()),
                row.comments() == null ? "" : row.comments());
        quote = quote.length() > 1000 ? quote.substring(0, 997) + "..." : quote;
        return new Source(sipri.publisher(), sipri.title(), sipri.url(), sipri.publishedOn(), quote,
                sipri.language());
    }

    private static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
