package org.dyad.actors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorCodesTest {

    private final ActorCodes codes = ActorCodes.standard();

    @ParameterizedTest(name = "{0}: ISO {1}, CoW {2} {3}, G-W {4}")
    @CsvSource(nullValues = "-", value = {
            "USA, US, 2, USA, 2", "RUS, RU, 365, RUS, 365", "SUN, SU, 365, RUS, 365", "CHN, CN, 710, CHN, 710",
            "IND, IN, 750, IND, 750", "IRN, IR, 630, IRN, 630", "DEU, DE, 255, GMY, 260", "DDR, DD, 265, GDR, 265",
            "FRA, FR, 220, FRN, 220", "GBR, GB, 200, UKG, 200", "ISR, IL, 666, ISR, 666", "PAK, PK, 770, PAK, 770",
            "YUG, YU, 345, YUG, 345", "SRB, RS, 345, YUG, 340", "CSK, CS, 315, CZE, 315", "CZE, CZ, 316, CZR, 316",
            "RVN, -, 817, RVN, 817", "VNM, VN, 816, DRV, 816", "YAR, -, 678, YAR, 678", "YMD, YD, 680, YPR, 680",
            "YEM, YE, 679, YEM, 678", "KOR, KR, 732, ROK, 732", "PRK, KP, 731, PRK, 731", "TWN, TW, 713, TAW, 713",
            "XKX, XK, 347, KOS, 347", "SSD, SS, 626, SSD, 626", "ROU, RO, 360, RUM, 360"})
    void wellKnownStatesHaveTheirCodes(String code, String iso2, int cow, String cowAbb, int gw) {
        ActorCodes.Codes found = codes.of(code).orElseThrow();
        assertThat(found.iso2()).isEqualTo(iso2);
        assertThat(found.iso3()).isEqualTo(iso2 == null ? null : code);
        assertThat(found.cowNumber()).isEqualTo(cow);
        assertThat(found.cowAbbreviation()).isEqualTo(cowAbb);
        assertThat(found.gwNumber()).isEqualTo(gw);
    }

    @Test
    void everyCodeNamesAStateOfTheShippedList() {
        ActorRegistry registry = ActorRegistry.standard();
        assertThat(codes.all()).hasSizeGreaterThan(190);
        for (ActorCodes.Codes c : codes.all()) {
            Actor actor = registry.byCode(c.code()).orElseThrow(() -> new AssertionError(c.code() + " is no actor"));
            assertThat(actor.kind()).as(c.code()).isIn(ActorKind.STATE, ActorKind.DISSOLVED_STATE);
            assertThat(c.iso2() != null || c.cowNumber() != null).as(c.code() + " has some code").isTrue();
            assertThat(c.cowNumber() == null).as(c.code() + ": a CoW number comes with its abbreviation")
                    .isEqualTo(c.cowAbbreviation() == null);
        }
    }

    @Test
    void aCoWNumberIsSharedOnlyByAStateAndItsSuccessorOrPredecessor() {
        ActorRegistry registry = ActorRegistry.standard();
        List<ActorCodes.Codes> numbered = codes.all().stream().filter(c -> c.cowNumber() != null).toList();
        for (ActorCodes.Codes a : numbered) {
            for (ActorCodes.Codes b : numbered) {
                if (!a.code().equals(b.code()) && a.cowNumber().equals(b.cowNumber())) {
                    boolean related = succeeds(registry, a.code(), b.code()) || succeeds(registry, b.code(), a.code());
                    assertThat(related).as(a.code() + " and " + b.code() + " share CoW " + a.cowNumber()).isTrue();
                }
            }
        }
    }

    /** Whether {@code later} follows {@code earlier} by one succession or a chain of them. */
    private static boolean succeeds(ActorRegistry registry, String earlier, String later) {
        return registry.successionsFrom(earlier).stream()
                .anyMatch(s -> s.successor().equals(later) || succeeds(registry, s.successor(), later));
    }

    @Test
    void companiesGroupsAndOrganisationsHaveNoStateCodes() {
        assertThat(codes.of("GRO")).isEmpty();
        assertThat(codes.of("QNA")).isEmpty();
        assertThat(codes.of("XHZ")).isEmpty();
    }

    @Test
    void aMalformedFileIsRefusedWithTheCodeItConcerns() {
        String csv = "code,iso2,cow_num,cow_abb,gw_num\nFRA,FR,two-twenty,FRN,220\n";
        assertThatThrownBy(() -> ActorCodes.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "test.csv")).hasMessageContaining("FRA").hasMessageContaining("two-twenty");
        String twice = "code,iso2,cow_num,cow_abb,gw_num\nFRA,FR,220,FRN,220\nFRA,FR,220,FRN,220\n";
        assertThatThrownBy(() -> ActorCodes.read(new ByteArrayInputStream(twice.getBytes(StandardCharsets.UTF_8)),
                "test.csv")).hasMessageContaining("FRA twice");
    }
}
