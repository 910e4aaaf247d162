package org.dyad.views.export;

import org.dyad.actors.Actor;
import org.dyad.actors.ActorCodes;
import org.dyad.actors.ActorRegistry;
import org.dyad.sipri.SipriNames;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The columns that name an actor in an export, so that it merges with other datasets: Dyad's code, the common name,
 * SIPRI's name, ISO 3166 alpha-2 and alpha-3, the Correlates of War number and abbreviation and the Gleditsch–Ward
 * number (empty where the actor has none: companies, groups, organisations).
 */
final class ActorColumns {

    private static final List<String> SUFFIXES = List.of("", "_name", "_sipri_name", "_iso2", "_iso3", "_cow_num",
            "_cow_abb", "_gw_num");

    private ActorColumns() {
    }

    /** The columns for one role ({@code supplier}, {@code recipient}), in the order {@link #values} fills them. */
    static List<TidyColumn> of(String role) {
        List<TidyColumn> columns = new ArrayList<>();
        for (String suffix : SUFFIXES) {
            String name = role + suffix;
            columns.add(suffix.endsWith("_num") ? TidyColumn.integer(name) : TidyColumn.text(name));
        }
        return columns;
    }

    static List<Object> values(String code) {
        if (code == null) {
            return Arrays.asList(new Object[SUFFIXES.size()]);
        }
        String name = ActorRegistry.standard().byCode(code).map(Actor::name).orElse(code);
        ActorCodes.Codes codes = ActorCodes.standard().of(code).orElse(null);
        return Arrays.asList(code, name, SipriNames.nameOf(code), codes == null ? null : codes.iso2(),
                codes == null ? null : codes.iso3(), codes == null ? null : codes.cowNumber(),
                codes == null ? null : codes.cowAbbreviation(), codes == null ? null : codes.gwNumber());
    }
}
