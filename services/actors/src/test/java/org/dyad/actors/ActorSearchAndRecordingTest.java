package org.dyad.actors;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorSearchAndRecordingTest {

    private final ActorRegistry standard = ActorRegistry.standard();

    private static Actor group(String code, String name, String... aliases) {
        return new Actor(code, name, ActorKind.NON_STATE_GROUP, null, null, List.of(), List.of(aliases));
    }

    private List<String> codes(String text) {
        return standard.search(text, null, 5).stream().map(found -> found.actor().code()).toList();
    }

    @Test
    void aNameFindsItsStateFirst() {
        assertThat(codes("China")).first().isEqualTo("CHN");
        assertThat(standard.search("china", null, 1).get(0).matched()).isEqualTo("China");
        assertThat(codes("united kingdom")).first().isEqualTo("GBR");
    }

    @Test
    void aDemonymFindsItsState() {
        ActorRegistry.Found chinese = standard.search("Chinese", null, 5).get(0);
        assertThat(chinese.actor().code()).isEqualTo("CHN");
        assertThat(chinese.matched()).isEqualTo("Chinese");
        assertThat(codes("French")).first().isEqualTo("FRA");
        assertThat(standard.demonyms("USA")).contains("American");
    }

    @Test
    void aHistoricalStateIsMarked() {
        ActorRegistry.Found soviet = standard.search("Soviet", null, 5).get(0);
        assertThat(soviet.actor().code()).isEqualTo("SUN");
        assertThat(soviet.historical()).isTrue();
        assertThat(standard.search("Russia", null, 1).get(0).historical()).isFalse();
    }

    @Test
    void aCodeRanksItsActorFirstAndFragmentsFindCodesAndNames() {
        assertThat(codes("fra")).first().isEqualTo("FRA");
        assertThat(standard.search("fra", null, 1).get(0).matched()).isEqualTo("FRA");
        assertThat(codes("Germ")).first().isEqualTo("DEU");
        // SIPRI's spelling with its mark is an alias that is searched
        assertThat(codes("Hezbollah (Lebanon)*")).first().isEqualTo("XHZ");
        // a slip of a letter still finds the state
        assertThat(codes("Pakistn")).first().isEqualTo("PAK");
        assertThat(standard.search("zzzzqqq", null, 5)).isEmpty();
    }

    @Test
    void kindAndLimitNarrowTheAnswer() {
        assertThat(standard.search("Union", ActorKind.INTERNATIONAL_ORGANISATION, 20))
                .allSatisfy(found -> assertThat(found.actor().kind()).isEqualTo(ActorKind.INTERNATIONAL_ORGANISATION))
                .extracting(found -> found.actor().code()).contains("QUE", "QUA");
        assertThat(standard.search("a", null, 3)).hasSize(3);
        assertThat(standard.search(null, null, Integer.MAX_VALUE)).hasSize(standard.all().size());
    }

    @Test
    void aRecordedActorIsKnownByCodeNameAndAliasAndRecordingItAgainChangesNothing() {
        ActorRegistry registry = ActorRegistry.loadStandard();
        Actor group = group("XAA", "Free Coast Front", "Free Coast Front (Atlantis)*");
        assertThat(registry.record(group)).isTrue();
        assertThat(registry.record(group)).isFalse();
        assertThat(registry.byCode("XAA")).contains(group);
        assertThat(registry.byName("free coast front (ATLANTIS)*")).contains(group);
        assertThat(registry.isRecorded("XAA")).isTrue();
        assertThat(registry.isRecorded("CHN")).isFalse();
        assertThat(registry.all()).contains(group).isSortedAccordingTo(java.util.Comparator.comparing(Actor::code));
        assertThat(registry.search("Free Coast", null, 1).get(0).actor()).isEqualTo(group);
        assertThat(registry.freeCodes(ActorKind.NON_STATE_GROUP)).doesNotContain("XAA", "XHZ", "XKX").first()
                .isEqualTo("XAB");
        assertThat(registry.freeCodes(ActorKind.INTERNATIONAL_ORGANISATION)).doesNotContain("QNA", "QUN")
                .allSatisfy(code -> assertThat(code).matches("Q[M-Z][A-Z]"));
        // the shared registry is not touched by another one
        assertThat(standard.byCode("XAA")).isEmpty();
    }

    @Test
    void aRecordedActorCannotTakeAKnownCodeOrName() {
        ActorRegistry registry = ActorRegistry.loadStandard();
        assertThatThrownBy(() -> registry.record(group("XHZ", "Another group")))
                .hasMessageContaining("XHZ is already Hezbollah");
        assertThatThrownBy(() -> registry.record(group("XAB", "Hizbollah")))
                .hasMessageContaining("'Hizbollah' is already XHZ");
        assertThatThrownBy(() -> registry.record(new Actor("FRB", "Fredonia", ActorKind.STATE, null, null,
                List.of(), List.of()))).hasMessageContaining("cannot be recorded");
        assertThatThrownBy(() -> registry.record(new Actor("QAB", "Some League",
                ActorKind.INTERNATIONAL_ORGANISATION, null, null, List.of(), List.of())))
                .hasMessageContaining("QMA-QZZ");
        assertThat(registry.byCode("XAB")).isEmpty();
        assertThat(registry.byName("Another group")).isEmpty();
    }

    @Test
    void readersSeeEveryActorRecordedConcurrently() throws Exception {
        ActorRegistry registry = ActorRegistry.loadStandard();
        List<String> free = registry.freeCodes(ActorKind.NON_STATE_GROUP).subList(0, 200);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> tasks = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int slice = t;
            tasks.add(pool.submit(() -> {
                start.await();
                for (int i = slice; i < free.size(); i += 4) {
                    registry.record(group(free.get(i), "Group " + free.get(i)));
                    registry.search("Group", null, 5);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> task : tasks) {
            task.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(free).allSatisfy(code -> assertThat(registry.byName("group " + code)).isPresent());
        assertThat(registry.all()).hasSize(standard.all().size() + free.size());
    }
}
