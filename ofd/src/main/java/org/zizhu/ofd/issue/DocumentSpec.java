package org.zizhu.ofd.issue;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one sealed document says: a title, label/value lines, the issuing body's name as printed,
 * the document's identifier (证照编号), its issue date, a verification address shown as text,
 * and the machine-readable content (UTF-8 JSON) attached under
 * {@link org.zizhu.ofd.VerifiedOfd#DATA_ATTACHMENT} so the seal covers it too.
 *
 * <p>{@code toString} leaves the content out: it is a resident's personal data.
 */
public record DocumentSpec(String title, List<Line> lines, String issuerName, String documentId, LocalDate issueDate,
                           String verificationUrl, byte[] structuredData) {
    public record Line(String label, String value) {
        public Line {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "Line[" + label + "]";
        }
    }

    public DocumentSpec {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(verificationUrl, "verificationUrl");
        lines = List.copyOf(lines);
        structuredData = structuredData.clone();
    }

    @Override
    public byte[] structuredData() {
        return structuredData.clone();
    }

    @Override
    public String toString() {
        return "DocumentSpec[" + title + ", " + lines.size() + " lines]";
    }
}
