package org.dyad.ledger.sipri;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.dyad.actors.Actor;
import org.dyad.actors.ActorRegistry;
import org.dyad.contracts.actor.RecordedActorKind;
import org.dyad.contracts.actor.command.RecordActor;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.command.DropRegisterEntry;
import org.dyad.contracts.deal.command.RecordTradeRegisterEntry;
import org.dyad.contracts.deal.command.RestateRegisterEntry;
import org.dyad.contracts.deal.command.ReviseRegisterEntry;
import org.dyad.contracts.register.RegisterImportCounts;
import org.dyad.contracts.register.RegisterRow;
import org.dyad.contracts.register.command.RecordRegisterRelease;
import org.dyad.contracts.register.command.RecordRegisterReleaseImport;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.ledger.CommandLimits;
import org.dyad.ledger.IllegalTransitionException;
import org.dyad.ledger.LedgerConfiguration;
import org.dyad.ledger.RuleViolationException;
import org.dyad.ledger.actor.RecordedActors;
import org.dyad.sipri.SipriDeal;
import org.dyad.sipri.SipriDealMapper;
import org.dyad.sipri.SipriMapping;
import org.dyad.sipri.SipriProblem;
import org.dyad.sipri.SipriReadResult;
import org.dyad.sipri.SipriReleaseMatching;
import org.dyad.sipri.SipriReleaseMatching.Decision;
import org.dyad.sipri.SipriReleaseMatching.KnownDeal;
import org.dyad.sipri.SipriReleaseMatching.ReleaseRow;
import org.dyad.sipri.SipriRow;
import org.dyad.sipri.SipriTradeRegisterReader;
import org.dyad.support.web.ApiProblemException;
import org.dyad.support.web.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Imports SIPRI trade-register exports as jobs, each file as a release of the register (see {@link Release}). The
 * release's rows are matched to the deals earlier releases listed ({@link SipriReleaseMatching}, over the
 * {@code register_entry} index): a new deal becomes a {@link RecordTradeRegisterEntry}, a changed one a
 * {@link ReviseRegisterEntry}, one listed as before a {@link RestateRegisterEntry}, and a deal the release no longer
 * lists within the pairs it covers a {@link DropRegisterEntry}; all are sent through the command gateway like any
 * client's command, with the release as their source, and the index is written in the same transaction. Rows are
 * committed in chunks; when a chunk holds a row the domain refuses, the chunk is rolled back and replayed one row per
 * transaction, so the refused row is reported and the others land. Importing the same release again changes nothing.
 */
@Component
public class SipriImportJobs {

    static final String KIND = "SIPRI_TRADE_REGISTER";
    static final String REGISTER = "SIPRI Arms Transfers Database: trade register";
    private static final String LEDGER = LedgerConfiguration.SCHEMA;
    private static final int CHUNK = 500;
    private static final String UPSERT_ENTRY = "INSERT INTO " + LEDGER + ".register_entry (deal_id, recipient,"
            + " supplier, order_year, designation_key, written, last_release_id) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)"
            + " ON CONFLICT (deal_id) DO UPDATE SET recipient = EXCLUDED.recipient,"
            + " supplier = EXCLUDED.supplier, order_year = EXCLUDED.order_year,"
            + " designation_key = EXCLUDED.designation_key, written = EXCLUDED.written,"
            + " last_release_id = EXCLUDED.last_release_id, dropped_in = NULL";
    private static final String DROP_ENTRY = "UPDATE " + LEDGER + ".register_entry SET dropped_in = ?"
            + " WHERE deal_id = ?";
    private static final int MAX_REASON = 1000;
    /** SIPRI's marks of a non-state group ({@code *}) and of an organisation ({@code **}). */
    private static final Pattern MARKS = Pattern.compile("\\*+$");
    /** No actor's name is longer; a longer marked name is left to the mapper, which refuses it. */
    private static final int MAX_MARKED_NAME = 100;
    private static final Logger log = LoggerFactory.getLogger(SipriImportJobs.class);

