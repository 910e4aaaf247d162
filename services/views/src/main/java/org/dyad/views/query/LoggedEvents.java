package org.dyad.views.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.wire.DyadJson;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An event of the views' event log as the timeline and the live feed answer it: what happened to which record, when
 * it was valid and recorded, the client and correlation id of the request that recorded it, and the intake draft
 * it came from (null when written by hand).
 */
public final class LoggedEvents {

    private LoggedEvents() {
    }

    /** The entry of the current row, which has the event log's columns of the same names. */
    public static ObjectNode entry(ResultSet row) throws SQLException {
        ObjectNode entry = DyadJson.mapper().createObjectNode();
        entry.put("eventId", row.getString("event_id"));
        entry.put("type", row.getString("type"));
        entry.put("recordType", row.getString("aggregate_type"));
        entry.put("recordId", row.getString("aggregate_id"));
        entry.put("validOn", row.getString("valid_on"));
        entry.put("recordedAt", row.getTimestamp("recorded_at").toInstant().toString());
        entry.put("client", row.getString("client"));
        entry.put("correlationId", row.getString("correlation_id"));
        entry.put("draftId", row.getString("draft_id"));
        return entry;
    }
}
