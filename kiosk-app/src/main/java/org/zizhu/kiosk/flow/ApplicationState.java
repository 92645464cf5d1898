package org.zizhu.kiosk.flow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zizhu.forms.FieldRule;
import org.zizhu.kiosk.flow.ApplicationPorts.Image;
import org.zizhu.kiosk.flow.ServicePorts.Outcome;
import org.zizhu.kiosk.forms.FormRules.FieldError;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.session.EnterpriseIdentity;
import org.zizhu.kiosk.session.Resident;

/**
 * Where an application (申报) stands; the screens render these records (pattern matching on the
 * sealed set) and fire {@link ApplicationEvent}s. Material resolutions are indexed like the
 * item's {@code materials()}. Values are immutable; the images inside are wiped with the visit.
 */
public sealed interface ApplicationState {
    /** Waiting for an ID card or a login code; {@code messageKey} says what the resident should do. */
    record AwaitingCard(String messageKey) implements ApplicationState {
    }

    /**
     * Asking the resident to authorise fetching these e-licenses (they may decline and capture pages
     * instead); for an enterprise ({@code enterprise} set, {@code person} the verified card holder)
     * the enterprise's licenses and the acting person's ID card.
     */
    record Consent(Resident resident, List<String> licenseTypes, ServicePorts.VerifiedPerson person,
                   EnterpriseIdentity enterprise) implements ApplicationState {
        public Consent {
            licenseTypes = List.copyOf(licenseTypes);
        }

        /** For the resident themself. */
        public Consent(Resident resident, List<String> licenseTypes) {
            this(resident, licenseTypes, null, null);
        }
    }

    /** An enterprise's application: the centre checks the card holder's face (or the app's word) first. */
    record VerifyingPerson(Resident resident) implements ApplicationState {
    }

    /**
     * Choosing the enterprise the person applies for (企业一码), as in the transaction: its
     * electronic business license QR code or its credit code typed. {@code messageKey} the prompt,
     * a warning or why the last choice was refused ({@code message}: the centre's words);
     * {@code unconfirmedCode} a typed code whose check character fails, sent once confirmed.
     */
    record ChoosingEnterprise(Resident resident, ServicePorts.VerifiedPerson person, String messageKey, Text message,
                              String unconfirmedCode) implements ApplicationState {
    }

    /** The centre is checking the person's authority for the enterprise. */
    record IdentifyingEnterprise(Resident resident, ServicePorts.VerifiedPerson person) implements ApplicationState {
    }

    /** The centre verifies the resident and the e-licenses are fetched (for {@code enterprise} when set). */
    record Preparing(Resident resident, boolean consented, EnterpriseIdentity enterprise) implements ApplicationState {
        public Preparing(Resident resident, boolean consented) {
            this(resident, consented, null);
        }
    }

    /**
     * The electronic form: {@code application.values()} start prefilled (免填); {@code errors} the
     * blocking rule per field (key: field id), {@code warnings} what may be submitted anyway.
     */
    record FillingForm(Resident resident, Application application, Map<String, FieldRule> errors,
                       List<FieldError> warnings) implements ApplicationState {
        public FillingForm {
            errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
            warnings = List.copyOf(warnings);
        }
    }

    /** Each material resolved; {@code messageKey}/{@code message} say what is still wrong (null: nothing). */
    record Materials(Resident resident, Application application, String messageKey, Text message)
            implements ApplicationState {
    }

    /** The document camera is taking a page for material {@code material} ({@code replaceAt} -1: a new page). */
    record Capturing(Resident resident, Application application, int material, int replaceAt) implements ApplicationState {
    }

    /**
     * 亮证 for material {@code material} (an e-license not fetched under consent): the camera looks
     * for the e-license code the government app shows until {@code deadline}, then the materials
     * come back; {@code checking} once a code was read and the centre resolves it.
     */
    record ShowingLicense(Resident resident, Application application, int material, Instant deadline, boolean checking)
            implements ApplicationState {
    }

