package org.dyad.ledger.deal;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dyad.actors.Succession;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.correction.CorrectableFields;
import org.dyad.contracts.correction.event.RecordCorrected;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.DealStatus;
import org.dyad.contracts.deal.TrancheItem;
import org.dyad.contracts.deal.command.CancelDeal;
import org.dyad.contracts.deal.command.CompleteDelivery;
import org.dyad.contracts.deal.command.ConcludeContract;
import org.dyad.contracts.deal.command.DropRegisterEntry;
import org.dyad.contracts.deal.command.ExpectDelivery;
import org.dyad.contracts.deal.command.LinkFramework;
import org.dyad.contracts.deal.command.OpenNegotiation;
import org.dyad.contracts.deal.command.RecordDelivery;
import org.dyad.contracts.deal.command.RecordEstimate;
import org.dyad.contracts.deal.command.RecordTradeRegisterEntry;
import org.dyad.contracts.deal.command.NotifySale;
import org.dyad.contracts.deal.command.ReportSale;
import org.dyad.contracts.deal.command.RestateRegisterEntry;
import org.dyad.contracts.deal.command.ResumeDeal;
import org.dyad.contracts.deal.command.ReviseRegisterEntry;
import org.dyad.contracts.deal.command.ReviveDeal;
import org.dyad.contracts.deal.command.SupersedeDeal;
import org.dyad.contracts.deal.command.SuspendDeal;
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
import org.dyad.ledger.Actors;
import org.dyad.ledger.DatedLifecycle;
import org.dyad.ledger.DyadCommandTargetResolver;
import org.dyad.ledger.Lifecycle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.dyad.ledger.IllegalTransitionException.check;
import static org.dyad.ledger.Recording.provenance;
import static org.dyad.ledger.Recording.requireDate;
import static org.dyad.ledger.Recording.requireNotBefore;
import static org.dyad.ledger.RuleViolationException.require;

/**
 * An arms transfer from a supplier to a recipient. Its stage moves REPORTED → NEGOTIATING → CONTRACTED → DELIVERING →
 * DELIVERED; a sale notified to a legislature starts at NOTIFIED, which may open negotiation or be contracted directly.
 * Beside the stage, its status may be SUSPENDED (resumable), CANCELLED (revivable) or SUPERSEDED.
 */
@Aggregate(commandTargetResolver = DyadCommandTargetResolver.BEAN)
public class Deal implements DatedLifecycle {

    @AggregateIdentifier
    private String dealId;
    private DealStage stage;
    private DealStatus status;
    private PartialDate reportedOn;
    private final Set<String> designations = new HashSet<>();
    private boolean retracted;
    private Lifecycle<LifecycleState> lifecycle;
    private String frameworkAgreementId;
    private String supplier;
    private String recipient;
    /** The founding report as it stands after its corrections, and its event's id; a notified sale has no report. */
    private SaleReported founding;
    private String foundingId;
    /** What a register last said of the deal; {@code null} for a deal not recorded from a register. */
    private RegisterEntry register;

    protected Deal() {
        // for event sourcing
    }

    @CommandHandler
    public Deal(ReportSale command) {
        requireDate("reportedOn", command.reportedOn());
        Actors.requireKnown("supplier", command.supplier(), command.reportedOn());
        Actors.requireKnown("recipient", command.recipient(), command.reportedOn());
        Actors.requireNotActingForState("supplier", command.supplier());
        Actors.requireNotActingForState("recipient", command.recipient());
        require(!command.supplier().equals(command.recipient()), "recipient", "supplier and recipient must differ");
        require(command.items() != null && !command.items().isEmpty(), "items", "a deal needs at least one item");
        Actors.requireSigner("signedBy", command.signedBy(), command.supplier(), command.recipient(),
                command.reportedOn());
        require(command.stage() != DealStage.NOTIFIED, "stage", "a notified sale is recorded with its notification "
                + "(NotifySale, POST /api/v1/deals/notifications)");
        DealStage stage = command.stage() == null ? DealStage.REPORTED : command.stage();
        apply(new SaleReported(command.dealId(), command.supplier(), command.recipient(), command.items(), stage,
                command.reportedOn(), command.terms(),
                command.estimate() == null ? List.of() : List.of(command.estimate()),
                provenance(command.source(), command.grade(), command.recordedBy()), command.signedBy()));
    }

