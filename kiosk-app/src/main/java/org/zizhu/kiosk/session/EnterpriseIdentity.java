package org.zizhu.kiosk.session;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The enterprise a verified person acts for (企业一码), as the centre confirmed it: the
 * unified social credit code, the name, the legal form, the person's role, an agent's
 * authorisation end, and the centre's tokens for acting (opaque, never logged). An 个体工商户's
 * name and code point at a person, so the whole value is personal data: held by the
 * {@link Visit}, wiped at its end, and its toString names only role and legal form.
 */
public final class EnterpriseIdentity implements Wipeable {
    public enum Role { LEGAL_REPRESENTATIVE, AGENT }

    private String creditCode;
    private String nameZh;
    private String nameEn;
    private String enterpriseToken;
    private String residentToken;
    private final String legalForm;
    private final String legalFormZh;
    private final Role role;
    private final LocalDate authorisedUntil;
    private final boolean checkCharPassed;
    private final Instant expiresAt;
    private volatile boolean wiped;

    /**
     * @param legalForm the contract's LegalForm (LIMITED_LIABILITY_COMPANY ...), {@code legalFormZh} its Chinese name
     * @param authorisedUntil an agent's last authorised day; null for the legal representative
     * @param checkCharPassed false for an early code whose check character fails (the register still knows it)
     * @param enterpriseToken the centre's X-Enterprise-Token, bound to {@code residentToken}
     */
    public EnterpriseIdentity(String creditCode, String nameZh, String nameEn, String legalForm, String legalFormZh, Role role,
                              LocalDate authorisedUntil, boolean checkCharPassed, String enterpriseToken, String residentToken,
                              Instant expiresAt) {
        this.creditCode = creditCode;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.legalForm = legalForm;
        this.legalFormZh = legalFormZh;
        this.role = role;
        this.authorisedUntil = authorisedUntil;
        this.checkCharPassed = checkCharPassed;
        this.enterpriseToken = enterpriseToken;
        this.residentToken = residentToken;
        this.expiresAt = expiresAt;
    }

    public String creditCode() {
        check();
        return creditCode;
    }

    public String nameZh() {
        check();
        return nameZh;
    }

    public String nameEn() {
        check();
        return nameEn;
    }

    public String enterpriseToken() {
        check();
        return enterpriseToken;
    }

    public String residentToken() {
        check();
        return residentToken;
    }

    public String legalForm() {
        return legalForm;
    }

    public String legalFormZh() {
        return legalFormZh;
    }

    public Role role() {
        return role;
    }

    public LocalDate authorisedUntil() {
        return authorisedUntil;
    }

    public boolean checkCharPassed() {
        return checkCharPassed;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean wiped() {
        return wiped;
    }

    private void check() {
        if (wiped) {
            throw new IllegalStateException("enterprise identity was wiped at the end of the session");
        }
    }

    @Override
    public void wipe() {
        wiped = true;
        creditCode = null;
        nameZh = null;
        nameEn = null;
        enterpriseToken = null;
        residentToken = null;
    }

    @Override
    public String toString() {
        return "EnterpriseIdentity[" + role + ", " + legalForm + (wiped ? ", wiped" : "") + "]";
    }
}
