package org.zizhu.kiosk.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.zizhu.forms.DateWindow;
import org.zizhu.forms.FieldSpec;
import org.zizhu.forms.FieldType;
import org.zizhu.kiosk.i18n.Text;

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

    /**
     * One material of an item. {@code missingDueDays}: for a minor material the resident may
     * commit to hand in later (容缺, {@code missingAllowed}), the days after submission it is due;
     * null otherwise.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Material(Text name, MaterialKind kind, Text sample, Text electronicForm, Text source, int copies,
                           Text format, boolean electronicRequired, String eLicenseType, boolean exemptBySharing,
                           boolean missingAllowed, Integer missingDueDays) {
        /** A material without a due-date offset (callers from before 容缺 due dates). */
        public Material(Text name, MaterialKind kind, Text sample, Text electronicForm, Text source, int copies,
                        Text format, boolean electronicRequired, String eLicenseType, boolean exemptBySharing,
                        boolean missingAllowed) {
            this(name, kind, sample, electronicForm, source, copies, format, electronicRequired, eLicenseType,
                    exemptBySharing, missingAllowed, null);
        }
    }

    /** Where a form field's value can be taken from (免填); the resident may still correct it. */
    public enum PrefillSource { NONE, ID_CARD, E_LICENSE, SHARED_DATA }

    /** The fields of the resident ID card a form can be prefilled from, with the field type each fits. */
    public enum IdCardField {
        NAME(FieldType.CHINESE_TEXT), ID_NUMBER(FieldType.ID_NUMBER), ADDRESS(FieldType.ADDRESS), GENDER(FieldType.CHOICE),
        BIRTH_DATE(FieldType.DATE);

        private final FieldType fits;

        IdCardField(FieldType fits) {
            this.fits = fits;
        }

        public FieldType fits() {
            return fits;
        }
    }

    /**
     * A field's prefill source: {@code field} is an {@link IdCardField} name for the ID card, a
     * path into the sealed e-license content (e.g. {@code holder.name}) of {@code licenseType},
     * or a dotted shared-data key; both null for NONE.
     */
    public record Prefill(PrefillSource source, String licenseType, String field) {
        /** The ID-card field, when this prefill reads the card. */
        public Optional<IdCardField> idCardField() {
            if (source != PrefillSource.ID_CARD || field == null) {
                return Optional.empty();
            }
            for (IdCardField f : IdCardField.values()) {
                if (f.name().equals(field)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /** The validation rule beyond the field type's own; absent parts are null. */
    public record FieldValidation(Integer minLength, String pattern, BigDecimal min, BigDecimal max, Integer decimals,
                                  DateWindow when, Integer maxSpanDays) {
    }

    public record FormChoice(String value, Text label) {
    }

    /** One field of an electronic form. {@code choices} is empty except for CHOICE fields. */
    public record FormField(String id, FieldType type, Text label, int maxLength, boolean required, FieldValidation rule,
                            List<FormChoice> choices, Prefill prefill) {
        public FormField {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }

        /**
         * What the shared checks ({@link org.zizhu.forms.FieldCheck}) need. Throws
         * IllegalArgumentException for a definition that cannot be checked (the catalogue
         * parser refuses such forms, so a parsed form never throws here).
         */
        public FieldSpec spec() {
            FieldValidation r = rule == null ? new FieldValidation(null, null, null, null, null, null, null) : rule;
            Set<String> values = new LinkedHashSet<>();
            choices.forEach(c -> values.add(c.value()));
            return new FieldSpec(type, maxLength, required, r.minLength(), r.pattern() == null ? null : Pattern.compile(r.pattern()),
                    r.min(), r.max(), r.decimals(), r.when(), r.maxSpanDays(), values);
        }

        public Optional<FormChoice> choice(String value) {
            return choices.stream().filter(c -> c.value().equals(value)).findFirst();
        }
    }

    /** An item's electronic form (电子表单), in field order. */
    public record FormDefinition(Text title, List<FormField> fields) {
        public FormDefinition {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }

        public Optional<FormField> field(String id) {
            return fields.stream().filter(f -> f.id().equals(id)).findFirst();
        }
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
                             String guideUrl, FormDefinition form, Text notificationCommitment) {
        public ItemDetail {
            handling = handling == null ? List.of() : List.copyOf(handling);
            materials = materials == null ? List.of() : List.copyOf(materials);
            process = process == null ? List.of() : List.copyOf(process);
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }

        /** An item without 告知承诺 (callers from before it). */
        public ItemDetail(String code, Text name, Text type, Audience audience, Text audienceText, String group,
                          boolean highFrequency, int rank, List<Handling> handling, Text legalBasis,
                          Text implementingBody, Text acceptanceConditions, TimeLimit statutoryTimeLimit,
                          TimeLimit promisedTimeLimit, Text resultName, Text resultSample, Fee fee,
                          List<Material> materials, MissingMaterialAcceptance missingMaterialAcceptance,
                          List<ProcessStep> process, Text channels, Text reviewCriteria, String scope,
                          Text scopeText, Toggle appointment, Toggle onlinePayment, Toggle delivery, Text place,
                          Text hours, Text enquiries, Text complaints, List<String> keywords, String revision,
                          String guideUrl, FormDefinition form) {
            this(code, name, type, audience, audienceText, group, highFrequency, rank, handling, legalBasis,
                    implementingBody, acceptanceConditions, statutoryTimeLimit, promisedTimeLimit, resultName,
                    resultSample, fee, materials, missingMaterialAcceptance, process, channels, reviewCriteria, scope,
                    scopeText, appointment, onlinePayment, delivery, place, hours, enquiries, complaints, keywords,
                    revision, guideUrl, form, null);
        }

        /** An item without a form (callers from before electronic forms). */
        public ItemDetail(String code, Text name, Text type, Audience audience, Text audienceText, String group,
                          boolean highFrequency, int rank, List<Handling> handling, Text legalBasis,
                          Text implementingBody, Text acceptanceConditions, TimeLimit statutoryTimeLimit,
                          TimeLimit promisedTimeLimit, Text resultName, Text resultSample, Fee fee,
                          List<Material> materials, MissingMaterialAcceptance missingMaterialAcceptance,
                          List<ProcessStep> process, Text channels, Text reviewCriteria, String scope,
                          Text scopeText, Toggle appointment, Toggle onlinePayment, Toggle delivery, Text place,
                          Text hours, Text enquiries, Text complaints, List<String> keywords, String revision,
                          String guideUrl) {
            this(code, name, type, audience, audienceText, group, highFrequency, rank, handling, legalBasis,
                    implementingBody, acceptanceConditions, statutoryTimeLimit, promisedTimeLimit, resultName,
                    resultSample, fee, materials, missingMaterialAcceptance, process, channels, reviewCriteria, scope,
                    scopeText, appointment, onlinePayment, delivery, place, hours, enquiries, complaints, keywords,
                    revision, guideUrl, null, null);
        }

        /** The item takes an application (申报) with an electronic form: handling SUBMISSION. */
        public boolean takesApplication() {
            return handling.contains(Handling.SUBMISSION);
        }

        /** The result can be posted to the resident (物流快递) instead of collected at the window. */
        public boolean offersPostalDelivery() {
            return delivery != null && delivery.supported();
        }

        /**
         * 告知承诺制: what the applicant commits to in writing (the item's approval conditions and the
         * consequence of a false commitment), signed before submitting; empty for other items.
         */
        public java.util.Optional<Text> conditionsCommitment() {
            return java.util.Optional.ofNullable(notificationCommitment);
        }

        /** The minor materials the resident may commit to hand in later (容缺受理), in catalogue order. */
        public List<Material> committableMaterials() {
            return materials.stream().filter(m -> m.missingAllowed() && m.missingDueDays() != null).toList();
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
