package org.zizhu.ofd;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A sealed OFD that passed {@link SealedOfdVerifier}: who issued it, under which seal and when,
 * the package itself (for rendering) and the structured data the seal covers.
 *
 * <p>{@code toString} names the issuer only: the document and its data are a resident's
 * personal data and must not reach a log.
 */
public final class VerifiedOfd {
    /**
     * The attachment name (Attachments.xml {@code Attachment@Name}) under which the issuer puts
     * the document's machine-readable content (UTF-8 JSON). The file itself is
     * {@code Doc_0/Attachs/zizhu-data.json}, but the verifier finds it by this name.
     */
    public static final String DATA_ATTACHMENT = "zizhu-data";

    private final String bodyCode;
    private final String bodyName;
    private final String sealName;
    private final Instant signingTime;
    private final String signerFingerprint;
    private final byte[] structuredData;
    private final OfdArchive archive;
    private final int pageCount;

    VerifiedOfd(String bodyCode, String bodyName, String sealName, Instant signingTime, String signerFingerprint,
                byte[] structuredData, OfdArchive archive, int pageCount) {
        this.bodyCode = Objects.requireNonNull(bodyCode);
        this.bodyName = Objects.requireNonNull(bodyName);
        this.sealName = Objects.requireNonNull(sealName);
        this.signingTime = Objects.requireNonNull(signingTime);
        this.signerFingerprint = Objects.requireNonNull(signerFingerprint);
        this.structuredData = structuredData;
        this.archive = Objects.requireNonNull(archive);
        this.pageCount = pageCount;
    }

    /** The issuing body's code, as on the trust list. */
    public String bodyCode() {
        return bodyCode;
    }

    /** The issuing body's name, as on the trust list (not as the document claims). */
    public String bodyName() {
        return bodyName;
    }

    /** The name inside the seal (SES_ESPropertyInfo.name). */
    public String sealName() {
        return sealName;
    }

    /** When the seal was applied (TBS_Sign.timeInfo, covered by the signer's signature). */
    public Instant signingTime() {
        return signingTime;
    }

    /** SHA-256 (lower-case hex) of the signer's certificate. */
    public String signerFingerprint() {
        return signerFingerprint;
    }

    /** A copy of the {@link #DATA_ATTACHMENT} file's bytes, if the document has one. */
    public Optional<byte[]> structuredData() {
        return structuredData == null ? Optional.empty() : Optional.of(structuredData.clone());
    }

    /** The whole package, already read and bounded, for the renderer. */
    public OfdArchive archive() {
        return archive;
    }

    public int pageCount() {
        return pageCount;
    }

    @Override
    public String toString() {
        return "VerifiedOfd[body=" + bodyCode + ", pages=" + pageCount + ", signed=" + signingTime + "]";
    }
}
