package org.dyad.contracts.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.dyad.contracts.actor.RecordedActorKind;
import org.dyad.contracts.actor.event.ActorRecorded;
import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.AgreementSubject;
import org.dyad.contracts.agreement.ConsentMeans;
import org.dyad.contracts.agreement.Lineage;
import org.dyad.contracts.agreement.LineageRelation;
import org.dyad.contracts.agreement.MilestoneKind;
import org.dyad.contracts.agreement.event.AgreementDisclosed;
import org.dyad.contracts.agreement.event.AgreementEnteredIntoForce;
import org.dyad.contracts.agreement.event.AgreementExpired;
import org.dyad.contracts.agreement.event.AgreementExtended;
import org.dyad.contracts.agreement.event.AgreementRenounced;
import org.dyad.contracts.agreement.event.AgreementSigned;
import org.dyad.contracts.agreement.event.AgreementTerminated;
import org.dyad.contracts.agreement.event.ConsentToBeBoundRecorded;
import org.dyad.contracts.agreement.event.MilestoneRecorded;
import org.dyad.contracts.agreement.event.ParticipationResumed;
import org.dyad.contracts.agreement.event.ParticipationSuspended;
import org.dyad.contracts.agreement.event.SignatureRecorded;
import org.dyad.contracts.agreement.event.WithdrawalNotified;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.EstimateQualifier;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.common.ValueBasis;
import org.dyad.contracts.correction.event.RecordCorrected;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.DealTerms;
import org.dyad.contracts.deal.SaleNotification;
import org.dyad.contracts.deal.ItemCondition;
import org.dyad.contracts.deal.Tranche;
import org.dyad.contracts.deal.TrancheItem;
import org.dyad.contracts.deal.UnRegisterCategory;
import org.dyad.contracts.deal.WeaponCategory;
import org.dyad.contracts.deal.event.ContractConcluded;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.DealResumed;
import org.dyad.contracts.deal.event.DealRevived;
import org.dyad.contracts.deal.event.DealSuperseded;
import org.dyad.contracts.deal.event.DealSuspended;
import org.dyad.contracts.deal.event.DeliveryCompleted;
import org.dyad.contracts.deal.event.DeliveryExpected;
import org.dyad.contracts.deal.event.DeliveryRecorded;
import org.dyad.contracts.deal.event.EstimateRecorded;
import org.dyad.contracts.deal.event.FrameworkAgreementLinked;
import org.dyad.contracts.deal.event.NegotiationOpened;
import org.dyad.contracts.deal.event.RegisterEntryDropped;
import org.dyad.contracts.deal.event.RegisterEntryRecorded;
import org.dyad.contracts.deal.event.RegisterEntryRestated;
import org.dyad.contracts.deal.event.RegisterEntryRevised;
import org.dyad.contracts.deal.event.SaleNotified;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.embargo.EmbargoMeasure;
import org.dyad.contracts.embargo.event.EmbargoImposed;
import org.dyad.contracts.embargo.event.EmbargoLifted;
import org.dyad.contracts.register.RegisterFieldChange;
import org.dyad.contracts.register.RegisterImportCounts;
import org.dyad.contracts.register.RegisterRow;
import org.dyad.contracts.register.event.RegisterReleaseImported;
import org.dyad.contracts.register.event.RegisterReleaseRecorded;
import org.dyad.contracts.statement.ClaimedAmount;
import org.dyad.contracts.statement.StatementKind;
import org.dyad.contracts.statement.event.StatementRecorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed event schemas, AsyncAPI document and event table of docs/events.md are what the generator makes of
 * the records now; the schemas are valid JSON Schemas, and they accept what Dyad writes and refuse what it never
 * writes.
 */
class EventSchemasTest {

