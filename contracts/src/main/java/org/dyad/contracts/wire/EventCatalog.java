package org.dyad.contracts.wire;

import org.dyad.contracts.agreement.event.AgreementDisclosed;
import org.dyad.contracts.agreement.event.AgreementEnteredIntoForce;
import org.dyad.contracts.agreement.event.AgreementExpired;
import org.dyad.contracts.agreement.event.AgreementExtended;
import org.dyad.contracts.agreement.event.AgreementRenounced;
import org.dyad.contracts.agreement.event.AgreementSigned;
import org.dyad.contracts.agreement.event.AgreementTerminated;
import org.dyad.contracts.actor.event.ActorRecorded;
import org.dyad.contracts.agreement.event.ConsentToBeBoundRecorded;
import org.dyad.contracts.agreement.event.MilestoneRecorded;
import org.dyad.contracts.agreement.event.ParticipationResumed;
import org.dyad.contracts.agreement.event.ParticipationSuspended;
import org.dyad.contracts.agreement.event.SignatureRecorded;
import org.dyad.contracts.agreement.event.WithdrawalNotified;
import org.dyad.contracts.correction.event.RecordCorrected;
import org.dyad.contracts.correction.event.RecordRetracted;
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
import org.dyad.contracts.embargo.event.EmbargoImposed;
import org.dyad.contracts.embargo.event.EmbargoLifted;
import org.dyad.contracts.register.event.RegisterReleaseImported;
import org.dyad.contracts.register.event.RegisterReleaseRecorded;
import org.dyad.contracts.statement.event.StatementRecorded;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type Dyad publishes, by its stable CloudEvents type. */
public final class EventCatalog {

    /**
     * The published events, current versions. Every record annotated {@link EventType} in this jar is here
     * ({@code EventCatalogTest} scans the compiled classes), so that it gets a schema and a decoder.
     */
    public static final List<Class<?>> EVENTS = List.of(
            AgreementSigned.class, SignatureRecorded.class, ConsentToBeBoundRecorded.class,
            AgreementEnteredIntoForce.class, ParticipationSuspended.class, ParticipationResumed.class,
            WithdrawalNotified.class, AgreementRenounced.class, AgreementExtended.class, AgreementExpired.class,
            AgreementTerminated.class, AgreementDisclosed.class, MilestoneRecorded.class,
            SaleReported.class, NegotiationOpened.class, ContractConcluded.class, DeliveryRecorded.class,
            DeliveryCompleted.class, DealSuspended.class, DealResumed.class, DealCancelled.class, DealRevived.class,
            DealSuperseded.class, EstimateRecorded.class, DeliveryExpected.class, FrameworkAgreementLinked.class,
            RegisterEntryRecorded.class, RegisterEntryRevised.class, RegisterEntryRestated.class,
            RegisterEntryDropped.class, SaleNotified.class,
            StatementRecorded.class,
            EmbargoImposed.class, EmbargoLifted.class,
            RegisterReleaseRecorded.class, RegisterReleaseImported.class,
            RecordCorrected.class, RecordRetracted.class,
            ActorRecorded.class);

    // Read once per class: the publisher asks for every event it sends.
    private static final ClassValue<String> TYPES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> eventClass) {
            return typeOfAnnotated(eventClass);
        }
    };

    private static final ClassValue<java.net.URI> SCHEMAS = new ClassValue<>() {
        @Override
        protected java.net.URI computeValue(Class<?> eventClass) {
            return java.net.URI.create(EventSchemas.id(typeOf(eventClass)));
        }
    };

    private static final Map<String, Class<?>> BY_TYPE = EVENTS.stream()
            .collect(Collectors.toUnmodifiableMap(EventCatalog::typeOf, Function.identity()));

    private EventCatalog() {
    }

    /** The CloudEvents type of an event class, e.g. {@code org.dyad.deal.SaleReported.v1}. */
    public static String typeOf(Class<?> eventClass) {
        return TYPES.get(eventClass);
    }

    private static String typeOfAnnotated(Class<?> eventClass) {
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

    /** The URI of an event class's JSON Schema, sent as CloudEvents {@code dataschema}. */
    public static java.net.URI schemaOf(Class<?> eventClass) {
        return SCHEMAS.get(eventClass);
    }

    /** The current version number of an event class. */
    public static int versionOf(Class<?> eventClass) {
        return eventClass.getAnnotation(EventType.class).version();
    }

    /**
     * A published type, current or older: {@code org.dyad.deal.SaleReported.v1} is version 1 of the event whose
     * current class is {@code SaleReported}.
     */
    public record Version(String name, int version, Class<?> eventClass, boolean current) {
    }

    public static Optional<Version> versionOf(String type) {
        Class<?> current = BY_TYPE.get(type);
        if (current != null) {
            return Optional.of(new Version(current.getAnnotation(EventType.class).name(), versionOf(current),
                    current, true));
        }
        int v = type == null ? -1 : type.lastIndexOf(".v");
        if (v < 0) {
            return Optional.empty();
        }
        try {
            int version = Integer.parseInt(type.substring(v + 2));
            String currentType = type.substring(0, v) + ".v";
            return EVENTS.stream()
                    .filter(c -> typeOf(c).startsWith(currentType) && versionOf(c) > version)
                    .findFirst()
                    .map(c -> new Version(c.getAnnotation(EventType.class).name(), version, c, false));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The event class of a name such as {@code SaleReported} (the current version). */
    public static Optional<Class<?>> classOfName(String name) {
        return EVENTS.stream().filter(c -> c.getAnnotation(EventType.class).name().equals(name)).findFirst();
    }

    public static List<String> types() {
        return EVENTS.stream().map(EventCatalog::typeOf).sorted().toList();
    }
}
