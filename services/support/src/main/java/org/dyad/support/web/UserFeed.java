package org.dyad.support.web;

/**
 * Pushes an event to one user's open live feeds ({@code GET /api/v1/stream}) and to nobody else's. An event pushed
 * while the user holds no feed is not kept: what it says must also be readable elsewhere (e.g. the alerts list).
 */
public interface UserFeed {

    /**
     * Sends a Server-Sent Event named {@code eventName} with {@code json} as its data to every live feed
     * {@code principal} holds now.
     */
    void push(String principal, String eventName, String json);
}
