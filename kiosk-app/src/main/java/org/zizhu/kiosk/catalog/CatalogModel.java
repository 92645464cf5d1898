package org.zizhu.kiosk.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.LinkedHashSet;
import java.util.List;
import org.zizhu.kiosk.i18n.Text;
import java.util.Set;

/** The catalogue's value types, parsed from the centre's JSON (see the OpenAPI contract). */
public final class CatalogModel {
    private CatalogModel() {
    }

    public enum Audience { PERSON, ENTERPRISE }

    public enum Handling { GUIDE, ONE_CERTIFICATE, IMMEDIATE, SUBMISSION, APPOINTMENT, QUEUE, PAYMENT }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Group(String id, Audience audience, int order, Text name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ItemSummary(String code, Text name, Audience audience, String group, boolean highFrequency,
                              int rank, List<Handling> handling, List<String> keywords, String revision) {
        public ItemSummary {
            handling = handling == null ? List.of() : List.copyOf(handling);
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Index(String version, String generatedAt, List<Group> groups, List<ItemSummary> items) {
        public Index {
            groups = groups == null ? List.of() : List.copyOf(groups);
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimeLimit(int days, Text text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Toggle(boolean supported, Text text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    /** {@code amountFen} is set when the kiosk can collect a fixed fee by QR payment. */
    public record Fee(boolean charged, Text standard, Text basis, Long amountFen) {
    }

    public enum MaterialKind { ORIGINAL, COPY, E_LICENSE, FORM }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Material(Text name, MaterialKind kind, Text sample, Text electronicForm, Text source, int copies,
                           Text format, boolean electronicRequired, String eLicenseType, boolean exemptBySharing,
                           boolean missingAllowed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MissingMaterialAcceptance(boolean allowed, Text text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProcessStep(String id, Text name, Text actor, Text description, List<String> next) {
        public ProcessStep {
            next = next == null ? List.of() : List.copyOf(next);
        }
    }

    /** One item's complete guide: every element of 004 article 9. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ItemDetail(String code, Text name, Text type, Audience audience, Text audienceText, String group,
                             boolean highFrequency, int rank, List<Handling> handling, Text legalBasis,
                             Text implementingBody, Text acceptanceConditions, TimeLimit statutoryTimeLimit,
                             TimeLimit promisedTimeLimit, Text resultName, Text resultSample, Fee fee,
                             List<Material> materials, MissingMaterialAcceptance missingMaterialAcceptance,
                             List<ProcessStep> process, Text channels, Text reviewCriteria, String scope,
                             Text scopeText, Toggle appointment, Toggle onlinePayment, Toggle delivery, Text place,
                             Text hours, Text enquiries, Text complaints, List<String> keywords, String revision,
                             String guideUrl) {
        public ItemDetail {
            handling = handling == null ? List.of() : List.copyOf(handling);
            materials = materials == null ? List.of() : List.copyOf(materials);
            process = process == null ? List.of() : List.copyOf(process);
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }

        /**
         * The e-license types a 一证通办 item fetches with the resident's consent, once each, in
         * the order of its materials; none for other items.
         */
        public List<String> eLicenseTypes() {
            if (!handling.contains(Handling.ONE_CERTIFICATE)) {
                return List.of();
            }
            Set<String> types = new LinkedHashSet<>();
            for (Material m : materials) {
                if (m.eLicenseType() != null && !m.eLicenseType().isBlank()) {
                    types.add(m.eLicenseType());
                }
            }
            return List.copyOf(types);
        }

        /** The fee the kiosk collects by QR payment before performing the item, in fen; 0 when none is collected here. */
        public long amountDueFen() {
            if (!handling.contains(Handling.PAYMENT) || fee == null || !fee.charged() || fee.amountFen() == null) {
                return 0;
            }
            return Math.max(0, fee.amountFen());
        }

        /** The centre issues the result at once (马上办) instead of accepting an application. */
        public boolean issuedImmediately() {
            return handling.contains(Handling.IMMEDIATE);
        }

        /** The promised time limit in days, at least one (a same-day promise is printed as the next day). */
        public int promisedDays() {
            return Math.max(promisedTimeLimit == null ? 0 : promisedTimeLimit.days(), 1);
        }

        /** The materials the office keeps on file (those the resident may leave out are not listed as received). */
        public List<Material> receivedMaterials() {
            return materials.stream().filter(m -> !m.missingAllowed()).toList();
        }
    }
}