    /** Surefire runs in the module directory. */
    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path GUIDE = Path.of("../docs/events.md");
    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static final Instant RECORDED_AT = Instant.parse("2026-01-02T03:04:05Z");
    static final Source LA_TIMES = new Source("Los Angeles Times", "Russia, Iran Reach Military, Economic Accords",
            null, PartialDate.parse("2001-03-13"), "Russian news reports have said that total arms sales could reach "
            + "$7 billion.", "en");
    static final Source SIPRI = new Source("SIPRI", "SIPRI Arms Transfers Database: trade register",
            "https://www.sipri.org/databases/armstransfers", PartialDate.parse("2025-03-10"), null, "en");
    static final Provenance REPORTED = new Provenance(LA_TIMES, AdmiraltyGrade.parse("C3"), RECORDED_AT, "analyst");
    static final Provenance REGISTERED = new Provenance(SIPRI, AdmiraltyGrade.parse("A2"), RECORDED_AT, "anonymous");
    static final PartialDate MARCH_12 = PartialDate.parse("2001-03-12");
    static final String DEAL = "rus-irn-2001-arms-package";
    static final RegisterRow TB2_ALBANIA = new RegisterRow("Albania", "Turkiye", "2022", null, "3", "?",
            "Bayraktar TB2", "armed UAV", "3", null, "2024", "New", null, "2.4", "7.2", "7.2");
    static final String TREATY = "rus-irn-2001-general-principles";
    static final String PACT = "rus-usa-1995-iran-arms-pact";

    static final SaleReported SALE = new SaleReported(DEAL, "RUS", "IRN", List.of(
            new DealItem("S-300", "SAM system", WeaponCategory.AIR_DEFENCE_SYSTEMS,
                    UnRegisterCategory.VII_MISSILES_AND_LAUNCHERS, 4, "batteries", true, ItemCondition.NEW),
            DealItem.of("fighter aircraft parts", "spare parts for fighter jets", null)),
            DealStage.REPORTED, MARCH_12, new DealTerms(false, false, false),
            List.of(new Estimate(new BigDecimal("7000000000"), null, null, "USD", EstimateQualifier.COULD_REACH, null,
                    null, "total Russian arms sales to Iran, as Russian news reports put it")),
            REPORTED);

    static final AgreementSigned SIGNED = new AgreementSigned(TREATY,
            "Agreement on the basis of relations and principles of cooperation between Russia and Iran",
            AgreementKind.AGREEMENT, List.of(AgreementSubject.GENERAL_RELATIONS, AgreementSubject.MILITARY_COOPERATION),
            List.of("RUS", "IRN"), List.of(), MARCH_12, "Moscow", true, false, null, PartialDate.parse("2011-03"),
            new Provenance(LA_TIMES, AdmiraltyGrade.parse("B2"), RECORDED_AT, "analyst"));

