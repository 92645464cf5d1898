package org.zizhu.device.smartcard.technician;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The issuer public keys this kiosk accepts technician cards from (normally one, two during a
 * key roll-over), plus card serials the centre has revoked. Immutable. Only public keys live
 * on a kiosk: a stolen kiosk cannot mint technician cards.
 */
public final class IssuerTrust {
    private final Map<String, PublicKey> keys;
    private final Set<String> revokedSerials;

    private IssuerTrust(Map<String, PublicKey> keys, Set<String> revokedSerials) {
        this.keys = keys;
        this.revokedSerials = revokedSerials;
    }

    public static IssuerTrust of(PublicKey... issuerKeys) {
        return of(List.of(issuerKeys), Set.of());
    }

    /** {@code revokedSerialsHex}: card serials (16 hex digits) the centre has withdrawn. */
    public static IssuerTrust of(Collection<PublicKey> issuerKeys, Collection<String> revokedSerialsHex) {
        if (issuerKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one issuer key must be trusted");
        }
        Map<String, PublicKey> m = new LinkedHashMap<>();
        for (PublicKey k : issuerKeys) {
            EcKeys.encodePoint(k); // rejects anything but P-256
            m.put(HexFormat.of().formatHex(EcKeys.keyId(k)), k);
        }
        List<String> revoked = new ArrayList<>();
        for (String s : revokedSerialsHex) {
            revoked.add(s.toLowerCase(java.util.Locale.ROOT));
        }
        return new IssuerTrust(Map.copyOf(m), Set.copyOf(revoked));
    }

    /** The trusted key with this key id, if any. */
    public Optional<PublicKey> key(byte[] keyId) {
        return Optional.ofNullable(keys.get(HexFormat.of().formatHex(keyId)));
    }

    public boolean revoked(byte[] cardSerial) {
        return revokedSerials.contains(HexFormat.of().formatHex(cardSerial));
    }

    @Override
    public String toString() {
        return "IssuerTrust[keys=" + keys.keySet() + ", revoked=" + revokedSerials.size() + "]";
    }
}