    /** Window pickup or postal delivery (shown only when the item offers it). */
    record ChoosingDelivery(Resident resident, Application application, String messageKey) implements ApplicationState {
    }

    /**
     * 告知承诺制: the item's conditions are shown and the resident signs that they meet them (after
     * the materials, before delivery); {@code messageKey} what is still wrong (null: nothing). The
     * application holds no signed conditions in this state (a step back or again wipes the old one).
     */
    record AcceptingConditions(Resident resident, Application application, String messageKey) implements ApplicationState {
    }

    /** Everything in place: the resident confirms the submission. */
    record Confirming(Resident resident, Application application) implements ApplicationState {
    }

    /** Going to the centre (or to the outbox) once. */
    record Submitting(Resident resident, Application application) implements ApplicationState {
    }

    /**
     * The acceptance receipt is being printed, then the signed 承诺书 of each owed material and the
     * signed 告知承诺书 ({@code conditionsSignature}, null when the item has none): their signatures still held.
     */
    record Printing(Resident resident, Outcome outcome, List<Received> received, List<Owed> owed, Image conditionsSignature)
            implements ApplicationState {
        public Printing {
            received = List.copyOf(received);
            owed = List.copyOf(owed);
        }

        public Printing(Resident resident, Outcome outcome, List<Received> received, List<Owed> owed) {
            this(resident, outcome, received, owed, null);
        }
    }

    /**
     * Accepted: {@code outcome.reference()} is the case number (or the outbox reference when
     * queued); {@code received} how each material was provided, {@code owed} the 容缺 materials with
     * due dates (their signatures wiped once the letters printed); {@code printProblem} non-null when
     * the receipt or a letter could not be printed (the resident may retry the print; the signatures
     * are kept for it, also the 告知承诺书's {@code conditionsSignature}).
     */
    record Done(Resident resident, Outcome outcome, List<Received> received, List<Owed> owed, Text printProblem,
                Image conditionsSignature) implements ApplicationState {
        public Done {
            received = List.copyOf(received);
            owed = List.copyOf(owed);
        }

        public Done(Resident resident, Outcome outcome, List<Received> received, List<Owed> owed, Text printProblem) {
            this(resident, outcome, received, owed, printProblem, null);
        }
    }

    /**
     * Not accepted: {@code message} the centre's (or the kiosk's) reason, {@code code} the centre's
     * machine code (null when the centre was not reached), {@code fieldErrors} the form fields it
     * named (the resident may go back to the form), {@code canRetry} when trying again may help
     * (the same idempotency key: one case at most).
     */
    record Failed(Resident resident, Application application, String code, Text message, List<FieldError> fieldErrors,
                  boolean canRetry) implements ApplicationState {
        public Failed {
            fieldErrors = List.copyOf(fieldErrors);
        }
    }

    /** The resident left (or the visit ended): nothing personal is left in the flow. */
    record Ended() implements ApplicationState {
    }

    /** How a material reached the office (printed on the receipt; nothing personal). */
    enum Provided { E_LICENSE, SHARED_DATA, CAPTURED_PAGES, ELECTRONIC_FORM }

    /** A material the office received with the application, and how. */
    record Received(String name, Provided how) {
    }

    /**
     * A 容缺 material still owed, by when, and the resident's signature on the commitment: the
     * signed 承诺书 is printed from it after the acceptance receipt, then it is wiped (the image
     * is the visit's, wiped at its end in any case).
     */
    record Owed(String name, LocalDate dueDate, Image signature) {
        /** Without a signature (a letter printed from it is signed on paper). */
        public Owed(String name, LocalDate dueDate) {
            this(name, dueDate, null);
        }
    }

    /** How one material is provided. */
    sealed interface Resolution {
    }

    /** Not yet provided. */
    record Unresolved() implements Resolution {
    }