    private final CommandGateway commands;
    private final RecordedActors recordedActors;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Validator validator;
    private final MeterRegistry meters;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "dyad-sipri-import"));

    SipriImportJobs(CommandGateway commands, RecordedActors recordedActors, JdbcTemplate jdbc,
                    PlatformTransactionManager transactions, Validator validator, MeterRegistry meters) {
        this.commands = commands;
        this.recordedActors = recordedActors;
        this.jdbc = jdbc;
        this.validator = validator;
        this.meters = meters;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * A release of the register: SIPRI republishes the whole register, each time generated on a date.
     *
     * @param releaseId {@code sipri-} and the date, e.g. {@code sipri-2025-03-13}
     */
    public record Release(String releaseId, LocalDate releasedOn) {

        static Release of(LocalDate releasedOn) {
            return new Release("sipri-" + releasedOn, releasedOn);
        }
    }

    /** An uploaded file, kept in a temporary file until its import ends, with its SHA-256 digest. */
    public record Upload(Path file, String fileName, String sha256) {
    }

    /** Keeps the stream in a temporary file, computing its digest on the way. */
    public static Upload keep(InputStream in, String fileName) throws IOException {
        Path file = Files.createTempFile("dyad-sipri-", ".csv");
        try (DigestInputStream digesting = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
            Files.copy(digesting, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return new Upload(file, fileName, HexFormat.of().formatHex(digesting.getMessageDigest().digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * Which release a file is: the date its preamble says it was generated on, else the {@code release} option
     * (a date or a release id). Refused (400 naming {@code release}) when neither says which release it is, when the
     * option is no date or disagrees with the preamble, and (409) when it is older than the newest release on record:
     * releases are imported in the order SIPRI published them. A file that named no release cannot be taken as one
     * of the day it is imported: that would refuse every earlier release of the register after it.
     */
    public Release release(Path file, String option) throws IOException {
        LocalDate given = null;
        if (option != null && !option.isBlank()) {
            try {
                given = LocalDate.parse(option.strip().replaceFirst("^sipri-", ""));
            } catch (DateTimeParseException e) {
                throw ApiProblemException.badRequest("release", "'" + option + "' is not a date YYYY-MM-DD (or a "
                        + "release id sipri-YYYY-MM-DD)");
            }
        }
        LocalDate generated;
        try (InputStream in = Files.newInputStream(file)) {
            generated = SipriTradeRegisterReader.generatedOn(in);
        }
        if (generated != null && given != null && !generated.equals(given)) {
            throw ApiProblemException.badRequest("release", "the file's preamble says it was generated on "
                    + generated + ", which is release " + generated + ", not " + given);
        }
        if (generated == null && given == null) {
            throw ApiProblemException.badRequest("release", "the file does not say which release of SIPRI's register "
                    + "it is (its preamble has no 'Data generated:' line); give the release's date, e.g. "
                    + "release=2025-03-13");
        }
        Release release = Release.of(generated != null ? generated : given);
        String older = olderThanNewest(release);
        if (older != null) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "Release out of order", "release: " + older,
                    List.of(new FieldProblem("release", older)));
        }
        return release;
    }

    /** Why the release may not be imported now, or null when it may. */
    private String olderThanNewest(Release release) {
        LocalDate newest = jdbc.queryForObject("SELECT max(released_on) FROM " + LEDGER + ".register_release",
                LocalDate.class);
        return newest != null && release.releasedOn().isBefore(newest) ? "release " + release.releasedOn()
                + " is older than release " + newest + " already imported; releases are imported in the order SIPRI "
                + "published them" : null;
    }

    /** Queues the file for import as the release and answers the job's id; the file is deleted once read. */
    public String start(Upload upload, Release release, String startedBy, AdmiraltyGrade grade) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO " + LEDGER + ".import_job (id, kind, file_name, file_sha256, status, started_by,"
                        + " release_id) VALUES (?, ?, ?, ?, 'QUEUED', ?, ?)", id, KIND, upload.fileName(),
                upload.sha256(), startedBy, release.releaseId());
        worker.submit(() -> run(id, upload, release, startedBy, grade));
        return id;
    }

    private void run(String id, Upload upload, Release release, String startedBy, AdmiraltyGrade grade) {
        try {
            jdbc.update("UPDATE " + LEDGER + ".import_job SET status = 'READING' WHERE id = ?", id);
            SipriReadResult read;
            try (InputStream in = Files.newInputStream(upload.file())) {
                read = SipriTradeRegisterReader.read(in);
            } finally {
                Files.deleteIfExists(upload.file());
            }
            jdbc.update("UPDATE " + LEDGER + ".import_job SET status = 'IMPORTING', rows_total = ?, repaired = ?,"
                            + " charset = ? WHERE id = ?", read.rows().size() + read.problems().size(),
                    read.repairedRows(), read.charset().name(), id);
            // another import may have recorded a newer release since this one was accepted
            String older = olderThanNewest(release);
            if (older != null) {
                throw new IllegalStateException(older);
            }
            recordRelease(release, grade, startedBy);
            Source sipri = sipriSource(release.releasedOn());
            List<Object[]> unreadable = new ArrayList<>();
            for (SipriProblem problem : read.problems()) {
                unreadable.add(new Object[]{id, problem.line(), "REJECTED", null, problem.reason()});
            }
            report(id, unreadable);
            recordUnknownMarkedActors(read.rows(), sipri, grade, startedBy);
            List<Step> steps = steps(id, read.rows(), release, sipri, grade, startedBy);
            for (int from = 0; from < steps.size(); from += CHUNK) {
                importChunk(id, steps.subList(from, Math.min(steps.size(), from + CHUNK)));
            }
            RegisterImportCounts counts = jdbc.queryForObject("SELECT rows_total, imported, revised, unchanged,"
                    + " dropped, rejected, ambiguous, repaired FROM " + LEDGER + ".import_job WHERE id = ?",
                    (rs, n) -> new RegisterImportCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                            rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)), id);
            commands.sendAndWait(new RecordRegisterReleaseImport(release.releaseId(), id, upload.fileName(),
                    upload.sha256(), read.charset().name(), counts, sipri, grade, startedBy));
            jdbc.update("UPDATE " + LEDGER + ".import_job SET status = 'DONE', finished_at = now() WHERE id = ?", id);
        } catch (Exception e) {
            log.error("Import {} failed", id, e);
            jdbc.update("UPDATE " + LEDGER + ".import_job SET status = 'FAILED', error = ?, finished_at = now()"
                    + " WHERE id = ?", String.valueOf(e.getMessage()), id);
        }
    }

    /**
     * Records the groups ({@code *}) and organisations ({@code **}) the rows name that Dyad does not know, with
     * SIPRI's spelling as alias and the release as source, so that their rows map like any other. A name recorded
     * by an earlier import is known and recorded again by none. One that cannot be recorded (its name without the
     * mark already names another actor) leaves its rows refused as unknown, with the closest matches.
     */
    private void recordUnknownMarkedActors(List<SipriRow> rows, Source sipri, AdmiraltyGrade grade,
                                           String startedBy) {
        Set<String> unknown = new LinkedHashSet<>();
        for (SipriRow row : rows) {
            for (String name : new String[]{row.supplier(), row.recipient()}) {
                if (name != null && name.endsWith("*") && name.length() <= MAX_MARKED_NAME
                        && ActorRegistry.standard().byName(name).isEmpty()) {
                    unknown.add(name.strip());
                }
            }
        }
        for (String spelling : unknown) {
            RecordedActorKind kind = spelling.endsWith("**") ? RecordedActorKind.INTERNATIONAL_ORGANISATION
                    : RecordedActorKind.NON_STATE_GROUP;
            String name = MARKS.matcher(spelling).replaceAll("").strip();
            try {
                transaction.executeWithoutResult(tx -> {
                    String code = recordedActors.allocate(kind, name, List.of(spelling), null, null);
                    commands.sendAndWait(new RecordActor(code, name, kind, List.of(spelling), null, null, null, sipri,
                            grade, startedBy));
                });
            } catch (RuleViolationException e) {
                log.warn("SIPRI's '{}' is not recorded as an actor: {}", spelling, e.getMessage());
            }
        }
    }

    /** The release's record, made by its first import. */
    private void recordRelease(Release release, AdmiraltyGrade grade, String startedBy) {
        Integer known = jdbc.queryForObject("SELECT count(*) FROM " + LEDGER + ".register_release WHERE release_id = ?",
                Integer.class, release.releaseId());
        if (known != 0) {
            return;
        }
        transaction.executeWithoutResult(tx -> {
            commands.sendAndWait(new RecordRegisterRelease(release.releaseId(), REGISTER,
                    PartialDate.of(release.releasedOn()), sipriSource(release.releasedOn()), grade, startedBy));
            jdbc.update("INSERT INTO " + LEDGER + ".register_release (release_id, released_on) VALUES (?, ?)",
                    release.releaseId(), release.releasedOn());
        });
    }

    /**
     * What to do for one row (or one dropped deal): the command to send, if any, the index write that goes with it,
     * and the outcome reported.
     */
    private record Step(Integer line, String dealId, String outcome, String reason, Object command, Object[] entry,
                        boolean drop, boolean recordedBeforeReleases) {

        Step(Integer line, String dealId, String outcome, String reason, Object command, Object[] entry,
             boolean drop) {
            this(line, dealId, outcome, reason, command, entry, drop, false);
        }
    }

    private List<Step> steps(String id, List<SipriRow> rows, Release release, Source sipri, AdmiraltyGrade grade,
                             String startedBy) {
        List<Step> steps = new ArrayList<>(rows.size());
        List<ReleaseRow> accepted = new ArrayList<>(rows.size());
        List<SipriDeal> deals = new ArrayList<>(rows.size());
        List<Object[]> refused = new ArrayList<>();
        List<SipriReleaseMatching.UnreadRow> unread = new ArrayList<>();
        for (SipriRow row : rows) {
            SipriMapping mapping = SipriDealMapper.map(row);
            String reason = mapping.accepted() ? beyondLimits(mapping.deal()) : mapping.rejection();
            if (reason != null) {
                refused.add(new Object[]{id, row.line(), "REJECTED", null, reason});
                unread.add(new SipriReleaseMatching.UnreadRow(actorCode(row.supplier()), actorCode(row.recipient())));
                continue;
            }
            accepted.add(new ReleaseRow(row, mapping.deal().recipient(), mapping.deal().supplier()));
            deals.add(mapping.deal());
        }
        report(id, refused);
        SipriReleaseMatching.Result matched = SipriReleaseMatching.match(release.releaseId(), known(accepted),
                accepted, unread);
        Set<String> recordedBefore = existing(matched.decisions().stream()
                .filter(d -> d.outcome() == SipriReleaseMatching.Outcome.IMPORTED).map(Decision::dealId).toList());
        PartialDate releasedOn = PartialDate.of(release.releasedOn());
        String releaseId = release.releaseId();
        for (int i = 0; i < accepted.size(); i++) {
            Decision decision = matched.decisions().get(i);
            SipriRow row = decision.row().row();
            SipriDeal deal = deals.get(i);
            Source source = withQuote(sipri, row);
            String dealId = decision.dealId();
            Object[] entry = entry(decision, releaseId);
            steps.add(switch (decision.outcome()) {
                case IMPORTED -> recordedBefore.contains(dealId)
                        // recorded from this very content before releases were records
                        ? new Step(row.line(), dealId, "UNCHANGED", "recorded before releases were records; now "
                        + "listed by " + releaseId, new RestateRegisterEntry(dealId, releaseId, releasedOn,
                        row.line(), row.written(), source, grade, startedBy), entry, false, true)
                        : new Step(row.line(), dealId, "IMPORTED", null, command(dealId, deal, source, grade,
                        startedBy, releaseId, releasedOn), entry, false);
                case REVISED -> new Step(row.line(), dealId, "REVISED", "revises what "
                        + decision.matched().lastReleaseId() + " said of " + decision.changes().stream()
                        .map(c -> c.column()).collect(Collectors.joining(", ")),
                        revision(dealId, deal, decision, source, grade, startedBy, releaseId, releasedOn), entry,
                        false);
                case UNCHANGED -> releaseId.equals(decision.matched().lastReleaseId())
                        ? new Step(row.line(), dealId, "UNCHANGED", "already imported", null, null, false)
                        : new Step(row.line(), dealId, "UNCHANGED", null, new RestateRegisterEntry(dealId, releaseId,
                        releasedOn, row.line(), row.written(), source, grade, startedBy), entry, false);
                case AMBIGUOUS -> new Step(row.line(), null, "AMBIGUOUS", "could revise any of the deals "
                        + String.join(", ", decision.candidates()) + " (same recipient, supplier, year of order and "
                        + "designation, equally alike); nothing recorded for it", null, null, false);
            });
        }
        for (KnownDeal dropped : matched.dropped()) {
            steps.add(new Step(null, dropped.dealId(), "DROPPED", "listed by " + dropped.lastReleaseId() + "; "
                    + releaseId + " lists its supplier and recipient but not it", new DropRegisterEntry(
                    dropped.dealId(), releaseId, releasedOn, sipri, grade, startedBy), null, true));
        }
        return steps;
    }

    private static ReviseRegisterEntry revision(String dealId, SipriDeal deal, Decision decision, Source source,
                                                AdmiraltyGrade grade, String recordedBy, String releaseId,
                                                PartialDate releasedOn) {
        RecordTradeRegisterEntry reading = command(dealId, deal, source, grade, recordedBy, releaseId, releasedOn);
        return new ReviseRegisterEntry(dealId, releaseId, releasedOn, deal.row().line(), deal.row().written(),
                decision.changes(), reading.item(), reading.terms(), reading.orderedOn(), reading.delivery(),
                reading.completedOn(), reading.cancelledOn(), reading.estimates(), source, grade, recordedBy);
    }

    /** The index entry a row leaves: its deal, identity, row as written and release. */
    private static Object[] entry(Decision decision, String releaseId) {
        if (decision.dealId() == null) {
            return null;
        }
        SipriRow row = decision.row().row();
        return new Object[]{decision.dealId(), decision.row().recipient(), decision.row().supplier(),
                row.orderYear(), SipriReleaseMatching.designationKey(row.designation()), json(row.written()),
                releaseId};
    }

    /** The deals releases listed in the pairs the rows list, from the index. */
    private List<KnownDeal> known(List<ReleaseRow> rows) {
        Set<String> pairs = new HashSet<>();
        rows.forEach(row -> pairs.add(row.supplier() + "\u001f" + row.recipient()));
        List<KnownDeal> known = new ArrayList<>();
        // only the deals of the pairs the release lists
        jdbc.query("SELECT deal_id, recipient, supplier, order_year, designation_key, written::text,"
                        + " last_release_id, dropped_in FROM " + LEDGER + ".register_entry"
                        + " WHERE supplier || chr(31) || recipient = ANY (?)",
                rs -> {
                    known.add(new KnownDeal(rs.getString(1), rs.getString(2), rs.getString(3),
                            (Integer) rs.getObject(4), rs.getString(5), row(rs.getString(6)), rs.getString(7),
                            rs.getString(8) != null));
                }, (Object) pairs.toArray(String[]::new));
        return known;
    }

    /** Which of the deal ids the event store holds. */
    private Set<String> existing(List<String> dealIds) {
        Set<String> present = new HashSet<>();
        for (int from = 0; from < dealIds.size(); from += 1000) {
            present.addAll(jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM " + LEDGER
                            + ".domain_event_entry WHERE aggregate_identifier = ANY (?)", String.class,
                    (Object) dealIds.subList(from, Math.min(dealIds.size(), from + 1000)).toArray(String[]::new)));
        }
        return present;
    }

    /**
     * Imports a chunk in one transaction and one unit of work: its commands' events are appended together, in one
     * JDBC batch, when the unit of work commits, and its index entries are written in batches.
     */
    private void importChunk(String id, List<Step> steps) {
        try {
            transaction.executeWithoutResult(tx -> {
                UnitOfWork<?> chunk = DefaultUnitOfWork.startAndGet(new GenericMessage<>("SIPRI import " + id));
                List<Object[]> outcomes;
                try {
                    outcomes = executeChunk(id, steps);
                    chunk.commit();
                } catch (RuntimeException e) {
                    if (chunk.isActive()) {
                        chunk.rollback(e);
                    }
                    throw e;
                }
                report(id, outcomes);
            });
        } catch (RuleViolationException | IllegalTransitionException | AggregateStreamCreationException
                 | ConcurrencyException refused) {
            // Axon rolls the whole transaction back on a refused command, and the store refuses a chunk whose record
            // another writer created or changed meanwhile as a whole: replay this chunk a row at a time.
            report(id, execute(id, steps));
        }
    }

    /** Sends the chunk's commands and writes their index entries, in the caller's transaction and unit of work. */
    private List<Object[]> executeChunk(String id, List<Step> steps) {
        List<Object[]> outcomes = new ArrayList<>(steps.size());
        Map<Object, Object[]> entries = new LinkedHashMap<>();
        List<Object[]> drops = new ArrayList<>();
        for (Step step : steps) {
            if (step.command() != null) {
                commands.sendAndWait(step.command());
                if (step.drop()) {
                    DropRegisterEntry drop = (DropRegisterEntry) step.command();
                    drops.add(new Object[]{drop.releaseId(), drop.dealId()});
                } else if (step.entry() != null) {
                    entries.put(step.entry()[0], step.entry());
                }
            }
            outcomes.add(new Object[]{id, step.line(), step.outcome(), step.dealId(), step.reason()});
        }
        // one statement may not upsert a row twice: a deal's last entry of the chunk is the one it keeps anyway
        if (!entries.isEmpty()) {
            jdbc.batchUpdate(UPSERT_ENTRY, new ArrayList<>(entries.values()));
        }
        if (!drops.isEmpty()) {
            jdbc.batchUpdate(DROP_ENTRY, drops);
        }
        return outcomes;
    }

    /** Sends the chunk's commands one row per transaction, reporting each row the domain refuses. */
    private List<Object[]> execute(String id, List<Step> steps) {
        List<Object[]> outcomes = new ArrayList<>(steps.size());
        for (Step step : steps) {
            if (step.command() == null) {
                outcomes.add(new Object[]{id, step.line(), step.outcome(), step.dealId(), step.reason()});
                continue;
            }
            try {
                transaction.executeWithoutResult(tx -> apply(step));
                outcomes.add(new Object[]{id, step.line(), step.outcome(), step.dealId(), step.reason()});
            } catch (AggregateStreamCreationException e) {
                outcomes.add(new Object[]{id, step.line(), "UNCHANGED", step.dealId(), "already imported"});
            } catch (RuleViolationException | IllegalTransitionException e) {
                // a deal recorded from this very content is that row's deal, whether or not it takes the restatement
                outcomes.add(step.recordedBeforeReleases()
                        ? new Object[]{id, step.line(), "UNCHANGED", step.dealId(), "recorded before releases were "
                        + "records; its restatement by this release was refused: " + e.getMessage()}
                        : new Object[]{id, step.line(), "REJECTED", step.dealId(), e.getMessage()});
            }
        }
        return outcomes;
    }

    /** Sends the step's command and writes its index entry, in the caller's transaction. */
    private void apply(Step step) {
        commands.sendAndWait(step.command());
        if (step.drop()) {
            DropRegisterEntry drop = (DropRegisterEntry) step.command();
            jdbc.update(DROP_ENTRY, drop.releaseId(), drop.dealId());
        } else if (step.entry() != null) {
            jdbc.update(UPSERT_ENTRY, step.entry());
        }
    }

    private static String json(RegisterRow row) {
        try {
            return DyadJson.mapper().writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RegisterRow row(String json) {
        try {
            return DyadJson.mapper().readValue(json, RegisterRow.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The code of the actor a register names, or {@code null} when the name is no actor's. */
    private static String actorCode(String name) {
        return name == null ? null : ActorRegistry.standard().byName(name).map(Actor::code).orElse(null);
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
                                            String recordedBy, String releaseId, PartialDate releasedOn) {
        PartialDate cancelledOn = null;
        if (deal.cancelled()) {
            // SIPRI does not date cancellations: the latest date the row gives, approximate.
            PartialDate last = deal.delivery() == null ? deal.orderedOn()
                    : deal.delivery().spreadOver().isEmpty() ? deal.delivery().deliveredOn()
                    : deal.delivery().spreadOver().get(deal.delivery().spreadOver().size() - 1);
            cancelledOn = new PartialDate(last.year(), last.month(), last.day(), true);
        }
        return new RecordTradeRegisterEntry(dealId, deal.supplier(), deal.recipient(), deal.item(), deal.terms(),
                deal.orderedOn(), deal.delivery(), deal.completedOn(), cancelledOn, deal.estimates(), releaseId, releasedOn,
                deal.row().line(), deal.row().written(), source, grade, recordedBy);
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
        java.util.Map<String, Long> counted = outcomes.stream()
                .collect(Collectors.groupingBy(o -> o[2].toString(), Collectors.counting()));
        // a dropped deal is no row of the file
        long rows = outcomes.size() - counted.getOrDefault("DROPPED", 0L);
        jdbc.update("UPDATE " + LEDGER + ".import_job SET rows_done = rows_done + ?, imported = imported + ?,"
                        + " revised = revised + ?, unchanged = unchanged + ?, dropped = dropped + ?,"
                        + " ambiguous = ambiguous + ?, rejected = rejected + ? WHERE id = ?",
                rows, counted.getOrDefault("IMPORTED", 0L), counted.getOrDefault("REVISED", 0L),
                counted.getOrDefault("UNCHANGED", 0L), counted.getOrDefault("DROPPED", 0L),
                counted.getOrDefault("AMBIGUOUS", 0L), counted.getOrDefault("REJECTED", 0L), id);
    }

    static Source sipriSource(LocalDate generatedOn) {
        return new Source("SIPRI", "SIPRI Arms Transfers Database: trade register",
                "https://www.sipri.org/databases/armstransfers",
                PartialDate.of(generatedOn == null ? LocalDate.now() : generatedOn), null, "en");
    }

    /** The source with the row itself as its quote, as the file wrote it, so each fact points at what SIPRI said. */
    private static Source withQuote(Source sipri, SipriRow row) {
        String quote = row.written() == null ? String.join(", ", row.recipient(), row.supplier(),
                String.valueOf(row.orderYear()), row.designation())
                : row.written().cells().stream().map(cell -> cell == null ? "" : cell)
                .collect(Collectors.joining(","));
        quote = quote.length() > 1000 ? quote.substring(0, 997) + "..." : quote;
        return new Source(sipri.publisher(), sipri.title(), sipri.url(), sipri.publishedOn(), quote,
                sipri.language());
    }
}
