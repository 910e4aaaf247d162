package org.dyad.contracts.wire;

import org.dyad.contracts.agreement.AgreementSigned;
import org.dyad.contracts.deal.SaleReported;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type Dyad publishes, by its stable CloudEvents type. */
public final class EventCatalog {

    /** The published events; adding one here is what makes it part of the contract. */
    public static final List<Class<?>> EVENTS = List.of(
            AgreementSigned.class,
            SaleReported.class);

    private static final Map<String, Class<?>> BY_TYPE = EVENTS.stream()
            .collect(Collectors.toUnmodifiableMap(EventCatalog::typeOf, Function.identity()));

    private EventCatalog() {
    }

    /** The CloudEvents type of an event class, e.g. {@code org.dyad.deal.SaleReported.v1}. */
    public static String typeOf(Class<?> eventClass) {
        EventType t = eventClass.getAnnotation(EventType.class);
        if (t == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a published Dyad event");
        }
        return "org.dyad." + t.aggregate() + "." + t.name() + ".v" + t.version();
    }

    /** The aggregate kind ("deal", "agreement") an event class belongs to. */
    public static String aggregateOf(Class<?> eventClass) {
        return eventClass.getAnnotation(EventType.class).aggregate();
    }

    public static Optional<Class<?>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static List<String> types() {
        return EVENTS.stream().map(EventCatalog::typeOf).sorted().toList();
    }
}