    /** The electronic form stands in for the paper form (电子表单替代纸质表格): nothing to submit. */
    record ByForm() implements Resolution {
    }

    /** An e-license fetched with consent, or shown from the government app (亮证): 免提交. */
    record FromLicense(String licenseId) implements Resolution {
    }

    /** Shared data between departments: 免提交. */
    record Shared() implements Resolution {
    }

    /** Pages from the document camera (corrected JPEGs), in order. */
    record Pages(List<Image> pages) implements Resolution {
        public Pages {
            pages = List.copyOf(pages);
        }
    }

    /** 容缺: the resident signed the commitment to hand it in by {@code dueDate}; the signature is a PNG. */
    record Committed(LocalDate dueDate, Instant signedAt, Image signature) implements Resolution {
    }

    /**
     * 告知承诺制: the resident signed, at {@code signedAt}, that they meet the item's conditions; the
     * signature is a PNG, sent with the application and printed on the 告知承诺书, then wiped.
     */
    record SignedConditions(Instant signedAt, Image signature) {
    }

    /** Window pickup ({@link #WINDOW}) or postal delivery (物流快递) to an address with a mobile number. */
    record DeliveryChoice(boolean post, String regionCode, String region, String detail, String recipient, String mobile) {
        public static final DeliveryChoice WINDOW = new DeliveryChoice(false, null, null, null, null, null);

        @Override
        public String toString() {
            return post ? "DeliveryChoice[POST " + regionCode + "]" : "DeliveryChoice[WINDOW]";
        }
    }

    /**
     * The application being put together: form values (field id to value), one resolution per
     * material of the item, the delivery (null until chosen), the consent's authorisation, the
     * signed 告知承诺 conditions (null until signed, and for items without them), the enterprise
     * applied for as the centre confirmed it (null: the resident's own application; held by the visit).
     */
    record Application(Map<String, String> values, List<Resolution> materials, DeliveryChoice delivery,
                       String authorisationId, SignedConditions conditions, EnterpriseIdentity enterprise) {
        public Application {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            materials = List.copyOf(materials);
        }

        /** The resident's own application. */
        public Application(Map<String, String> values, List<Resolution> materials, DeliveryChoice delivery,
                           String authorisationId, SignedConditions conditions) {
            this(values, materials, delivery, authorisationId, conditions, null);
        }

        /** Not (yet) signed to any conditions. */
        public Application(Map<String, String> values, List<Resolution> materials, DeliveryChoice delivery,
                           String authorisationId) {
            this(values, materials, delivery, authorisationId, null);
        }

        Application withValue(String field, String value) {
            Map<String, String> v = new LinkedHashMap<>(values);
            if (value == null || value.isBlank()) {
                v.remove(field);
            } else {
                v.put(field, value.strip());
            }
            return new Application(v, materials, delivery, authorisationId, conditions, enterprise);
        }

        Application withMaterial(int index, Resolution r) {
            List<Resolution> m = new ArrayList<>(materials);
            m.set(index, r);
            return new Application(values, m, delivery, authorisationId, conditions, enterprise);
        }

        Application withDelivery(DeliveryChoice d) {
            return new Application(values, materials, d, authorisationId, conditions, enterprise);
        }

        Application withConditions(SignedConditions c) {
            return new Application(values, materials, delivery, authorisationId, c, enterprise);
        }

        /** Every image in it (pages, signatures). */
        List<Image> images() {
            List<Image> out = new ArrayList<>();
            for (Resolution r : materials) {
                if (r instanceof Pages p) {
                    out.addAll(p.pages());
                } else if (r instanceof Committed c) {
                    out.add(c.signature());
                }
            }
            if (conditions != null) {
                out.add(conditions.signature());
            }
            return out;
        }

        @Override
        public String toString() {
            return "Application[" + values.size() + " values, " + materials.size() + " materials]"; // no personal data
        }
    }
}
