package org.dyad.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.dyad.contracts.agreement.command.DiscloseAgreement;
import org.dyad.contracts.agreement.command.EnterIntoForce;
import org.dyad.contracts.agreement.command.ExtendAgreement;
import org.dyad.contracts.agreement.command.NotifyWithdrawal;
import org.dyad.contracts.agreement.command.RecordConsentToBeBound;
import org.dyad.contracts.agreement.command.RecordExpiry;
import org.dyad.contracts.agreement.command.RecordMilestone;
import org.dyad.contracts.agreement.command.RecordSignature;
import org.dyad.contracts.agreement.command.RenounceAgreement;
import org.dyad.contracts.agreement.command.ResumeParticipation;
import org.dyad.contracts.agreement.command.SignAgreement;
import org.dyad.contracts.agreement.command.SuspendParticipation;
import org.dyad.contracts.agreement.command.TerminateAgreement;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

import static org.dyad.ledger.web.CommandRecorder.recorder;

/**
 * Commands on agreements. Every endpoint accepts {@code Idempotency-Key}; changes accept {@code If-Match} with the
 * agreement's version. Errors: 400 malformed, 404 unknown agreement, 409 illegal transition, 412 stale version,
 * 422 rule broken.
 */
@RestController
@RequestMapping(path = "/api/v1/agreements", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Agreements: record", description = "Commands that record facts about agreements")
public class AgreementCommandController {

    private static final String AGREEMENTS = "/api/v1/agreements";
    private final CommandRecorder recorder;
    private final RecordDirectory records;

    AgreementCommandController(CommandRecorder recorder, RecordDirectory records) {
        this.recorder = recorder;
        this.records = records;
    }

    @Operation(summary = "Record that two or more parties signed an agreement (SignAgreement → AgreementSigned)")
    @PostMapping
    public ResponseEntity<RecordedResponse> signAgreement(@Valid @RequestBody SignAgreementRequest body,
                                                          HttpServletRequest request) {
        String id = body.id() != null ? body.id() : UUID.randomUUID().toString();
        if (body.lineage() != null) {
            records.requireExisting("lineage.agreementId", body.lineage().agreementId(), "Agreement");
        }
        return recorder.create(request, body, AGREEMENTS, id, new SignAgreement(id, body.title(), body.kind(),
                body.subjects() == null ? List.of() : body.subjects(), body.parties(),
                body.concerning() == null ? List.of() : body.concerning(), body.signedOn(), body.place(),
                body.binding(), body.secret(), body.lineage(), body.expiresOn(), body.source(), body.grade(),
                recorder(request)));
    }

    @Operation(summary = "Record that a further party signed (RecordSignature → SignatureRecorded)")
    @PostMapping("/{agreementId}/signatures")
    public ResponseEntity<RecordedResponse> recordSignature(@PathVariable String agreementId,
                                                            @Valid @RequestBody PartyActionRequest body,
                                                            HttpServletRequest request) {
        return recorder.change(request, body, AGREEMENTS, agreementId, version -> new RecordSignature(agreementId,
                body.on(), body.party(), body.source(), body.grade(), recorder(request), version));
    }

    @Operation(summary = "Record a party's consent to be bound (RecordConsentToBeBound → ConsentToBeBoundRecorded)")
    @PostMapping("/{agreementId}/consents")
    public ResponseEntity<RecordedResponse> recordConsent(@PathVariable String agreementId,
                                                          @Valid @RequestBody RecordConsentRequest body,
                                                          HttpServletRequest request) {
        return recorder.change(request, body, AGREEMENTS, agreementId, version -> new RecordConsentToBeBound(
                agreementId, body.on(), body.party(), body.means(), body.source(), body.grade(), recorder(request),
                version));
    }

    @Operation(summary = "Record entry into force (EnterIntoForce → AgreementEnteredIntoForce)")
    @PostMapping("/{agreementId}/entry-into-force")
    public ResponseEntity<RecordedResponse> enterIntoForce(@PathVariable String agreementId,
                                                           @Valid @RequestBody EnterIntoForceRequest body,
                                                           HttpServletRequest request) {
        return recorder.change(request, body, AGREEMENTS, agreementId, version -> new EnterIntoForce(agreementId,
                body.on(), body.parties(), body.source(), body.grade(), recorder(request), version));
    }

    @Operation(summary = "Record that a party suspended its participation (SuspendParticipation → ParticipationSuspended)")
    @PostMapping("/{agreementId}/suspensions")
    public ResponseEntity<RecordedResponse> suspendParticipation(@PathVariable String agreementId,
                                                                 @Valid @RequestBody PartyActionRequest body,
                                                                 HttpServletRequest request) {
        return recorder.change(request, body, AGREEMENTS, agreementId, version -> new SuspendParticipation(
                agreementId, body.on(), body.party(), body.reason(), body.source(), body.grade(), recorder(request),
                version));
    }

    @Operation(summary = "Record that a party resumed its participation (ResumeParticipation → ParticipationResumed)")
    @PostMapping("/{agreementId}/resumptions")
    public ResponseEntity<RecordedResponse> resumeParticipation(@PathVariable String agreementId,
                                                                @Valid @RequestBody PartyActionRequest body,
                                                                HttpServletRequest request) {
        return recorder.change(request, body, AGREEMENTS, agreementId, version -> new ResumeParticipation(
                agreementId, body.on(), body.party(), body.source(), body.grade(), recorder(request), version));
    }

    @Operation(summary = "Record a notice of withdrawal and its effective date (NotifyWithdrawal → WithdrawalNotified)")
    @PostMapping("/{agreementId}/withdrawals")
    public ResponseEntity<RecordedResponse> notifyWithdrawal(@PathVariable String agreementId,
                                                             @Valid @RequestBody NotifyWithdrawalRequest body,
                                                             HttpServletRequest request) {
        return recorder.change(request, body, AGREEMENTS, agreementId, version -> new NotifyWithdrawal(agreementId,
                body.party(), body.noticeOn(), body.effectiveOn(), body.source(), body.grade(), recorder(request),
                version));
    }

    @Operation(summary = "Record that a party renounced the agreement (RenounceAgreement → AgreementRenounced)")
    @PostMapping("/{agreementId}/renunciations")
    public ResponseEntity<RecordedResponse> renounceAgreement(@PathVariable String agreementId,
                                                              @Valid @RequestBody PartyActionRequest body,
                                                              HttpServletRequest request) {
        return recorder.change(request, body, AGREEMENTS, agreementId, version -> new RenounceAgreement(agreementId,
                body.on(), body.party(), body.reason(), body.source(), body.grade(), recorder(request), version));
    }

    @Operation(summary = "Record an extension to a new expiry date (ExtendAgreement → AgreementExtended)")
    @PostMapping("/{agreementId}/extensions")
    public ResponseEntity<RecordedResponse> extendAgreement(@PathVariable String agreementId,
                                                            @Valid @RequestBody ExtendAgreementRequest body,
                                                            HttpServletRequest request) {
        return recorder.change(request, body, AGREEMENTS, agreementId, version -> new ExtendAgreement(agreementId,
                body.on(), body.expiresOn(), body.source(), body.grade(), recorder(request), version));
    }

    @Operation(summary = "Record that the agreement expired (RecordExpiry → AgreementExpired)")
    @PostMapping("/{agreementId}/expiry")
    public ResponseEntity<RecordedResponse> recordExpiry(@PathVariable String agreementId,
                                                         @Valid @RequestBody AgreementTransitionRequest body,
                                                         HttpServletRequest request) {
        return recorder.change(request, body, AGREEMENTS, agreementId, version -> new RecordExpiry(agreementId,
                body.on(), body.source(), body.grade(), recorder(request), version));
    }

    @Operation(summary = "Record that the agreement was terminated (TerminateAgreement → AgreementTerminated)")
    @PostMapping("/{agreementId}/termination")
    public ResponseEntity<RecordedResponse> terminateAgreement(@PathVariable String agreementId,
                                                               @Valid @RequestBody AgreementTransitionRequest body,
                                                               HttpServletRequest request) {
        return recorder.change(request, body, AGREEMENTS, agreementId, version -> new TerminateAgreement(agreementId,
                body.on(), body.reason(), body.source(), body.grade(), recorder(request), version));
    }

    @Operation(summary = "Record a milestone: adoption, provisional application, provisions taking effect "
            + "(RecordMilestone → MilestoneRecorded)")
    @PostMapping("/{agreementId}/milestones")
    public ResponseEntity<RecordedResponse> recordMilestone(@PathVariable String agreementId,
                                                            @Valid @RequestBody RecordMilestoneRequest body,
                                                            HttpServletRequest request) {
        return recorder.change(request, body, AGREEMENTS, agreementId, version -> new RecordMilestone(agreementId,
                body.kind(), body.on(), body.party(), body.provisions(), body.note(), body.source(), body.grade(),
                recorder(request), version));
    }

    @Operation(summary = "Record that a secret agreement was disclosed (DiscloseAgreement → AgreementDisclosed)")
    @PostMapping("/{agreementId}/disclosure")
    public ResponseEntity<RecordedResponse> discloseAgreement(@PathVariable String agreementId,
                                                              @Valid @RequestBody AgreementTransitionRequest body,
                                                              HttpServletRequest request) {
        return recorder.change(request, body, AGREEMENTS, agreementId, version -> new DiscloseAgreement(agreementId,
                body.on(), body.source(), body.grade(), recorder(request), version));
    }
}
