package org.dangjian.subscriptions.delivery;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The webhooks' signatures (docs/subscribing.md, "Webhooks"). Each webhook subscription has its own secret, which its
 * department reads once granted ({@code GET /subscriptions/{id}/webhook-secret}); it is derived from the service's
 * webhook key and the subscription's id (HMAC-SHA256), so no secret is stored or published anywhere. The key is {@code
 * dangjian.subscriptions.webhook-key} when set, else one made at random on first use and kept in the service's
 * database ({@code service_keys}).
 *
 * <p>A post carries {@code Dangjian-Signature: t=<unix seconds>,v1=<hex>}, where {@code <hex>} is the lower-case hex
 * HMAC-SHA256, keyed with the secret's UTF-8 bytes, of {@code <t>.<the body's bytes>}.
 */
@Component
public class WebhookSigner {

    public static final String HEADER = "Dangjian-Signature";
    private static final String KEYS = "service_keys";

    private final MongoCollection<Document> keys;
    private final String configuredKey;
    private volatile byte[] key;

    public WebhookSigner(MongoDatabase serviceDatabase, @Value("${dangjian.subscriptions.webhook-key:}") String configuredKey) {
        this.keys = serviceDatabase.getCollection(KEYS);
        this.configuredKey = configuredKey;
    }

    /** The subscription's secret (base64url, no padding: 43 characters). */
    public String secret(String subscriptionId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key(), "webhook-secret:" + subscriptionId));
    }

    /** The signature header's value for this body at this time. */
    public String signature(String subscriptionId, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + sign(secret(subscriptionId), unixSeconds, body);
    }

    /** The hex HMAC-SHA256 of {@code <t>.<body>} keyed with the secret: what a receiver computes to check a post. */
    public static String sign(String secret, long unixSeconds, byte[] body) {
        byte[] prefix = (unixSeconds + ".").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), message));
    }

    private static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known != null) {
            return known;
        }
        if (configuredKey != null && !configuredKey.isBlank()) {
            known = configuredKey.getBytes(StandardCharsets.UTF_8);
        } else {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            keys.updateOne(Filters.eq("_id", "webhook"), Updates.setOnInsert("key", Base64.getEncoder().encodeToString(fresh)),
                    new UpdateOptions().upsert(true));
            known = Base64.getDecoder().decode(keys.find(Filters.eq("_id", "webhook")).first().getString("key"));
        }
        key = known;
        return known;
    }
}
