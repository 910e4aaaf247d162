package org.dyad.views.projection;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.deal.WeaponCategory;
import org.dyad.contracts.embargo.EmbargoMeasure;
import org.dyad.contracts.embargo.EmbargoStatus;
import org.dyad.views.model.HistoryEntry;

import java.time.LocalDate;
import java.util.List;

/**
 * The read model of an embargo: its document in {@code views.embargo}, folded by {@link EmbargoProjection}. Whether
 * it binds depends on the date asked about alone (its start, a lifting, its set end), so {@link #on(LocalDate)}
 * works its status out for that date, and marks a date inside an imprecise start, lifting or end as uncertain.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class EmbargoView {

    String embargoId;
    String imposedBy;
    List<String> targets;
    PartialDate from;
    PartialDate to;
    List<EmbargoMeasure> measures;
    List<WeaponCategory> categories;
    String scope;
    String legalBasis;
    PartialDate liftedOn;
    String liftReason;
    /** Its status on the date asked about (today for the present). */
    EmbargoStatus status;
    /** The status it may already have on that date, when the date lies inside an imprecise date of the embargo. */
    EmbargoStatus possibly;
    Provenance provenance;
    List<HistoryEntry> history;
    long version;

    EmbargoView() {
    }

    public String embargoId() {
        return embargoId;
    }

    public String imposedBy() {
        return imposedBy;
    }

    public List<String> targets() {
        return targets;
    }

    public PartialDate from() {
        return from;
    }

    public long version() {
        return version;
    }

    /** Sets {@link #status} and {@link #possibly} for the given date; returns this view. */
    public EmbargoView on(LocalDate date) {
        possibly = null;
        if (liftedOn != null && !date.isBefore(liftedOn.earliest())) {
            if (imprecise(liftedOn) && !date.isAfter(liftedOn.latest())) {
                status = EmbargoStatus.IN_FORCE;
                possibly = EmbargoStatus.LIFTED;
            } else {
                status = EmbargoStatus.LIFTED;
            }
            return this;
        }
        if (to != null && !date.isBefore(to.earliest())) {
            if (date.isAfter(to.latest())) {
                status = EmbargoStatus.EXPIRED;
                return this;
            }
            if (imprecise(to)) {
                possibly = EmbargoStatus.EXPIRED;
            }
        }
        if (date.isBefore(from.earliest()) || imprecise(from) && !date.isAfter(from.latest())) {
            status = EmbargoStatus.NOT_YET_IN_FORCE;
            possibly = date.isBefore(from.earliest()) ? null : EmbargoStatus.IN_FORCE;
            return this;
        }
        status = EmbargoStatus.IN_FORCE;
        return this;
    }

    /** A date that names an interval rather than one day: known to the month or year only, or approximate. */
    private static boolean imprecise(PartialDate date) {
        return date.approximate() || !date.earliest().equals(date.latest());
    }
}
