package org.dyad.views.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.wire.DyadJson;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * How long a sale has stood notified without going further, as deal lists answer it in {@code notificationAge}:
 * {@code {"days": n}} since a notification dated to the day, {@code {"years": n}} (whole years, counted from the last
 * day the date may denote) since one dated to a month or a year. Counted to the date asked about, or today; it
 * changes every day, so it is computed when a list is read, never stored.
 */
public final class NotificationAge {

    public static final String FIELD = "notificationAge";
    private static final Pattern NOTIFIED = Pattern.compile("\"stage\"\\s*:\\s*\"" + DealStage.NOTIFIED + "\"");

    private NotificationAge() {
    }

    /** The age of a notification dated {@code notifiedOn} on {@code reference}; never negative. */
    public static ObjectNode of(PartialDate notifiedOn, LocalDate reference) {
        ObjectNode age = DyadJson.mapper().createObjectNode();
        if (notifiedOn.day() != null) {
            age.put("days", Math.max(0, ChronoUnit.DAYS.between(notifiedOn.earliest(), reference)));
        } else {
            age.put("years", Math.max(0, ChronoUnit.YEARS.between(notifiedOn.latest(), reference)));
        }
        return age;
    }

    /** Adds the age to a deal's document or summary, in place, if the deal stands notified. */
    public static ObjectNode addTo(ObjectNode deal, LocalDate reference) {
        JsonNode notifiedOn = deal.path("notifiedOn");
        if (DealStage.NOTIFIED.name().equals(deal.path("stage").asText()) && notifiedOn.isTextual()) {
            deal.set(FIELD, of(PartialDate.parse(notifiedOn.asText()), reference));
        }
        return deal;
    }

    /** A deal's summary text with its age added if the deal stands notified; other texts are not parsed. */
    public static String addTo(String deal, LocalDate reference) {
        if (!NOTIFIED.matcher(deal).find()) {
            return deal;
        }
        try {
            return addTo((ObjectNode) DyadJson.mapper().readTree(deal), reference).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored deal summary is not JSON", e);
        }
    }
}
