package org.dyad.actors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorRegistryTest {

    /** Every recipient and supplier named in the SIPRI trade register sample. */
    private static final List<String> SIPRI_SAMPLE_NAMES = List.of(
            "Afghanistan", "Albania", "Algeria", "Angola", "Argentina", "Armenia", "Australia", "Austria",
            "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Belarus", "Belgium", "Botswana", "Brazil", "Brunei",
            "Bulgaria", "Burkina Faso", "Cambodia", "Cameroon", "Canada", "Central African Republic", "Chad",
            "Chile", "China", "Colombia", "Congo", "Cote d'Ivoire", "Cuba", "Czechia", "Czechoslovakia", "DR Congo",
            "Denmark", "Djibouti", "Dominican Republic", "Ecuador", "Egypt", "El Salvador", "Eritrea", "Estonia",
            "Ethiopia", "Finland", "France", "GUNT (Chad)*", "Gabon", "Germany", "Ghana", "Greece", "Guatemala",
            "Guinea", "Houthi rebels (Yemen)*", "Hungary", "India", "Indonesia", "Iran", "Iraq", "Israel", "Italy",
            "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kurdistan Regional Government (Iraq)*", "Kuwait",
            "LTTE (Sri Lanka)*", "Laos", "Lebanon", "Lebanon Palestinian rebels*", "Libya", "Libya HoR*",
            "Lithuania", "Malaysia", "Maldives", "Mauritania", "Mexico", "Moldova", "Morocco", "Mozambique",
            "Mujahedin (Afghanistan)*", "Myanmar", "NATO**", "Namibia", "Netherlands", "New Zealand", "Nicaragua",
            "Nigeria", "North Korea", "North Macedonia", "North Yemen", "Northern Alliance (Afghanistan)*", "Norway",
            "PLO (Israel)*", "Pakistan", "Paraguay", "Peru", "Philippines", "Poland", "Portugal", "Qatar", "Romania",
            "Russia", "Rwanda", "SLA (Lebanon)*", "Saudi Arabia", "Senegal", "Serbia", "Singapore", "Slovakia",
            "Somalia", "South Africa", "South Korea", "South Yemen", "Soviet Union", "Spain", "Sri Lanka", "Sudan",
            "Sweden", "Switzerland", "Syria", "Syria rebels*", "Taiwan", "Tajikistan", "Thailand", "Togo", "Tunisia",
            "Turkiye", "Turkmenistan", "UAE", "UNITA (Angola)*", "Uganda", "Ukraine", "United Kingdom",
            "United Nations**", "United States", "Uruguay", "Venezuela", "Viet Nam", "Western Sahara", "Yemen",
            "Yugoslavia", "Zambia", "unknown recipient(s)", "unknown supplier(s)");

    /** States with a code that ISO 3166-1, and so the JDK, does not have. */
    private static final Set<String> STATES_OUTSIDE_ISO = Set.of("XKX");

    private final ActorRegistry registry = ActorRegistry.standard();

    @Test
    void everyNameInTheSipriSampleResolves() {
        assertThat(SIPRI_SAMPLE_NAMES).allSatisfy(name -> assertThat(registry.byName(name)).as(name).isPresent());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Soviet Union|SUN", "Yugoslavia|YUG", "Czechoslovakia|CSK", "North Yemen|YAR", "South Yemen|YMD",
            "East Germany (GDR)|DDR", "Congo|COG", "DR Congo|COD", "UAE|ARE", "Turkiye|TUR", "Turkey|TUR",
            "Viet Nam|VNM", "Hezbollah (Lebanon)*|XHZ", "Hamas (Palestine)*|XHM", "PKK (Turkiye)*|XPK",
            "NATO**|QNA", "United Nations**|QUN", "African Union**|QUA", "European Union**|QUE",
            "Regional Security System**|QRS", "unknown supplier(s)|XUS", "unknown recipient(s)|XUR",
            "Bosnia-Herzegovina|BIH", "Cabo Verde|CPV", "Eswatini|SWZ", "Palestine|PSE", "Timor-Leste|TLS"})
    void sipriNamesResolveToTheirActor(String name, String code) {
        assertThat(registry.byName(name)).map(Actor::code).contains(code);
    }

    @Test
    void namesMatchIgnoringCaseSpacesAccentsAndAmpersands() {
        assertThat(registry.byName("  hezbollah (LEBANON)*  ")).map(Actor::code).contains("XHZ");
        assertThat(registry.byName("Côte d’Ivoire")).map(Actor::code).contains("CIV");
        assertThat(registry.byName("Trinidad & Tobago")).map(Actor::code).contains("TTO");
        assertThat(registry.byName("Atlantis")).isEmpty();
    }

    @Test
    void codesAreExactAndUpperCase() {
        assertThat(registry.byCode("RUS")).map(Actor::name).contains("Russia");
        assertThat(registry.byCode("rus")).isEmpty();
        assertThat(registry.byCode("XXX")).isEmpty();
    }

    @Test
    void theSovietUnionEndedOnBoxingDay1991AndRussiaTookOver() {
        Actor sovietUnion = registry.byCode("SUN").orElseThrow();
        assertThat(sovietUnion.kind()).isEqualTo(ActorKind.DISSOLVED_STATE);
        assertThat(sovietUnion.existedOn(LocalDate.of(1989, 1, 1))).isTrue();
        assertThat(sovietUnion.existedOn(LocalDate.of(1992, 1, 1))).isFalse();
        assertThat(sovietUnion.successors()).contains("RUS").hasSize(15);

        Actor russia = registry.byCode("RUS").orElseThrow();
        assertThat(russia.existedOn(LocalDate.of(1989, 1, 1))).isFalse();
        assertThat(russia.existedOn(sovietUnion.validTo())).isTrue();
    }

    @Test
    void czechoslovakiaLastedThroughItsLastDayAndItsSuccessorsStartedTheNext() {
        Actor czechoslovakia = registry.byCode("CSK").orElseThrow();
        assertThat(czechoslovakia.existedOn(LocalDate.of(1992, 12, 31))).isTrue();
        assertThat(czechoslovakia.successors()).containsExactly("CZE", "SVK");
        for (String code : czechoslovakia.successors()) {
            Actor successor = registry.byCode(code).orElseThrow();
            assertThat(successor.existedOn(LocalDate.of(1992, 12, 31))).as(code).isFalse();
            assertThat(successor.existedOn(LocalDate.of(1993, 1, 1))).as(code).isTrue();
        }
    }

    @Test
    void germanyContinuesWestGermanyAndAbsorbedTheGdr() {
        assertThat(registry.byCode("DEU").orElseThrow().existedOn(LocalDate.of(1980, 1, 1))).isTrue();
        Actor gdr = registry.byCode("DDR").orElseThrow();
        assertThat(gdr.successors()).containsExactly("DEU");
        assertThat(gdr.existedOn(LocalDate.of(1990, 10, 3))).isFalse();
    }

    @Test
    void sipriYugoslaviaCoversTheFederalRepublicUntilSerbiaAndMontenegro() {
        Actor yugoslavia = registry.byCode("YUG").orElseThrow();
        Actor serbiaAndMontenegro = registry.byCode("SCG").orElseThrow();
        assertThat(yugoslavia.existedOn(LocalDate.of(1999, 1, 1))).isTrue();
        assertThat(yugoslavia.successors()).contains("SCG");
        assertThat(serbiaAndMontenegro.validFrom()).isEqualTo(yugoslavia.validTo());
        assertThat(serbiaAndMontenegro.successors()).containsExactlyInAnyOrder("SRB", "MNE");
    }

    @Test
    void bothYemensEndedWhenYemenBegan() {
        LocalDate unification = registry.byCode("YEM").orElseThrow().validFrom();
        assertThat(registry.byCode("YAR").orElseThrow().validTo()).isEqualTo(unification);
        assertThat(registry.byCode("YMD").orElseThrow().validTo()).isEqualTo(unification);
    }

    @Test
    void aMistypedCodeSuggestsTheNearCodes() {
        assertThat(registry.closestMatches("IRA", 3)).extracting(Actor::code).contains("IRN", "IRQ");
    }

    @Test
    void aMisspelledNameSuggestsTheActor() {
        assertThat(registry.closestMatches("Rusia", 3)).extracting(Actor::code).contains("RUS");
        assertThat(registry.closestMatches("Hezbolah", 3)).extracting(Actor::code).first().isEqualTo("XHZ");
        assertThat(registry.closestMatches("Korea", 3)).extracting(Actor::code).contains("KOR", "PRK");
        assertThat(registry.closestMatches("Yugoslavia (FRY)", 3)).extracting(Actor::code).contains("YUG");
    }

    @Test
    void suggestionsPutAnExactCodeFirstAndLeaveOutWhatIsFarAway() {
        assertThat(registry.closestMatches("irn", 3)).extracting(Actor::code).first().isEqualTo("IRN");
        assertThat(registry.closestMatches("syria", 3)).extracting(Actor::code).first().isEqualTo("SYR");
        assertThat(registry.closestMatches("Qwertyuiop", 3)).isEmpty();
        assertThat(registry.closestMatches("IRA", 1)).hasSize(1);
    }

    @Test
    void codesAreUniqueThreeLetterCodesInOrder() {
        List<String> codes = registry.all().stream().map(Actor::code).toList();
        assertThat(codes).allMatch(code -> code.matches("[A-Z]{3}")).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void everyStateCodeIsAnIsoCodeAndEveryIsoCodeIsAState() {
        Set<String> iso = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);
        Set<String> states = registry.all().stream()
                .filter(actor -> actor.kind() == ActorKind.STATE)
                .map(Actor::code)
                .collect(Collectors.toSet());
        assertThat(states).allMatch(code -> iso.contains(code) || STATES_OUTSIDE_ISO.contains(code));
        assertThat(states).containsAll(iso);
    }

    @Test
    void groupsAndUnknownPartiesUseXCodesAndOrganisationsQCodes() {
        assertThat(registry.all()).allSatisfy(actor -> {
            switch (actor.kind()) {
                case NON_STATE_GROUP, UNKNOWN -> assertThat(actor.code()).startsWith("X");
                case INTERNATIONAL_ORGANISATION -> assertThat(actor.code()).startsWith("Q");
                default -> { }
            }
        });
    }

    @Test
    void everySuccessorIsAnActorThatExistedWhenItsPredecessorEnded() {
        Map<String, Actor> byCode = new HashMap<>();
        registry.all().forEach(actor -> byCode.put(actor.code(), actor));
        registry.all().stream().filter(actor -> actor.kind() == ActorKind.DISSOLVED_STATE).forEach(dissolved ->
                assertThat(dissolved.successors()).as(dissolved.code()).isNotEmpty().allSatisfy(code ->
                        assertThat(byCode.get(code).existedOn(dissolved.validTo())).as(code).isTrue()));
    }

    @Test
    void russiaContinuesTheSovietUnionAndTheOtherRepublicsSeparatedOrRestored() {
        assertThat(registry.continuatorOf("SUN")).map(Succession::successor).contains("RUS");
        assertThat(registry.continuatorOf("SUN").orElseThrow().on()).isEqualTo(LocalDate.of(1991, 12, 26));
        assertThat(registry.successionsFrom("SUN")).hasSize(15).filteredOn(s -> s.kind() == SuccessionKind.SEPARATION)
                .extracting(Succession::successor)
                .containsExactlyInAnyOrder("ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "MDA", "TJK", "TKM", "UKR", "UZB");
        assertThat(registry.successionsFrom("SUN")).filteredOn(s -> s.kind() == SuccessionKind.RESTORATION)
                .extracting(Succession::successor).containsExactlyInAnyOrder("EST", "LVA", "LTU");
        assertThat(SuccessionKind.CONTINUATION.bindsWithoutNotice()).isTrue();
        assertThat(SuccessionKind.SEPARATION.bindsWithoutNotice()).isFalse();
        assertThat(SuccessionKind.SEPARATION.maySucceedByNotice()).isTrue();
        assertThat(SuccessionKind.CONTINUATION.carriesOnDeals()).isTrue();
        assertThat(SuccessionKind.SEPARATION.carriesOnDeals()).as("only deals naming the new state pass").isFalse();
    }

    @Test
    void aSuccessorActsForItsPredecessorsRelationsFromTheSuccessionOnly() {
        // SIPRI: "ordered from Soviet Union and delivered from Russia"
        assertThat(registry.succeededBy("SUN", "RUS", LocalDate.of(1992, 3, 1))).isTrue();
        assertThat(registry.succeededBy("SUN", "RUS", LocalDate.of(1991, 12, 25))).isFalse();
        assertThat(registry.succeededBy("SUN", "EST", LocalDate.of(1995, 1, 1))).as("a restored state").isFalse();
        assertThat(registry.succeededBy("SUN", "IRN", LocalDate.of(1995, 1, 1))).isFalse();
    }

    @Test
    void theYemensUnitedGermanyAbsorbedTheGdrAndVietNamTheSouth() {
        assertThat(registry.successionsTo("YEM")).extracting(Succession::predecessor)
                .containsExactlyInAnyOrder("YAR", "YMD");
        assertThat(registry.successionsTo("YEM")).allSatisfy(s ->
                assertThat(s.kind()).isEqualTo(SuccessionKind.UNIFICATION));
        assertThat(registry.successionsFrom("DDR")).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(SuccessionKind.ABSORPTION);
            assertThat(s.on()).isEqualTo(LocalDate.of(1990, 10, 3));
        });
        Actor southVietnam = registry.byName("South Vietnam").orElseThrow();
        assertThat(southVietnam.code()).isEqualTo("RVN");
        assertThat(southVietnam.existedOn(LocalDate.of(1965, 1, 1))).isTrue();
        assertThat(southVietnam.successors()).containsExactly("VNM");
    }

    @Test
    void everyDissolvedStateHasASuccessorAndNoStateTwoContinuators() {
        registry.all().stream().filter(actor -> actor.kind() == ActorKind.DISSOLVED_STATE).forEach(dissolved ->
                assertThat(registry.successionsFrom(dissolved.code())).as(dissolved.code()).isNotEmpty());
        assertThat(registry.continuatorOf("YUG")).map(Succession::successor).contains("SCG");
        assertThat(registry.continuatorOf("SCG")).map(Succession::successor).contains("SRB");
        assertThat(registry.continuatorOf("CSK")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SUN,RUX,CONTINUATION,1991-12-26,|'RUX' is not an actor's code",
            "SUN,RUS,MERGER,1991-12-26,|MERGER",
            "SUN,RUS,CONTINUATION,1990-01-01,|RUS did not exist on 1990-01-01",
            "SUN,IRN,CONTINUATION,1995-01-01,|SUN had ended before 1995-01-01",
            "SUN,SUN,CONTINUATION,1991-12-26,|cannot succeed itself"})
    void aBadSuccessionIsRejectedWithItsLine(String badLine, String problem) {
        assertThatThrownBy(() -> ActorRegistry.read(
                stream(String.join(",", ActorRegistry.COLUMNS) + "\nSUN,Soviet Union,DISSOLVED_STATE,,1991-12-26,,\n"
                        + "RUS,Russia,STATE,1991-12-26,,,\nIRN,Iran,STATE,,,,\n"), "actors.csv",
                stream(String.join(",", ActorRegistry.SUCCESSION_COLUMNS) + "\n" + badLine + "\n"), "successions.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("successions.csv line 2")
                .hasMessageContaining(problem);
    }

    @Test
    void aSecondContinuatorAndADissolvedStateWithoutSuccessorAreRejected() {
        String actors = String.join(",", ActorRegistry.COLUMNS) + "\nSUN,Soviet Union,DISSOLVED_STATE,,1991-12-26,,\n"
                + "RUS,Russia,STATE,1991-12-26,,,\nUKR,Ukraine,STATE,1991-08-24,,,\n";
        String header = String.join(",", ActorRegistry.SUCCESSION_COLUMNS) + "\n";
        assertThatThrownBy(() -> ActorRegistry.read(stream(actors), "actors.csv", stream(header
                + "SUN,RUS,CONTINUATION,1991-12-26,\nSUN,UKR,CONTINUATION,1991-12-26,\n"), "successions.csv"))
                .hasMessageContaining("line 3").hasMessageContaining("already continued by RUS");
        assertThatThrownBy(() -> ActorRegistry.read(stream(actors), "actors.csv", stream(header), "successions.csv"))
                .hasMessageContaining("dissolved state SUN has no successor");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Yemen Arab Republic (North Yemen)|YAR", "Saint Vincent|VCT", "South Vietnam|RVN", "Biafra|XBF",
            "Katanga|XKT", "Northern Cyprus|XNC", "LF (Lebanon)*|XLF"})
    void namesOfTheFullRegisterBeyondTheSampleAreKnown(String sipriName, String code) {
        assertThat(registry.byName(sipriName)).map(Actor::code).contains(code);
    }

    @Test
    void theStandardListIsReadOnce() {
        assertThat(ActorRegistry.standard()).isSameAs(registry);
    }

    @Test
    void aDuplicateCodeIsRejectedWithItsLine() {
        assertThatThrownBy(() -> read("""
                RUS,Russia,STATE,1991-12-26,,,
                IRN,Iran,STATE,,,,
                RUS,Russian Federation,STATE,,,,
                """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test.csv line 4")
                .hasMessageContaining("duplicate code 'RUS'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "IRX,Persia,STATE,,,PERSIA,|duplicate name or alias 'PERSIA'",
            "IRQ,Iran,STATE,,,,|duplicate name or alias 'Iran'",
            "IRQ,Iraq,COUNTRY,,,,|unknown kind 'COUNTRY'",
            "IRQ,Iraq,STATE,1990-13-01,,,|1990-13-01",
            "Iq,Iraq,STATE,,,,|code 'Iq'",
            "IRQ,Iraq,STATE,,|expected 7 fields",
            "HZB,Hezbollah,NON_STATE_GROUP,,,,|must start with X",
            "SUN,Soviet Union,DISSOLVED_STATE,,,,|needs a valid_to",
            "GRO,Rosoboronexport,STATE_AGENCY,,,,|needs the state it belongs to",
            "LMT,Lockheed Martin,COMPANY,,,,USA|must start with C",
            "GRO,Rosoboronexport,STATE_AGENCY,,,,XYZ|belongs to 'XYZ', which is not a state's code",
            "CDA,Dassault Aviation,COMPANY,,,,QUE|belongs to 'QUE', which is not a state's code",
            "IRQ,Iraq,STATE,,,,IRN|belongs to no state"})
    void aBadLineIsRejectedWithItsLine(String badLine, String problem) {
        assertThatThrownBy(() -> read("RUS,Russia,STATE,1991-12-26,,,\nIRN,Iran,STATE,,,,\n" + badLine + "\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test.csv line 4")
                .hasMessageContaining(problem);
    }

    @Test
    void aWrongHeaderIsRejected() {
        assertThatThrownBy(() -> ActorRegistry.read(stream("code,name,kind\nRUS,Russia,STATE\n"), "test.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test.csv line 1");
    }

    @Test
    void aValidListReads() {
        ActorRegistry small = read("IRN,Iran,STATE,,,Persia,\n");
        assertThat(small.all()).extracting(Actor::code).containsExactly("IRN");
        assertThat(small.byName("persia")).map(Actor::code).contains("IRN");
    }

    @Test
    void companiesAndAgenciesNameTheStateTheyBelongTo() {
        ActorRegistry registry = ActorRegistry.standard();
        assertThat(registry.byName("Rosoboronexport")).get()
                .extracting(Actor::code, Actor::kind, Actor::belongsTo)
                .containsExactly("GRO", ActorKind.STATE_AGENCY, "RUS");
        assertThat(registry.byName("Lockheed Martin")).get()
                .extracting(Actor::code, Actor::kind, Actor::belongsTo)
                .containsExactly("CLM", ActorKind.COMPANY, "USA");
        assertThat(registry.byCode("CDA")).map(Actor::belongsTo).contains("FRA");
        assertThat(registry.byName("DCNS")).map(Actor::code).contains("CNG");
        assertThat(registry.byName("HAL")).map(Actor::belongsTo).contains("IND");
        assertThat(registry.byCode("RUS")).map(Actor::belongsTo).isEmpty();
    }

    @Test
    void everyCompanyAndAgencyCodeStaysClearOfStateCodesAndBelongsToAState() {
        ActorRegistry registry = ActorRegistry.standard();
        List<Actor> actingForStates = registry.all().stream().filter(a -> a.kind().actsForState()).toList();
        assertThat(actingForStates).hasSizeGreaterThanOrEqualTo(5);
        for (Actor actor : actingForStates) {
            assertThat(actor.code()).startsWith(actor.kind() == ActorKind.COMPANY ? "C" : "G");
            assertThat(registry.byCode(actor.belongsTo())).get().extracting(Actor::kind)
                    .isIn(ActorKind.STATE, ActorKind.DISSOLVED_STATE);
        }
    }

    @Test
    void anAgencyActsForItsStateOnlyWhileItExists() {
        ActorRegistry registry = ActorRegistry.standard();
        assertThat(registry.actsFor("GRO", "RUS", LocalDate.of(2005, 4, 11))).isTrue();
        // Rosoboronexport was created on 2000-11-04.
        assertThat(registry.actsFor("GRO", "RUS", LocalDate.of(1999, 1, 1))).isFalse();
        assertThat(registry.actsFor("CDA", "RUS", LocalDate.of(2005, 4, 11))).isFalse();
        assertThat(registry.actsFor("RUS", "RUS", LocalDate.of(2005, 4, 11))).isFalse();
        assertThat(registry.actsFor("CDA", "FRA", LocalDate.of(2015, 4, 10))).isTrue();
    }

    @Test
    void anAgencyOfAPredecessorActsForTheStateThatTookOverItsRelations() {
        // Invented: a Soviet export agency, to test the rule for agencies of states that were succeeded.
        ActorRegistry registry = ActorRegistry.read(stream(String.join(",", ActorRegistry.COLUMNS)
                        + "\nSUN,Soviet Union,DISSOLVED_STATE,,1991-12-26,,\n"
                        + "RUS,Russia,STATE,1991-12-26,,,\nUKR,Ukraine,STATE,1991-08-24,,,\n"
                        + "GSX,Soviet export agency,STATE_AGENCY,,,,SUN\n"), "actors.csv",
                stream(String.join(",", ActorRegistry.SUCCESSION_COLUMNS) + "\n"
                        + "SUN,RUS,CONTINUATION,1991-12-26,\nSUN,UKR,SEPARATION,1991-08-24,\n"), "successions.csv");
        assertThat(registry.actsFor("GSX", "SUN", LocalDate.of(1990, 1, 1))).isTrue();
        assertThat(registry.actsFor("GSX", "RUS", LocalDate.of(1992, 1, 1))).isTrue();
        assertThat(registry.actsFor("GSX", "RUS", LocalDate.of(1990, 1, 1))).isFalse();
    }

    private static ActorRegistry read(String rows) {
        return ActorRegistry.read(stream(String.join(",", ActorRegistry.COLUMNS) + "\n" + rows), "test.csv");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