    /**
     * A sale notified to a legislature: the same rules as a report's (known actors that differ, at least one item, a
     * date), and the notification's number, by which the notification is cited.
     */
    @CommandHandler
    public Deal(NotifySale command) {
        requireDate("notifiedOn", command.notifiedOn());
        Actors.requireKnown("supplier", command.supplier(), command.notifiedOn());
        Actors.requireKnown("recipient", command.recipient(), command.notifiedOn());
        Actors.requireNotActingForState("supplier", command.supplier());
        Actors.requireNotActingForState("recipient", command.recipient());
        require(!command.supplier().equals(command.recipient()), "recipient", "supplier and recipient must differ");
        require(command.items() != null && !command.items().isEmpty(), "items", "a deal needs at least one item");
        require(command.notification() != null, "notification", "a notified sale names its notification");
        require(command.notification().number() != null && !command.notification().number().isBlank(),
                "notification.number", "a notification is cited by its number (e.g. a transmittal number)");
        apply(new SaleNotified(command.dealId(), command.supplier(), command.recipient(), command.items(),
                command.notifiedOn(), command.notification(),
                command.estimate() == null ? List.of() : List.of(command.estimate()),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    public Deal(RecordTradeRegisterEntry command) {
        requireDate("orderedOn", command.orderedOn());
        requireSuccessorActedAfter("supplier", Actors.requireKnownOrSuccessor("supplier", command.supplier(),
                command.orderedOn()), command);
        requireSuccessorActedAfter("recipient", Actors.requireKnownOrSuccessor("recipient", command.recipient(),
                command.orderedOn()), command);
        Actors.requireNotActingForState("supplier", command.supplier());
        Actors.requireNotActingForState("recipient", command.recipient());
        require(!command.supplier().equals(command.recipient()), "recipient", "supplier and recipient must differ");
        require(command.item() != null, "item", "a register entry names its item");
        Provenance provenance = provenance(command.source(), command.grade(), command.recordedBy());
        List<Estimate> estimates = command.estimates() == null ? List.of() : command.estimates();
        apply(new SaleReported(command.dealId(), command.supplier(), command.recipient(), List.of(command.item()),
                DealStage.CONTRACTED, command.orderedOn(), command.terms(), estimates, provenance));
        // Events applied in a constructor reach the event sourcing handlers only after it returns: use the command.
        if (command.delivery() != null) {
            requireNotBefore("delivery.deliveredOn", command.delivery().deliveredOn(), command.orderedOn(), "the order");
            apply(new DeliveryRecorded(command.dealId(), command.delivery(), provenance));
        }
        if (command.completedOn() != null) {
            requireNotBefore("completedOn", command.completedOn(), command.orderedOn(), "the order");
            apply(new DeliveryCompleted(command.dealId(), command.completedOn(), provenance));
        } else if (command.cancelledOn() != null) {
            requireNotBefore("cancelledOn", command.cancelledOn(), command.orderedOn(), "the order");
            apply(new DealCancelled(command.dealId(), command.cancelledOn(), RegisterRevision.CANCELLED_BY_REGISTER,
                    provenance));
        }
        if (command.releaseId() != null) {
            require(command.row() != null, "row", "a register entry of a release keeps its row as written");
            require(command.releasedOn() != null, "releasedOn", "a release has a date");
            apply(new RegisterEntryRecorded(command.dealId(), command.releaseId(), command.releasedOn(),
                    command.line(), command.row(), provenance));
        }
    }

    /**
     * A register entry that names a successor for an order placed before it existed (ordered from the Soviet Union,
     * delivered by Russia) is accepted when the successor had a part in it: the order was still open, or delivered
     * or completed, on or after the succession date.
     */
    private static void requireSuccessorActedAfter(String field, Succession succession,
                                                   RecordTradeRegisterEntry command) {
        if (succession == null) {
            return;
        }
        List<PartialDate> after = new ArrayList<>();
        if (command.completedOn() != null) {
            after.add(command.completedOn());
        }
        if (command.delivery() != null) {
            after.add(command.delivery().deliveredOn());
            after.addAll(command.delivery().spreadOver());
        }
        boolean open = command.completedOn() == null && command.cancelledOn() == null;
        require(open || after.stream().anyMatch(d -> !d.latest().isBefore(succession.on())), field,
                succession.successor() + " did not exist before " + succession.on() + " and the order of "
                        + command.orderedOn() + " was over by then; name " + succession.predecessor());
    }

    @CommandHandler
    void handle(OpenNegotiation command) {
        requireGoingAhead();
        requireNotBefore("on", command.on(), reportedOn, "the deal's first report");
        check(stage == DealStage.REPORTED || stage == DealStage.NOTIFIED,
                "negotiations can only open on a reported or notified deal; this one is " + stage);
        inOrder("on", new NegotiationOpened(dealId, command.on(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(ConcludeContract command) {
        requireGoingAhead();
        requireNotBefore("on", command.on(), reportedOn, "the deal's first report");
        check(beforeContract(stage),
                "only a reported, notified or negotiated deal can be contracted; this one is " + stage);
        require(command.items() == null || !command.items().isEmpty(), "items", "give the contracted items or none");
        Actors.requireSigner("signedBy", command.signedBy(), supplier, recipient, command.on());
        inOrder("on", new ContractConcluded(dealId, command.on(), command.items(),
                provenance(command.source(), command.grade(), command.recordedBy()), command.signedBy()));
    }

    @CommandHandler
    void handle(RecordDelivery command) {
        requireGoingAhead();
        require(command.tranche() != null, "tranche", "the delivered tranche is required");
        requireNotBefore("tranche.deliveredOn", command.tranche().deliveredOn(), reportedOn,
                "the deal's first report");
        check(stage.isOpen(), "the deal is already fully delivered");
        List<TrancheItem> items = command.tranche().items();
        for (int i = 0; i < items.size(); i++) {
            require(designations.contains(items.get(i).designation()), "tranche.items[" + i + "].designation",
                    "'" + items.get(i).designation() + "' is not an item of this deal (" + designations + ")");
        }
        inOrder("tranche.deliveredOn", new DeliveryRecorded(dealId, command.tranche(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(ExpectDelivery command) {
        requireGoingAhead();
        requireNotBefore("statedOn", command.statedOn(), reportedOn, "the deal's first report");
        requireDate("dueBy", command.dueBy());
        check(stage.isOpen(), "the deal is already fully delivered");
        require(!command.dueBy().latest().isBefore(command.statedOn().earliest()), "dueBy",
                command.dueBy() + " is before the expectation was stated (" + command.statedOn() + ")");
        require(command.dueFrom() == null || !command.dueFrom().earliest().isAfter(command.dueBy().latest()),
                "dueFrom", command.dueFrom() + " is after dueBy (" + command.dueBy() + ")");
        require(command.designation() == null || designations.contains(command.designation()), "designation",
                "'" + command.designation() + "' is not an item of this deal (" + designations + ")");
        apply(new DeliveryExpected(dealId, command.statedOn(), command.dueFrom(), command.dueBy(),
                command.designation(), command.quantity(), command.note(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(LinkFramework command) {
        requireNotRetracted();
        require(command.agreementId() != null && !command.agreementId().isBlank(), "agreementId",
                "name the framework agreement the deal implements");
        check(frameworkAgreementId == null, "the deal already implements agreement '" + frameworkAgreementId
                + "'; retract that link to name another");
        apply(new FrameworkAgreementLinked(dealId, command.agreementId(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(CompleteDelivery command) {
        requireGoingAhead();
        requireNotBefore("on", command.on(), reportedOn, "the deal's first report");
        check(stage == DealStage.CONTRACTED || stage == DealStage.DELIVERING,
                "only a contracted deal can be fully delivered; this one is " + stage);
        inOrder("on", new DeliveryCompleted(dealId, command.on(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(SuspendDeal command) {
        requireGoingAhead();
        requireNotBefore("on", command.on(), reportedOn, "the deal's first report");
        require(command.reason() != null && !command.reason().isBlank(), "reason", "say why the deal was suspended");
        check(stage.isOpen(), "a fully delivered deal cannot be suspended");
        inOrder("on", new DealSuspended(dealId, command.on(), command.reason(),
                provenance(command.source(), command.grade(), command.recordedBy()), command.embargoId()));
    }

    @CommandHandler
    void handle(ResumeDeal command) {
        requireNotRetracted();
        requireNotBefore("on", command.on(), reportedOn, "the deal's first report");
        check(status == DealStatus.SUSPENDED, "only a suspended deal can be resumed; this one is " + status);
        inOrder("on", new DealResumed(dealId, command.on(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(CancelDeal command) {
        requireNotRetracted();
        requireNotBefore("on", command.on(), reportedOn, "the deal's first report");
        check(status == DealStatus.ACTIVE || status == DealStatus.SUSPENDED,
                "a " + status + " deal cannot be cancelled");
        check(stage.isOpen(), "a fully delivered deal cannot be cancelled");
        inOrder("on", new DealCancelled(dealId, command.on(), command.reason(),
                provenance(command.source(), command.grade(), command.recordedBy()), command.embargoId()));
    }

    @CommandHandler
    void handle(ReviveDeal command) {
        requireNotRetracted();
        requireNotBefore("on", command.on(), reportedOn, "the deal's first report");
        require(command.stage() != null && command.stage().isOpen(), "stage",
                "a revived deal goes back to an open stage (REPORTED to DELIVERING)");
        check(status == DealStatus.CANCELLED, "only a cancelled deal can be revived; this one is " + status);
        inOrder("on", new DealRevived(dealId, command.on(), command.stage(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(SupersedeDeal command) {
        requireNotRetracted();
        requireNotBefore("on", command.on(), reportedOn, "the deal's first report");
        require(command.supersededBy() != null && !command.supersededBy().equals(dealId), "supersededBy",
                "name the other deal that takes this one's place");
        check(status != DealStatus.SUPERSEDED, "the deal is already superseded");
        check(stage.isOpen(), "a fully delivered deal cannot be superseded");
        inOrder("on", new DealSuperseded(dealId, command.on(), command.supersededBy(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(RecordEstimate command) {
        requireNotRetracted();
        require(command.estimate() != null, "estimate", "the estimate is required");
        requireDate("estimatedOn", command.estimatedOn());
        apply(new EstimateRecorded(dealId, command.estimate(), command.estimatedOn(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    /**
     * A newer release of the register the deal was recorded from states it differently: the revision is recorded with
     * the cells it changes, then the deal's facts read from the row follow the new row. Facts the register gave
     * (those with the register's publisher as source) are corrected, added where the earlier release had none and
     * retracted where the new row gives none; facts from other sources stay as they are.
     */
    @CommandHandler
    void handle(ReviseRegisterEntry command) {
        requireRegisterEntry(command.releaseId(), command.releasedOn());
        require(command.row() != null, "row", "a revised entry keeps its row as written");
        require(command.item() != null, "item", "a register entry names its item");
        requireDate("orderedOn", command.orderedOn());
        Provenance provenance = provenance(command.source(), command.grade(), command.recordedBy());
        RegisterRevision.RegisterFacts facts = new RegisterRevision.RegisterFacts(foundingId, founding,
                register.deliveryId, registerFact(register.deliveryId, DeliveryRecorded.class),
                register.completionId, registerFact(register.completionId, DeliveryCompleted.class),
                register.cancellationId, registerFact(register.cancellationId, DealCancelled.class));
        List<RegisterRevision.Step> steps = RegisterRevision.steps(command, facts, provenance);
        apply(new RegisterEntryRevised(dealId, command.releaseId(), command.releasedOn(), command.line(),
                command.row(), command.changes() == null ? List.of() : command.changes(), provenance));
        for (RegisterRevision.Step step : steps) {
            if (step.event() instanceof RecordCorrected correction) {
                requireInOrder(correction);
                apply(correction);
            } else if (step.dateField() != null) {
                inOrder(step.dateField(), step.event());
            } else {
                apply(step.event());
            }
        }
    }

    /**
     * A newer release of the register lists the deal exactly as the release before it did. A deal its publisher's
     * register gave before releases were records (its founding report has that publisher as source) takes its first
     * restatement as its register entry.
     */
    @CommandHandler
    void handle(RestateRegisterEntry command) {
        boolean recordedBeforeReleases = (register == null || register.releaseId == null)
                && command.source() != null && sameRegister(command.source());
        if (recordedBeforeReleases) {
            require(command.releaseId() != null && !command.releaseId().isBlank(), "releaseId",
                    "name the register's release");
            require(command.releasedOn() != null, "releasedOn", "a release has a date");
        } else {
            requireRegisterEntry(command.releaseId(), command.releasedOn());
        }
        require(command.row() != null, "row", "a restated entry keeps its row as written");
        apply(new RegisterEntryRestated(dealId, command.releaseId(), command.releasedOn(), command.line(),
                command.row(), provenance(command.source(), command.grade(), command.recordedBy())));
    }

    /** A newer release of the register no longer lists the deal; the deal and its history stay. */
    @CommandHandler
    void handle(DropRegisterEntry command) {
        requireRegisterEntry(command.releaseId(), command.releasedOn());
        check(register.droppedIn == null, "the register's release " + register.droppedIn
                + " already dropped this deal");
        apply(new RegisterEntryDropped(dealId, command.releaseId(), command.releasedOn(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    /** The deal came from a register, and the release is newer than the last that spoke of it. */
    private void requireRegisterEntry(String releaseId, PartialDate releasedOn) {
        require(releaseId != null && !releaseId.isBlank(), "releaseId", "name the register's release");
        require(releasedOn != null, "releasedOn", "a release has a date");
        check(register != null && register.releaseId != null,
                "the deal was not recorded from a register's release");
        check(!releaseId.equals(register.releaseId), "the register's release " + releaseId
                + " already speaks of this deal");
        check(!releasedOn.earliest().isBefore(register.releasedOn.earliest()), "the register's release "
                + releaseId + " (" + releasedOn + ") is older than release " + register.releaseId + " ("
                + register.releasedOn + "), which already speaks of this deal");
    }

    /** The register's fact recorded as {@code eventId} as it stands after its corrections, or null. */
    private <E> E registerFact(String eventId, Class<E> type) {
        DyadEvent fact = eventId == null ? null : lifecycle.fact(eventId);
        return type.isInstance(fact) ? type.cast(fact) : null;
    }

    /**
     * What a register last said of the deal ({@code releaseId} is {@code null} for a deal not recorded from one), and
     * which of the deal's facts the register's publisher gave (their events' ids): the facts a newer release revises.
     */
    private static final class RegisterEntry {
        String releaseId;
        PartialDate releasedOn;
        String droppedIn;
        String deliveryId;
        String completionId;
        String cancellationId;
    }

    @Override
    public Lifecycle<?> lifecycle() {
        return lifecycle;
    }

    @Override
    public void requireInOrder(RecordCorrected correction) {
        DatedLifecycle.super.requireInOrder(correction);
        Object signer = correction.changes().get("signedBy");
        if (signer != null) {
            Actors.requireSigner("changes.signedBy", String.valueOf(signer), supplier, recipient,
                    signedOn(correction));
        }
    }

    /** The date of the report or contract whose signer a correction names, with the correction's own date change. */
    private PartialDate signedOn(RecordCorrected correction) {
        for (String dateField : List.of("reportedOn", "on")) {
            if (correction.changes().get(dateField) != null) {
                return PartialDate.parse(String.valueOf(correction.changes().get(dateField)));
            }
        }
        if (SaleReported.class.getSimpleName().equals(correction.correctedEventType())) {
            return reportedOn;
        }
        DyadEvent fact = lifecycle == null ? null : lifecycle.fact(correction.correctedEventId());
        return fact == null ? null : fact.validOn();
    }

    /**
     * One step of a deal's lifecycle replayed in valid time: the same rules as the commands', on the stage and status
     * the earlier facts left.
     */
    private static String step(LifecycleState deal, DyadEvent event) {
        boolean goingAhead = deal.status == DealStatus.ACTIVE;
        boolean open = deal.stage.isOpen();
        if (event instanceof NegotiationOpened) {
            return goingAhead && (deal.stage == DealStage.REPORTED || deal.stage == DealStage.NOTIFIED)
                    ? deal.stage(DealStage.NEGOTIATING) : "not reported";
        } else if (event instanceof ContractConcluded) {
            return goingAhead && beforeContract(deal.stage) ? deal.stage(DealStage.CONTRACTED) : "not before a contract";
        } else if (event instanceof DeliveryRecorded) {
            return goingAhead && open ? deal.stage(DealStage.DELIVERING) : "no delivery then";
        } else if (event instanceof DeliveryCompleted) {
            return goingAhead && (deal.stage == DealStage.CONTRACTED || deal.stage == DealStage.DELIVERING)
                    ? deal.stage(DealStage.DELIVERED) : "not contracted";
        } else if (event instanceof DealSuspended) {
            return goingAhead && open ? deal.status(DealStatus.SUSPENDED) : "not going ahead";
        } else if (event instanceof DealResumed) {
            return deal.status == DealStatus.SUSPENDED ? deal.status(DealStatus.ACTIVE) : "not suspended";
        } else if (event instanceof DealCancelled) {
            return (goingAhead || deal.status == DealStatus.SUSPENDED) && open ? deal.status(DealStatus.CANCELLED)
                    : "not cancellable";
        } else if (event instanceof DealRevived revived) {
            return deal.status == DealStatus.CANCELLED ? deal.revived(revived.stage())
                    : "not cancelled";
        } else if (event instanceof DealSuperseded) {
            return deal.status != DealStatus.SUPERSEDED && open ? deal.status(DealStatus.SUPERSEDED)
                    : "not supersedable";
        }
        return null;
    }

    /** The stages a contract may follow: a report, a notification or negotiations. */
    private static boolean beforeContract(DealStage stage) {
        return stage == DealStage.REPORTED || stage == DealStage.NOTIFIED || stage == DealStage.NEGOTIATING;
    }

    /** A deal fact in the past tense, as a refusal names the fact a new one conflicts with. */
    private static String happened(DyadEvent event) {
        return "the deal " + (event instanceof NegotiationOpened ? "went into negotiation"
                : event instanceof ContractConcluded ? "was contracted"
                : event instanceof DeliveryRecorded ? "had a delivery"
                : event instanceof DeliveryCompleted ? "was fully delivered"
                : event instanceof DealSuspended ? "was suspended"
                : event instanceof DealResumed ? "was resumed"
                : event instanceof DealCancelled ? "was cancelled"
                : event instanceof DealRevived ? "was revived"
                : "was superseded");
    }

    /** A deal fact as a noun, as a refusal names the new fact. */
    private static String named(DyadEvent event) {
        return event instanceof NegotiationOpened ? "an opening of negotiations"
                : event instanceof ContractConcluded ? "a contract"
                : event instanceof DeliveryRecorded ? "a delivery"
                : event instanceof DeliveryCompleted ? "a completed delivery"
                : event instanceof DealSuspended ? "a suspension"
                : event instanceof DealResumed ? "a resumption"
                : event instanceof DealCancelled ? "a cancellation"
                : event instanceof DealRevived ? "a revival"
                : "a supersession";
    }

    /** The stage and status a replay of the deal's lifecycle carries. */
    private static final class LifecycleState {
        DealStage stage;
        DealStatus status = DealStatus.ACTIVE;

        LifecycleState(DealStage stage) {
            this.stage = stage;
        }

        String stage(DealStage stage) {
            this.stage = stage;
            return null;
        }

        String status(DealStatus status) {
            this.status = status;
            return null;
        }

        String revived(DealStage stage) {
            this.stage = stage;
            return status(DealStatus.ACTIVE);
        }
    }

    private void requireNotRetracted() {
        check(!retracted, "the report that created this deal was retracted");
    }

    /** Transitions of the deal's progress need it to be going ahead (not suspended, cancelled or superseded). */
    private void requireGoingAhead() {
        requireNotRetracted();
        check(status == DealStatus.ACTIVE, "the deal is " + status + "; only a deal going ahead can move on");
    }

    @EventSourcingHandler
    void on(SaleReported event, @MessageIdentifier String eventId) {
        founding = event;
        foundingId = eventId;
        dealId = event.dealId();
        supplier = event.supplier();
        recipient = event.recipient();
        stage = event.stage();
        status = DealStatus.ACTIVE;
        reportedOn = event.reportedOn();
        event.items().forEach(i -> designations.add(i.designation()));
        DealStage founded = event.stage();
        lifecycle = new Lifecycle<>(() -> new LifecycleState(founded), Deal::step, Deal::happened, Deal::named,
                (a, b) -> true, () -> reportedOn, "the deal's first report");
    }

    @EventSourcingHandler
    void on(SaleNotified event, @MessageIdentifier String eventId) {
        foundingId = eventId;
        dealId = event.dealId();
        supplier = event.supplier();
        recipient = event.recipient();
        stage = DealStage.NOTIFIED;
        status = DealStatus.ACTIVE;
        reportedOn = event.notifiedOn();
        event.items().forEach(i -> designations.add(i.designation()));
        lifecycle = new Lifecycle<>(() -> new LifecycleState(DealStage.NOTIFIED), Deal::step, Deal::happened,
                Deal::named, (a, b) -> true, () -> reportedOn, "the deal's notification");
    }

    @EventSourcingHandler
    void on(NegotiationOpened event, @MessageIdentifier String eventId) {
        lifecycle.recorded(eventId, event);
        stage = DealStage.NEGOTIATING;
    }

    @EventSourcingHandler
    void on(ContractConcluded event, @MessageIdentifier String eventId) {
        lifecycle.recorded(eventId, event);
        stage = DealStage.CONTRACTED;
        if (event.items() != null) {
            event.items().stream().map(DealItem::designation).forEach(designations::add);
        }
    }

    @EventSourcingHandler
    void on(DeliveryRecorded event, @MessageIdentifier String eventId) {
        lifecycle.recorded(eventId, event);
        if (fromRegister(event)) {
            registerFacts().deliveryId = eventId;
        }
        stage = DealStage.DELIVERING;
    }

    @EventSourcingHandler
    void on(DeliveryCompleted event, @MessageIdentifier String eventId) {
        lifecycle.recorded(eventId, event);
        if (fromRegister(event)) {
            registerFacts().completionId = eventId;
        }
        stage = DealStage.DELIVERED;
    }

    @EventSourcingHandler
    void on(DealSuspended event, @MessageIdentifier String eventId) {
        lifecycle.recorded(eventId, event);
        status = DealStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(DealResumed event, @MessageIdentifier String eventId) {
        lifecycle.recorded(eventId, event);
        status = DealStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(DealCancelled event, @MessageIdentifier String eventId) {
        lifecycle.recorded(eventId, event);
        if (fromRegister(event)) {
            registerFacts().cancellationId = eventId;
        }
        status = DealStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(DealRevived event, @MessageIdentifier String eventId) {
        lifecycle.recorded(eventId, event);
        status = DealStatus.ACTIVE;
        stage = event.stage();
    }

    @EventSourcingHandler
    void on(DealSuperseded event, @MessageIdentifier String eventId) {
        lifecycle.recorded(eventId, event);
        status = DealStatus.SUPERSEDED;
    }

    @EventSourcingHandler
    void on(RecordCorrected event) {
        lifecycle.corrected(event);
        if (founding != null && event.correctedEventId().equals(foundingId)) {
            founding = CorrectableFields.apply(founding, event.changes());
        }
        if (SaleNotified.class.getSimpleName().equals(event.correctedEventType())
                && event.changes().get("notifiedOn") != null) {
            reportedOn = PartialDate.parse(String.valueOf(event.changes().get("notifiedOn")));
        }
        if (SaleReported.class.getSimpleName().equals(event.correctedEventType())
                && event.changes().get("reportedOn") != null) {
            reportedOn = PartialDate.parse(String.valueOf(event.changes().get("reportedOn")));
        }
    }

    @EventSourcingHandler
    void on(RecordRetracted event) {
        lifecycle.retracted(event.retractedEventId());
        if (register != null) {
            register.deliveryId = event.retractedEventId().equals(register.deliveryId) ? null : register.deliveryId;
            register.completionId = event.retractedEventId().equals(register.completionId) ? null
                    : register.completionId;
            register.cancellationId = event.retractedEventId().equals(register.cancellationId) ? null
                    : register.cancellationId;
        }
        if (SaleReported.class.getSimpleName().equals(event.retractedEventType())
                || SaleNotified.class.getSimpleName().equals(event.retractedEventType())) {
            retracted = true;
        } else if (FrameworkAgreementLinked.class.getSimpleName().equals(event.retractedEventType())) {
            frameworkAgreementId = null;
        }
    }

    @EventSourcingHandler
    void on(FrameworkAgreementLinked event) {
        frameworkAgreementId = event.agreementId();
    }

    @EventSourcingHandler
    void on(RegisterEntryRecorded event) {
        listedBy(event.releaseId(), event.releasedOn());
    }

    @EventSourcingHandler
    void on(RegisterEntryRevised event) {
        listedBy(event.releaseId(), event.releasedOn());
    }

    @EventSourcingHandler
    void on(RegisterEntryRestated event) {
        listedBy(event.releaseId(), event.releasedOn());
    }

    @EventSourcingHandler
    void on(RegisterEntryDropped event) {
        registerFacts().releaseId = event.releaseId();
        register.releasedOn = event.releasedOn();
        register.droppedIn = event.releaseId();
    }

    private void listedBy(String releaseId, PartialDate releasedOn) {
        registerFacts().releaseId = releaseId;
        register.releasedOn = releasedOn;
        register.droppedIn = null;
    }

    /** The source is the register the deal's founding report came from (the same publisher). */
    private boolean sameRegister(Source source) {
        return samePublisher(source) && java.util.Objects.equals(source.title(), foundingSource().title());
    }

    /** The source has the publisher of the deal's founding report. */
    private boolean samePublisher(Source source) {
        Source founded = foundingSource();
        return source != null && founded != null && source.publisher() != null
                && source.publisher().equals(founded.publisher());
    }

    private Source foundingSource() {
        return founding == null || founding.provenance() == null ? null : founding.provenance().source();
    }

    /**
     * A register's entry is recorded after the facts read from it (in one command), so the facts are known to be the
     * register's by their source: the publisher of the deal's founding report, for a deal founded by a register
     * entry, or of the register's releases.
     */
    private boolean fromRegister(DyadEvent event) {
        return event.provenance() != null && samePublisher(event.provenance().source());
    }

    private RegisterEntry registerFacts() {
        if (register == null) {
            register = new RegisterEntry();
        }
        return register;
    }

    DealStage stage() {
        return stage;
    }

    DealStatus status() {
        return status;
    }
}