    /** One realistic instance of every published event type. */
    static Stream<Object> samples() {
        PartialDate late2000 = PartialDate.parse("~2000-10");
        return Stream.of(
                SIGNED,
                new AgreementSigned("rus-irn-2011-general-principles-extension", "Protocol extending the agreement",
                        AgreementKind.AGREEMENT, List.of(AgreementSubject.GENERAL_RELATIONS), List.of("RUS", "IRN"),
                        null, PartialDate.parse("~2011"), null, null, true,
                        new Lineage(LineageRelation.EXTENDS, TREATY), null, REPORTED),
                new SignatureRecorded(TREATY, PartialDate.parse("2001-03-14"), "ARM", REPORTED),
                new ConsentToBeBoundRecorded(TREATY, PartialDate.parse("2001-06"), "IRN", ConsentMeans.RATIFICATION,
                        REPORTED),
                new AgreementEnteredIntoForce(PACT, PartialDate.parse("1995"), List.of("RUS", "USA"), REPORTED),
                new ParticipationSuspended(TREATY, PartialDate.parse("2010-09-22"), "RUS", "UN Security Council "
                        + "resolution 1929", REPORTED),
                new ParticipationResumed(TREATY, PartialDate.parse("2016-01-16"), "RUS", REPORTED),
                new WithdrawalNotified(PACT, "RUS", PartialDate.parse("2000-11-03"), PartialDate.parse("2000-12-01"),
                        REPORTED),
                new AgreementRenounced(PACT, late2000, "RUS", "Russia said the pact had served its purpose",
                        REPORTED),
                new AgreementExtended(TREATY, PartialDate.parse("2011-03-01"), PartialDate.parse("2021-03"),
                        REPORTED),
                new AgreementExpired(TREATY, PartialDate.parse("2021-03-12"), REPORTED),
                new AgreementTerminated(PACT, PartialDate.parse("2000-12-01"), "renounced by Russia", REPORTED),
                new AgreementDisclosed(PACT, late2000, REPORTED),
                SALE,
                new NegotiationOpened(DEAL, PartialDate.parse("2000"), REPORTED),
                new ContractConcluded(DEAL, PartialDate.parse("2001-10"),
                        List.of(new DealItem("Tor-M1", "SAM system", WeaponCategory.AIR_DEFENCE_SYSTEMS, null, 29,
                                null, false, ItemCondition.NEW)), REGISTERED),
                new DeliveryRecorded(DEAL, new Tranche(PartialDate.parse("2006"),
                        List.of(PartialDate.parse("2006"), PartialDate.parse("2007")),
                        List.of(new TrancheItem("Tor-M1", 29, false))), REGISTERED),
                new DeliveryCompleted(DEAL, PartialDate.parse("2007"), REGISTERED),
                new DealSuspended(DEAL, PartialDate.parse("2010-09-22"), "UN Security Council resolution 1929",
                        REPORTED),
                new DealResumed(DEAL, PartialDate.parse("2016-04"), REPORTED),
                new DealCancelled(DEAL, PartialDate.parse("2010-09-22"), "UN arms embargo", REPORTED,
                        "unsc-1929-irn"),
                new DealRevived(DEAL, PartialDate.parse("2015-04-13"), DealStage.CONTRACTED, REPORTED),
                new DealSuperseded(DEAL, PartialDate.parse("2016"), "rus-irn-2016-s-300pmu2", REPORTED),
                new EstimateRecorded(DEAL, new Estimate(null, new BigDecimal("800000000"),
                        new BigDecimal("1000000000"), "USD", EstimateQualifier.ABOUT, 2007, ValueBasis.CONSTANT,
                        "the Tor-M1 order"), PartialDate.parse("2007-01"), REGISTERED),
                new StatementRecorded("usa-rus-2001-conditional-protest", "USA", List.of("RUS", "IRN"),
                        StatementKind.PROTEST, MARCH_12, "The US administration said it would protest vigorously if "
                        + "Russia sold Iran advanced conventional weapons or sensitive technologies.", "114",
                        "if Russia sells Iran advanced conventional weapons or sensitive technologies", DEAL, null,
                        new Provenance(LA_TIMES, AdmiraltyGrade.parse("B2"), RECORDED_AT, "analyst")),
                new DeliveryExpected(DEAL, PartialDate.parse("2006-03"), null, PartialDate.parse("2007"), "Tor-M1", 29,
                        "the remaining systems are due in 2007", REPORTED),
                new StatementRecorded("irn-rus-2011-s-300-claim", "IRN", List.of("RUS"), StatementKind.DEMAND,
                        PartialDate.parse("2011"), "Iran claimed compensation for the cancelled S-300 contract in "
                        + "arbitration in Geneva.", null, null, DEAL, null, REPORTED,
                        new ClaimedAmount(new BigDecimal("4000000000"), "USD", ClaimedAmount.Nature.CLAIMED)),
                new MilestoneRecorded("arms-trade-treaty", MilestoneKind.ADOPTION, PartialDate.parse("2013-04-02"),
                        null, null, "adopted by the UN General Assembly, resolution 67/234 B", REPORTED),
                new FrameworkAgreementLinked("rus-ind-2018-s-400", "rus-ind-2018-s-400-intergovernmental-agreement",
                        REPORTED),
                new EmbargoImposed("unsc-1929-irn", "QUN", List.of("IRN"), PartialDate.parse("2010-06-09"), null,
                        List.of(EmbargoMeasure.ARMS), List.of(WeaponCategory.ARMOURED_VEHICLES,
                        WeaponCategory.ARTILLERY, WeaponCategory.AIRCRAFT, WeaponCategory.SHIPS,
                        WeaponCategory.MISSILES), "battle tanks, armoured combat vehicles, large calibre artillery "
                        + "systems, combat aircraft, attack helicopters, warships, missiles or missile systems",
                        "UN Security Council resolution 1929", REPORTED),
                new EmbargoLifted("unsc-1929-irn", PartialDate.parse("2020-10-18"),
                        "terminated under UN Security Council resolution 2231 (2015)", REPORTED),
                // a row of SIPRI's trade register, generated 13 Mar 2025
                new RegisterEntryRecorded("sipri-5d1e0c3b2a4f6e70", "sipri-2025-03-13", PartialDate.parse("2025-03-13"),
                        14, TB2_ALBANIA, REGISTERED),
                new RegisterEntryRevised("sipri-5d1e0c3b2a4f6e70", "sipri-2026-03-09", PartialDate.parse("2026-03-09"),
                        14, TB2_ALBANIA, List.of(new RegisterFieldChange("numberDelivered", "Number delivered", "2",
                        "3"), new RegisterFieldChange("yearsOfDelivery", "Year(s) of delivery", "2024",
                        "2024; 2025")), REGISTERED),
                new RegisterEntryRestated("sipri-5d1e0c3b2a4f6e70", "sipri-2027-03-08",
                        PartialDate.parse("2027-03-08"), 15, TB2_ALBANIA, REGISTERED),
                new RegisterEntryDropped("sipri-5d1e0c3b2a4f6e70", "sipri-2028-03-13", PartialDate.parse("2028-03-13"),
                        REGISTERED),
                // DSCA transmittal 20-23: F-35 follow-on support for the Republic of Korea, notified 10 April 2020
                new SaleNotified("usa-kor-2020-f-35-follow-on-support", "USA", "KOR",
                        List.of(DealItem.of("F-35 follow-on support", "F-35 sustainment: spare parts, support "
                                + "equipment, software, training and logistics support", null)),
                        PartialDate.parse("2020-04-10"), new SaleNotification("20-23", "US Congress"),
                        List.of(new Estimate(new BigDecimal("675000000"), null, null, "USD",
                                EstimateQualifier.ESTIMATED_TOTAL_COST, null, null, "estimated total program cost")),
                        new Provenance(new Source("Defense Security Cooperation Agency", "Republic of Korea – F-35 "
                                + "Follow-On Support", "https://www.dsca.mil/press-media/major-arms-sales/"
                                + "republic-korea-f-35-follow-support", PartialDate.parse("2020-04-10"), "The "
                                + "estimated total cost is $675 million.", "en"), AdmiraltyGrade.parse("A1"),
                                RECORDED_AT, "analyst")),
                new RegisterReleaseRecorded("sipri-2025-03-13", "SIPRI Arms Transfers Database: trade register",
                        PartialDate.parse("2025-03-13"), REGISTERED),
                new RegisterReleaseImported("sipri-2025-03-13", "3f0c1f4e-8a1b-4f43-9d49-0c5f3f1f2b7a",
                        "trade-register.csv", "9c2d7f0e4b1a6c3d8e5f2a7b0c9d4e1f6a3b8c5d2e7f0a9b4c1d6e3f8a5b2c7d",
                        "ISO-8859-1", new RegisterImportCounts(29512, 29498, 0, 0, 0, 11, 0, 3), REGISTERED),
                new RecordCorrected(DEAL, "0b6c3c1e-5d0e-4a53-a6f4-1d1b8b3f8e21", "SaleReported",
                        Map.of("reportedOn", "2001-03-13", "items", List.of(Map.of("designation", "S-300PMU1"))),
                        "the article is dated 13 March", REPORTED),
                new RecordRetracted(DEAL, "0b6c3c1e-5d0e-4a53-a6f4-1d1b8b3f8e21", "SaleReported",
                        "the source withdrew the report", REPORTED),
                // a group SIPRI's full register names that the shipped list does not know
                new ActorRecorded("XAA", "Free Syria Army", RecordedActorKind.NON_STATE_GROUP,
                        List.of("Free Syrian Army (Syria)*", "FSA"), LocalDate.parse("2011-07-29"), null, null,
                        REGISTERED));
    }

