package org.dyad.views.projection;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.register.RegisterFieldChange;
import org.dyad.contracts.register.RegisterRow;

import java.util.ArrayList;
import java.util.List;

/**
 * A deal's entry in a published register (SIPRI's trade register), folded from its register events: the row as the
 * latest release listing the deal wrote it, whether the latest release still lists it, and what each release that
 * revised it changed. Register events have no valid date: they say what a release states, so the entry is the same
 * on every date asked about and changes only with what Dyad had recorded ({@code knownAt}, {@code asReleased}).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class DealRegister {

    /** The latest release that lists the deal. */
    String releaseId;
    PartialDate releasedOn;
    /** The row's line in the file of that release as imported. */
    int line;
    /** The row as that release wrote it. */
    RegisterRow row;
    /** {@code false} once a release no longer lists the deal. */
    boolean listed = true;
    /** The release that no longer lists the deal, while none lists it again. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    String droppedIn;
    /** Each release that stated the deal differently from the one before, in release order. */
    final List<Revision> revisions = new ArrayList<>();

    DealRegister() {
    }

    /**
     * A release's revision of the entry.
     *
     * @param changes the cells it states differently, before and after
     */
    public record Revision(String releaseId, PartialDate releasedOn, List<RegisterFieldChange> changes) {
    }

    void listedBy(String releaseId, PartialDate releasedOn, int line, RegisterRow row) {
        this.releaseId = releaseId;
        this.releasedOn = releasedOn;
        this.line = line;
        this.row = row;
        this.listed = true;
        this.droppedIn = null;
    }

    void droppedBy(String releaseId) {
        this.listed = false;
        this.droppedIn = releaseId;
    }

    public String releaseId() {
        return releaseId;
    }

    public RegisterRow row() {
        return row;
    }

    public boolean listed() {
        return listed;
    }

    public String droppedIn() {
        return droppedIn;
    }

    public List<Revision> revisions() {
        return revisions;
    }
}
