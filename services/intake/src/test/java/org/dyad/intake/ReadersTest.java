package org.dyad.intake;

import org.dyad.actors.ActorRegistry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The readers of dates, money, actors and items, each on the phrasings the issue names. */
class ReadersTest {

    private static final LocalDate TUESDAY = LocalDate.parse("2001-03-13");

    private static String date(String text, LocalDate published) {
        List<Mention<String>> dates = DateReader.find(text, 0, text.length(), published);
        assertThat(dates).as("dates in '" + text + "'").isNotEmpty();
        return dates.get(0).value();
    }

    @Test
    void readsWrittenAndPublicationRelativeDates() {
        assertThat(date("They signed on Monday.", TUESDAY)).isEqualTo("2001-03-12");
        assertThat(date("They signed Tuesday.", TUESDAY)).isEqualTo("2001-03-13");
        assertThat(date("They signed last year.", TUESDAY)).isEqualTo("2000");
        assertThat(date("In 1995, Russia agreed.", TUESDAY)).isEqualTo("1995");
        assertThat(date("It starts next month.", LocalDate.parse("2020-12-15"))).isEqualTo("2021-01");
        assertThat(date("renounced several months ago", TUESDAY)).isEqualTo("~2000-11");
        assertThat(date("issued April 10, 2020", null)).isEqualTo("2020-04-10");
        assertThat(date("on 12 March 2001", null)).isEqualTo("2001-03-12");
        assertThat(date("in March 2001", null)).isEqualTo("2001-03");
        assertThat(date("delivered yesterday", TUESDAY)).isEqualTo("2001-03-12");
    }

    @Test
    void aRelativeDateNeedsThePublicationDate() {
        assertThat(DateReader.find("They signed on Monday.", 0, 22, null)).isEmpty();
    }

    private static MoneyReader.Money money(String text) {
        List<Mention<MoneyReader.Money>> found = MoneyReader.find(text, 0, text.length());
        assertThat(found).as("money in '" + text + "'").hasSize(1);
        return found.get(0).value();
    }

    @Test
    void readsMoneyWithItsQualifier() {
        assertThat(money("total arms sales could reach $7 billion."))
                .isEqualTo(new MoneyReader.Money(new BigDecimal("7000000000"), "USD", "COULD_REACH"));
        assertThat(money("a contract worth up to $300 million")).extracting(MoneyReader.Money::qualifier)
                .isEqualTo("UP_TO");
        assertThat(money("about $300 million")).isEqualTo(
                new MoneyReader.Money(new BigDecimal("300000000"), "USD", "ABOUT"));
        assertThat(money("an estimated total cost of $1.2 billion")).isEqualTo(
                new MoneyReader.Money(new BigDecimal("1200000000"), "USD", "ESTIMATED_TOTAL_COST"));
        assertThat(money("at least 10 billion rubles")).isEqualTo(
                new MoneyReader.Money(new BigDecimal("10000000000"), "RUB", "AT_LEAST"));
        assertThat(money("seven billion dollars")).isEqualTo(
                new MoneyReader.Money(new BigDecimal("7000000000"), "USD", "EXACT"));
        assertThat(money("£85 million")).extracting(MoneyReader.Money::currency).isEqualTo("GBP");
    }

    @Test
    void keepsAnAmountRestatedInAnotherCurrencyAsAnAlternative() {
        String text = "for €7.87 billion (about Rs 59,000 crore), ending years of talks";
        List<Mention<MoneyReader.Money>> found = MoneyReader.find(text, 0, text.length());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).value()).isEqualTo(new MoneyReader.Money(new BigDecimal("7870000000"), "EUR", "EXACT"));
        assertThat(found.get(0).alternatives()).extracting(Alternative::value).containsExactly("590000000000 INR");
    }

    @Test
    void theWordWonIsNotMoneyWithoutAnAmountScale() {
        assertThat(MoneyReader.find("Seoul won 3 contracts", 0, 21)).isEmpty();
    }

    private static ItemReader.Item item(ItemReader reader, String text) {
        List<Mention<ItemReader.Item>> found = reader.find(text, 0, text.length());
        assertThat(found).as("items in '" + text + "'").hasSize(1);
        return found.get(0).value();
    }

    @Test
    void readsDesignationsCategoriesAndQuantities() {
        ItemReader reader = new ItemReader(List.of());
        assertThat(item(reader, "up to thirty-six (36) F-16 Block 70 aircraft"))
                .isEqualTo(new ItemReader.Item("F-16 Block 70", "aircraft", "AIRCRAFT", 36, false));
        assertThat(item(reader, "three Kilo-class diesel submarines"))
                .isEqualTo(new ItemReader.Item("Kilo-class", "diesel submarine", "SHIPS", 3, false));
        assertThat(item(reader, "some 40 tanks"))
                .isEqualTo(new ItemReader.Item("tank", "tanks", "ARMOURED_VEHICLES", 40, true));
        assertThat(item(reader, "36 Rafale fighter jets").designation()).isEqualTo("Rafale");
    }

    @Test
    void knowsTheDesignationsItIsGiven() {
        String text = "two Tiger helicopters";
        assertThat(item(new ItemReader(List.of()), text).designation()).isEqualTo("helicopter");
        assertThat(item(new ItemReader(List.of("Tiger")), text))
                .isEqualTo(new ItemReader.Item("Tiger", "helicopter", "AIRCRAFT", 2, false));
    }

    @Test
    void namesActorsByNameDemonymCapitalAndHistoricalState() {
        ActorFinder finder = new ActorFinder(ActorRegistry.standard());
        String text = "Russian officials in Moscow met envoys from Tehran and the Government of the Kingdom of Saudi Arabia.";
        List<ActorFinder.Named> named = finder.find(text, 0, text.length(), ActorFinder.People.NONE);
        assertThat(named).extracting(ActorFinder.Named::code).containsExactly("RUS", "RUS", "IRN", "SAU");
        Mention<String> moscow1989 = finder.resolve(named.get(1), LocalDate.parse("1989-01-01"));
        assertThat(moscow1989.value()).isEqualTo("SUN");
        assertThat(moscow1989.alternatives()).extracting(Alternative::value).contains("RUS");
        assertThat(finder.resolve(named.get(1), LocalDate.parse("2001-03-12")).value()).isEqualTo("RUS");
    }

    @Test
    void aPersonIntroducedWithADemonymAndTitleNamesTheirState() {
        ActorFinder finder = new ActorFinder(ActorRegistry.standard());
        String text = "Iranian President Mohammad Khatami met Putin. Khatami said so.";
        ActorFinder.People people = finder.people(text);
        assertThat(people.bySurname()).containsEntry("Khatami", "IRN");
        assertThat(finder.find(text, 45, text.length(), people)).extracting(ActorFinder.Named::code)
                .containsExactly("IRN");
    }

    @Test
    void splitsSentencesButNotAfterInitialsOrAbbreviations() {
        String text = "Russian President Vladimir V. Putin spoke. Col. Gen. Leonid Ivashov agreed. U.S. officials left.";
        assertThat(Sentences.split(text)).extracting(s -> s.of(text)).containsExactly(
                "Russian President Vladimir V. Putin spoke.", "Col. Gen. Leonid Ivashov agreed.",
                "U.S. officials left.");
    }
}