    @Test
    void theCommittedSchemasAndAsyncApiDocumentAreWhatTheGeneratorMakesOfTheRecordsNow() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : EventSchemaWriter.generateAll().entrySet()) {
            Path path = RESOURCES.resolve(file.getKey()).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                problems.add(path + " is missing");
            } else if (!Files.readString(path).replace("\r\n", "\n").equals(file.getValue())) {
                problems.add(path + " differs from what the generator makes of the current records");
            }
        }
        assertThat(problems).as("The committed event contract is out of date:%n  %s%nRegenerate it from the "
                        + "repository root with%n  %s%nthen review and commit the changed files.",
                String.join("\n  ", problems), EventSchemaWriter.REGENERATE).isEmpty();
    }

    @Test
    void theEventTableOfTheGuideIsWhatTheGeneratorMakesOfTheRecordsNow() throws IOException {
        String guide = Files.readString(GUIDE).replace("\r\n", "\n");
        assertThat(guide).as("%s marks its event table", GUIDE).contains(EventTypesTable.BEGIN, EventTypesTable.END);
        assertThat(EventTypesTable.in(guide)).as("The event table of %s is out of date. Regenerate it from the "
                        + "repository root with%n  %s%nthen review and commit the changed files.",
                GUIDE.toAbsolutePath().normalize(), EventSchemaWriter.REGENERATE).isEqualTo(EventTypesTable.table());
        for (Class<?> event : EventCatalog.EVENTS) {
            assertThat(EventTypesTable.table()).as("the table's row of %s", event.getSimpleName())
                    .contains("| `" + EventCatalog.typeOf(event) + "` | "
                            + event.getAnnotation(EventType.class).description() + " |");
        }
        assertThat(EventTypesTable.table()).contains("| `org.dyad.deal.SaleReported.v2` |",
                "| `supplier`, `recipient` |", "| `org.dyad.deal.SaleReported.v1` | *Superseded by v2.*",
                "| `party` (named before) |");
    }

    @Test
    void whatADescriptionNamesInBackquotesIsAFieldOfTheEvent() throws IOException {
        java.util.regex.Pattern quoted = java.util.regex.Pattern.compile("`([a-z][A-Za-z]*)`");
        for (Class<?> event : EventCatalog.EVENTS) {
            java.util.regex.Matcher field = quoted.matcher(event.getAnnotation(EventType.class).description());
            while (field.find()) {
                assertThat(Stream.of(event.getRecordComponents()).map(RecordComponent::getName))
                        .as("%s: its description names `%s`", event.getSimpleName(), field.group(1))
                        .contains(field.group(1));
            }
        }
        for (Path file : committedSchemaFiles()) {
            JsonNode schema = DyadJson.mapper().readTree(file.toFile());
            java.util.regex.Matcher field = quoted.matcher(schema.path("description").asText());
            while (field.find()) {
                assertThat(schema.path("properties").has(field.group(1)))
                        .as("%s: its description names `%s`, which is not one of its properties", file, field.group(1))
                        .isTrue();
            }
        }
        JsonNode saleReported = DyadJson.mapper().readTree(EventSchemas.schemaFor("org.dyad.deal.SaleReported.v2")
                .orElseThrow());
        assertThat(saleReported.path("description").asText()).contains("`estimates`").doesNotContain("`estimate`");
        assertThat(saleReported.path("properties").has("estimates")).isTrue();
    }

    @Test
    void actorFieldsAreDescribedAsActorCodes() throws IOException {
        JsonNode sale = DyadJson.mapper().readTree(EventSchemas.schemaFor("org.dyad.deal.SaleReported.v2")
                .orElseThrow());
        assertThat(sale.at("/properties/supplier/description").asText()).isEqualTo(EventSchemaGenerator.ACTOR_CODE);
        assertThat(sale.at("/properties/recipient/description").asText()).isEqualTo(EventSchemaGenerator.ACTOR_CODE);
        assertThat(sale.at("/properties/dealId/description").asText()).doesNotContain("actor code");
        JsonNode signed = DyadJson.mapper().readTree(EventSchemas.schemaFor("org.dyad.agreement.AgreementSigned.v1")
                .orElseThrow());
        assertThat(signed.at("/properties/parties/description").asText()).isEqualTo(EventSchemaGenerator.ACTOR_CODES);
        assertThat(signed.at("/properties/title/description").isMissingNode()).isTrue();
        JsonNode suspended = DyadJson.mapper().readTree(EventSchemas.schemaFor(
                "org.dyad.agreement.ParticipationSuspended.v1").orElseThrow());
        assertThat(suspended.at("/properties/party/description").asText()).isEqualTo(EventSchemaGenerator.ACTOR_CODE);
    }

    private static List<Path> committedSchemaFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(RESOURCES.resolve(EventSchemas.RESOURCE_DIR))) {
            return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everySchemaIsAValidDraft202012SchemaNamedByItsType() throws IOException {
        for (Class<?> event : EventCatalog.EVENTS) {
            String type = EventCatalog.typeOf(event);
            JsonNode schema = DyadJson.mapper().readTree(EventSchemas.schemaFor(type).orElseThrow());
            EventType t = event.getAnnotation(EventType.class);
            assertThat(schema.path("$id").asText()).isEqualTo("urn:dyad:schema:org.dyad."
                    + t.aggregate() + "." + t.name() + ".v" + t.version());
            assertThat(EventSchemas.servedPath(type)).contains("/schemas/org.dyad." + t.aggregate() + "." + t.name()
                    + "/v" + t.version() + ".json");
            List<String> alwaysWritten = Stream.of(event.getRecordComponents())
                    .filter(c -> c.getType().isPrimitive()).map(RecordComponent::getName).toList();
            assertThat(schema.path("required")).extracting(JsonNode::asText).as("%s: required", type)
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(
                            Stream.of(EventSchemaGenerator.idField(event), "provenance"), alwaysWritten.stream()).toList());
        }
        // Also the schemas of earlier versions, which stay committed as they were.
        Schema metaSchema = SCHEMAS.getSchema(SchemaLocation.of(EventSchemas.DIALECT));
        List<Path> files = committedSchemaFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(EventCatalog.EVENTS.size());
        for (Path file : files) {
            String text = Files.readString(file);
            assertThat(metaSchema.validate(text, InputFormat.JSON)).as("%s is a valid schema", file).isEmpty();
            JsonNode schema = DyadJson.mapper().readTree(text);
            String type = schema.path("title").asText();
            String[] aggregateAndFile = RESOURCES.resolve(EventSchemas.RESOURCE_DIR).relativize(file).toString()
                    .replace('\\', '/').split("/");
            assertThat(type).as("%s is named by its type", file).isEqualTo("org.dyad." + aggregateAndFile[0] + "."
                    + aggregateAndFile[1].replaceFirst("\\.json$", ""));
            assertThat(EventSchemas.schemaFor(type)).as(type).contains(text);
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("$id").asText()).isEqualTo(EventSchemas.id(type));
            assertThat(schema.path("description").asText()).as(type).isNotBlank();
            assertThat(schema.path("additionalProperties").asBoolean()).as(type).isTrue();
            schema.findValues("$ref").forEach(ref -> assertThat(schema.at(ref.asText().substring(1)).isMissingNode())
                    .as("%s: %s resolves", type, ref.asText()).isFalse());
            schema.path("$defs").properties().forEach(def -> assertThat(def.getValue().path("description").asText())
                    .as("%s: $defs/%s is described", type, def.getKey()).isNotBlank());
        }
    }

    @Test
    void thereIsARealisticSampleOfEveryPublishedEvent() {
        assertThat(samples().map(Object::getClass).distinct()).containsExactlyInAnyOrderElementsOf(EventCatalog.EVENTS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void whatDyadWritesValidatesAgainstTheSchemaOfItsType(Object event) throws IOException {
        String type = EventCatalog.typeOf(event.getClass());
        String json = DyadJson.mapper().writeValueAsString(event);

        assertThat(validate(type, json)).as("%s%n%s", type, json).isEmpty();
        List<String> undeclared = new ArrayList<>();
        JsonNode schema = DyadJson.mapper().readTree(EventSchemas.schemaFor(type).orElseThrow());
        undeclared(DyadJson.mapper().readTree(json), schema, schema, "", undeclared);
        assertThat(undeclared).as("properties Jackson writes that the schema does not declare").isEmpty();
    }

    @Test
    void whatDyadNeverWritesDoesNotValidate() {
        assertRefused("reportedOn", "pattern", sale -> sale.put("reportedOn", "2001-13"));
        assertRefused("reportedOn", "pattern", sale -> sale.put("reportedOn", "12 March 2001"));
        assertRefused("grade", "pattern", sale -> ((ObjectNode) sale.path("provenance")).put("grade", "G7"));
        assertRefused("dealId", "required", sale -> sale.remove("dealId"));
        assertRefused("provenance", "required", sale -> sale.remove("provenance"));
        assertRefused("currency", "pattern",
                sale -> ((ObjectNode) sale.path("estimates").path(0)).put("currency", "usd"));
        assertRefused("stage", "enum", sale -> sale.put("stage", "SOLD"));
        assertRefused("quantity", "minimum", sale -> ((ObjectNode) sale.path("items").path(0)).put("quantity", -1));
        assertRefused("quantityUncertain", "required",
                sale -> ((ObjectNode) sale.path("items").path(1)).remove("quantityUncertain"));
        assertRefused("items", "type", sale -> sale.put("items", "S-300"));
    }

    @Test
    void unknownFieldsAreAllowedSoThatFieldsCanBeAddedWithinAVersion() {
        ObjectNode sale = DyadJson.mapper().valueToTree(SALE);
        sale.put("someFutureField", 1);
        assertThat(validate(EventCatalog.typeOf(SaleReported.class), sale.toString())).isEmpty();
    }

    @Test
    void theSchemaOfATypeIsOnTheClasspath() throws IOException {
        String schema = EventSchemas.schemaFor("org.dyad.agreement.AgreementSigned.v1").orElseThrow();
        assertThat(DyadJson.mapper().readTree(schema).path("title").asText())
                .isEqualTo("org.dyad.agreement.AgreementSigned.v1");
        assertThat(EventSchemas.schemaFor("org.dyad.agreement.AgreementSigned.v99")).isEmpty();
        assertThat(EventSchemas.schemaFor("org.dyad.agreement.../../AgreementSigned.v1")).isEmpty();
        assertThat(EventSchemas.schemaFor("org.example.Unknown.v1")).isEmpty();
    }

    private static void assertRefused(String what, String keyword, Consumer<ObjectNode> breakIt) {
        ObjectNode sale = DyadJson.mapper().valueToTree(SALE);
        breakIt.accept(sale);
        List<Error> errors = validate(EventCatalog.typeOf(SaleReported.class), sale.toString());
        assertThat(errors).as("a SaleReported with a broken %s: %s", what, sale).isNotEmpty();
        assertThat(errors).extracting(Error::getKeyword).as("errors for %s", what).contains(keyword);
    }

    static List<Error> validate(String type, String json) {
        return SCHEMAS.getSchema(EventSchemas.schemaFor(type).orElseThrow(), InputFormat.JSON)
                .validate(json, InputFormat.JSON);
    }

    /** Collects the paths of instance properties that the schema (following local $refs) does not declare. */
    private static void undeclared(JsonNode instance, JsonNode schema, JsonNode root, String path, List<String> out) {
        JsonNode resolved = schema.has("$ref") ? root.at(schema.get("$ref").asText().substring(1)) : schema;
        if (instance.isArray()) {
            instance.forEach(item -> undeclared(item, resolved.path("items"), root, path + "[]", out));
        } else if (instance.isObject() && resolved.has("properties")) {
            instance.properties().forEach(field -> {
                JsonNode property = resolved.path("properties").path(field.getKey());
                if (property.isMissingNode()) {
                    out.add(path + "/" + field.getKey());
                } else {
                    undeclared(field.getValue(), property, root, path + "/" + field.getKey(), out);
                }
            });
        }
    }
}
