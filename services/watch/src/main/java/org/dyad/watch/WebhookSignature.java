package org.dyad.watch;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The signature of a webhook delivery: {@code X-Dyad-Signature: sha256=<hex>}, the HMAC-SHA256 of the request body's
 * bytes under the watchlist's secret. A receiver computes the same over the body it received and compares in
 * constant time.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Dyad-Signature";
    /** When the delivery was sent (RFC 3339), for receivers that refuse old requests. */
    public static final String TIMESTAMP_HEADER = "X-Dyad-Timestamp";
    /** The delivery's id: the same on every attempt of one delivery. */
    public static final String DELIVERY_HEADER = "X-Dyad-Delivery";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** {@code sha256=<hex>} of {@code body} under {@code secret}. */
    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A new secret: 32 random bytes as hex. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
