package org.zizhu.kiosk.flow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.zizhu.forms.FieldRule;
import org.zizhu.forms.FieldType;
import org.zizhu.ids.IdChecks;
import org.zizhu.kiosk.catalog.CatalogModel;
import org.zizhu.kiosk.catalog.CatalogModel.FormField;
import org.zizhu.kiosk.catalog.CatalogModel.IdCardField;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.catalog.CatalogModel.Material;
import org.zizhu.kiosk.catalog.CatalogModel.MaterialKind;
import org.zizhu.kiosk.flow.ApplicationEffect.Hold;
import org.zizhu.kiosk.flow.ApplicationEffect.Log;
import org.zizhu.kiosk.flow.ApplicationEffect.Wipe;
import org.zizhu.kiosk.flow.ApplicationEvent.*;
import org.zizhu.kiosk.flow.ApplicationPorts.Accepted;
import org.zizhu.kiosk.flow.ApplicationPorts.Image;
import org.zizhu.kiosk.flow.ApplicationPorts.License;
import org.zizhu.kiosk.flow.ApplicationPorts.Prepared;
import org.zizhu.kiosk.flow.ApplicationPorts.Refused;
import org.zizhu.kiosk.flow.ApplicationState.*;
import org.zizhu.kiosk.forms.FormPrefill;
import org.zizhu.kiosk.forms.FormRules;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.session.EnterpriseIdentity;
import org.zizhu.kiosk.session.Resident;

/**
 * The application (申报) as one pure transition function: identify, consent to the e-license
 * fetch, fill the electronic form (prefilled, checked field by field and as a whole), resolve
 * every material (e-license or shared data 免提交, pages from the document camera, 容缺 with a
 * signed commitment where the item allows it), sign the item's conditions where it is decided
 * under 告知承诺制, choose the delivery (post only where offered),
 * confirm, submit once, print the receipt.
 */
final class ApplicationSteps {
    private ApplicationSteps() {
    }

    /** Largest signature image taken (the contract's bound). */
    static final int MAX_SIGNATURE_BYTES = 64 * 1024;
    /** How long the camera looks for an e-license code shown from the government app (亮证) before the materials come back. */
    static final java.time.Duration SHOW_LICENSE_LIMIT = java.time.Duration.ofSeconds(60);
    /** Pages per material (the contract's bound). */
    static final int MAX_PAGES = 8;

    static final ApplicationState INITIAL = new AwaitingCard("service.insertCard");

    /** What a transition may look at besides the state and the event, read once per event. */
    record Facts(ItemDetail item, LocalDate today, Instant now, boolean visitEnded, Messages messages) {
        Text text(String key, Object... args) {
            return Text.of(messages, key, args);
        }
    }

    /** The next state and what to do; {@link #IGNORED} when the event does not fit. */
    record Next(ApplicationState state, List<ApplicationEffect> effects) {
        static final Next IGNORED = new Next(null, List.of());

        Next {
            effects = List.copyOf(effects);
        }

        static Next to(ApplicationState s, ApplicationEffect... e) {
            return new Next(s, List.of(e));
        }

        boolean ignored() {
            return state == null;
        }
    }

    private static Next to(ApplicationState s, ApplicationEffect... e) {
        return Next.to(s, e);
    }

    /** The e-license types the item's materials can be taken from, once each, in material order. */
    static List<String> licenseTypes(ItemDetail item, Resident.Source source) {
        List<String> types = licenseTypes(item);
        if (source == Resident.Source.MOBILE_APP && !types.contains(ID_CARD_LICENSE)) {
            // An application names its applicant by ID number, which a mobile-app login does not
            // carry: the resident's own ID-card e-license (asked for with the rest) supplies it.
            List<String> withCard = new java.util.ArrayList<>(types);
            withCard.add(ID_CARD_LICENSE);
            return List.copyOf(withCard);
        }
        return types;
    }

    /**
     * Whether the application is made for an existing enterprise, which the person then chooses
     * (企业一码): an item for enterprises whose form names the applying enterprise by its credit
     * code ({@code creditCode}) or that takes its business license. An item that creates the
     * enterprise (设立登记) has neither: the person applies as themself, as before.
     */
    static boolean forEnterprise(ItemDetail item) {
        if (item.audience() != CatalogModel.Audience.ENTERPRISE) {
            return false;
        }
        boolean namesItsCode = item.form() != null && item.form().field(FormPrefill.ENTERPRISE_CODE_FIELD)
                .filter(x -> x.type() == FieldType.USCC).isPresent();
        return namesItsCode || item.materials().stream().anyMatch(m -> BUSINESS_LICENSE.equals(m.eLicenseType()));
    }

    /** The business license's e-license type: only an enterprise that exists holds one. */
    static final String BUSINESS_LICENSE = "BUSINESS_LICENSE";

    /** The resident ID card's e-license type in the catalogue and at the centre. */
    static final String ID_CARD_LICENSE = "ID_CARD";

    static List<String> licenseTypes(ItemDetail item) {
        Set<String> t = new LinkedHashSet<>();
        for (Material m : item.materials()) {
            if (m.eLicenseType() != null && !m.eLicenseType().isBlank()) {
                t.add(m.eLicenseType());
            }
        }
        return List.copyOf(t);
    }

    static Next next(ApplicationState state, ApplicationEvent event, Facts f) {
        if (event instanceof Cancel && (state instanceof Submitting || state instanceof Printing)) {
            return Next.IGNORED; // the submission is under way: it finishes (and prints) first
        }
        if (event instanceof Cancel || event instanceof VisitEnded) {
            return state instanceof Ended ? Next.IGNORED : end(state, event instanceof Cancel ? "cancelled" : "visit-ended");
        }
        return switch (state) {
            case AwaitingCard s -> identify(event, f);
            case Consent s -> event instanceof ConsentGiven c
                    ? to(new Preparing(s.resident(), c.agreed(), s.enterprise()),
                    new Log(true, c.agreed() ? "consented" : "declined", null),
                    new ApplicationEffect.Prepare(s.resident(), s.licenseTypes(), c.agreed(), s.person(), s.enterprise()))
                    : Next.IGNORED;
            case VerifyingPerson s -> switch (event) {
                case PersonVerified v when f.visitEnded() -> to(s, new Wipe(v.person()));
                case PersonVerified v -> to(new ChoosingEnterprise(s.resident(), v.person(), "enterprise.choose", null, null),
                        new Hold(v.person()), new Log(true, "person-verified", null));
                case WorkFailed w -> failed(s.resident(), null, w, f);
                default -> Next.IGNORED;
            };
            case ChoosingEnterprise s -> choosing(s, event);
            case IdentifyingEnterprise s -> switch (event) {
                case EnterpriseIdentified e when f.visitEnded() -> to(s, new Wipe(e.enterprise()));
                case EnterpriseIdentified e -> {
                    EnterpriseIdentity en = e.enterprise();
                    List<String> types = licenseTypes(f.item(), s.resident().source());
                    if (!types.isEmpty()) {
                        yield to(new Consent(s.resident(), types, s.person(), en), new Hold(en),
                                new Log(true, "enterprise-identified", null));
                    }
                    yield to(new Preparing(s.resident(), false, en), new Hold(en), new Log(true, "enterprise-identified", null),
                            new ApplicationEffect.Prepare(s.resident(), types, false, s.person(), en));
                }
                // Refused (no authority, expired, unknown, deregistered, a bad QR code): say why, let them choose again.
                case EnterpriseRefused r -> to(new ChoosingEnterprise(s.resident(), s.person(),
                        r.reason() == null ? "enterprise.notIdentified" : "enterprise.refused", r.message(), null),
                        new Log(false, "enterprise-refused", r.retryable()));
                default -> Next.IGNORED;
            };
            case Preparing s -> switch (event) {
                case PreparedAnswer p -> prepared(s.resident(), p.prepared(), s.enterprise(), f);
                case WorkFailed w -> failed(s.resident(), null, w, f);
                default -> Next.IGNORED;
            };
            case FillingForm s -> form(s, event, f);
            case Materials s -> materials(s.resident(), s.application(), event, f);
            case Capturing s -> switch (event) {
                case PageCaptured p when p.material() == s.material() -> {
                    List<Image> pages = new ArrayList<>(s.application().materials().get(s.material()) instanceof Pages old
                            ? old.pages() : List.of());
                    List<ApplicationEffect> effects = new ArrayList<>();
                    effects.add(new Hold(p.page()));
                    if (s.application().materials().get(s.material()) instanceof Committed c) {
                        effects.add(new Wipe(c.signature())); // pages instead of the commitment: its signature goes
                    }
                    if (p.replaceAt() >= 0 && p.replaceAt() < pages.size()) {
                        effects.add(new Wipe(pages.set(p.replaceAt(), p.page())));
                    } else {
                        pages.add(p.page());
                    }
                    effects.add(new Log(true, "page-captured", null));
                    yield new Next(new Materials(s.resident(), s.application().withMaterial(s.material(), new Pages(pages)),
                            null, null), effects);
                }
                case CaptureFailed c -> to(new Materials(s.resident(), s.application(), null, c.message()),
                        new Log(false, "page-capture", true));
                default -> Next.IGNORED;
            };
            case ShowingLicense s -> showing(s, event, f);
            case AcceptingConditions s -> conditions(s, event, f);
            case ChoosingDelivery s -> delivery(s, event, f);
            case Confirming s -> switch (event) {
                case ConfirmSubmit c -> to(new Submitting(s.resident(), s.application()),
                        new ApplicationEffect.Submit(s.resident(), s.application()));
                case Back b when f.item().offersPostalDelivery() -> to(new ChoosingDelivery(s.resident(), s.application(), null));
                case Back b -> beforeDelivery(s.resident(), s.application(), f);
                default -> Next.IGNORED;
            };
            case Submitting s -> switch (event) {
                case SubmitAnswered a when a.result() instanceof Accepted ok -> {
                    List<Owed> owed = owed(f.item(), s.application());
                    List<Received> received = received(f.item(), s.application());
                    List<ApplicationEffect> effects = new ArrayList<>();
                    effects.add(new Hold(ok.outcome()));
                    effects.add(new Log(true, "application-accepted", null));
                    // Submitted (or durably queued): the pages are no longer needed here. The commitment
                    // signatures are, until the signed 承诺书 has been printed with the receipt.
                    s.application().materials().stream().filter(m -> m instanceof Pages)
                            .forEach(m -> ((Pages) m).pages().forEach(i -> effects.add(new Wipe(i))));
                    // The 告知承诺 signature likewise stays until its 告知承诺书 is printed.
                    Image conditions = s.application().conditions() == null ? null : s.application().conditions().signature();
                    effects.add(new ApplicationEffect.PrintReceipt(s.resident(), ok.outcome(), received, owed, conditions));
                    yield new Next(new Printing(s.resident(), ok.outcome(), received, owed, conditions), effects);
                }
                case SubmitAnswered a when a.result() instanceof Refused r ->
                        to(new Failed(s.resident(), s.application(), r.code(), r.message(), r.fieldErrors(), false),
                                new Log(false, "application-refused", false));
                case WorkFailed w -> failed(s.resident(), s.application(), w, f);
                default -> Next.IGNORED;
            };
            case Printing s -> switch (event) {
                case Printed p -> {
                    // The receipt and the signed letters are out: the signatures are wiped now, not at the visit's end.
                    List<ApplicationEffect> effects = new ArrayList<>(signatureWipes(s.owed(), s.conditionsSignature()));
                    effects.add(new Log(true, "done", null));
                    yield new Next(new Done(s.resident(), s.outcome(), s.received(), s.owed(), null, s.conditionsSignature()), effects);
                }
                case WorkFailed w -> to(new Done(s.resident(), s.outcome(), s.received(), s.owed(), w.message(), s.conditionsSignature()),
                        new Log(false, "print", w.retryable()));
                default -> Next.IGNORED;
            };
            case Done s -> event instanceof Retry && s.printProblem() != null && !f.visitEnded()
                    ? to(new Printing(s.resident(), s.outcome(), s.received(), s.owed(), s.conditionsSignature()),
                    new ApplicationEffect.PrintReceipt(s.resident(), s.outcome(), s.received(), s.owed(), s.conditionsSignature()))
                    : Next.IGNORED;
            case Failed s -> switch (event) {
                case Retry r when s.canRetry() && s.application() != null && !f.visitEnded() ->
                        to(new Submitting(s.resident(), s.application()), new ApplicationEffect.Submit(s.resident(), s.application()));
                case FixForm x when s.application() != null && !s.fieldErrors().isEmpty() -> {
                    Map<String, FieldRule> errors = new LinkedHashMap<>();
                    s.fieldErrors().forEach(e -> errors.putIfAbsent(e.fieldId(), e.rule()));
                    yield to(new FillingForm(s.resident(), s.application(), errors, List.of()));
                }
                default -> Next.IGNORED;
            };
            case Ended s -> Next.IGNORED;
        };
    }

    private static Next identify(ApplicationEvent event, Facts f) {
        return switch (event) {
            case Identified i when f.visitEnded() -> Next.IGNORED;
            case Identified i -> {
                Resident r = i.resident();
                String problem = SharedSteps.cardProblem(r, i.validFrom(), f.today());
                if (problem != null) {
                    yield to(new AwaitingCard(problem), new Hold(r));
                }
                String how = r.source() == Resident.Source.MOBILE_APP ? "qr-login-seen" : "identified";
                if (forEnterprise(f.item())) {
                    // For an enterprise: the person is verified first, then chooses the enterprise (as the transaction does).
                    yield to(new VerifyingPerson(r), new Hold(r), new Log(true, how, null), new ApplicationEffect.VerifyPerson(r));
                }
                List<String> types = licenseTypes(f.item(), r.source());
                if (!types.isEmpty()) {
                    yield to(new Consent(r, types), new Hold(r), new Log(true, how, null));
                }
                yield to(new Preparing(r, false), new Hold(r), new Log(true, how, null),
                        new ApplicationEffect.Prepare(r, types, false));
            }
            case CardReadFailed c -> to(new AwaitingCard("service.cardReadFailed"));
            default -> Next.IGNORED;
        };
    }

    /**
     * The enterprise step, as in the transaction: a scanned QR code goes to the centre as it is; a
     * typed code is checked here first: malformed stays with a message, a failing check character
     * warns and is sent only once the resident confirms it (early codes fail it; the centre decides).
     */
    private static Next choosing(ChoosingEnterprise s, ApplicationEvent event) {
        return switch (event) {
            case EnterpriseQrScanned q -> identifying(s, new EnterpriseChoice.Scanned(q.payload()));
            case EnterpriseCodeTyped t -> {
                String code = EnterpriseChoice.normalise(t.code());
                yield switch (EnterpriseChoice.check(code)) {
                    case VALID -> identifying(s, new EnterpriseChoice.Typed(code));
                    case CHECK_CHAR_FAILS -> to(new ChoosingEnterprise(s.resident(), s.person(), "enterprise.checkCharWarning",
                            null, code), new Log(false, "enterprise-code-check-char", null));
                    case MALFORMED -> to(new ChoosingEnterprise(s.resident(), s.person(), "enterprise.codeMalformed", null, null));
                };
            }
            case EnterpriseCodeConfirmed c when s.unconfirmedCode() != null ->
                    identifying(s, new EnterpriseChoice.Typed(s.unconfirmedCode()));
            default -> Next.IGNORED;
        };
    }

    private static Next identifying(ChoosingEnterprise s, EnterpriseChoice choice) {
        return to(new IdentifyingEnterprise(s.resident(), s.person()), new ApplicationEffect.IdentifyEnterprise(s.person(), choice));
    }

    /** The form starts prefilled (免填) from the card and the fetched e-licenses; materials resolved where they can be. */
    private static Next prepared(Resident r, Prepared p, EnterpriseIdentity enterprise, Facts f) {
        ItemDetail item = f.item();
        Map<IdCardField, String> card = new LinkedHashMap<>();
        // The identity as the centre verified it (a mobile-app login has no card data of its own).
        Resident applicant = p.applicant();
        put(card, IdCardField.NAME, applicant.name());
        put(card, IdCardField.ID_NUMBER, applicant.idNumber());
        put(card, IdCardField.ADDRESS, applicant.address()); // read from the card; a mobile-app login has none
        Map<String, com.fasterxml.jackson.databind.JsonNode> licenses = new LinkedHashMap<>();
        for (License l : p.licenses()) {
            licenses.putIfAbsent(l.type(), l.content());
        }
        Map<String, String> values = item.form() == null ? Map.of() : FormPrefill.values(item.form(), card, licenses, Map.of());
        if (enterprise != null && item.form() != null) {
            // The enterprise's own name and code as the centre confirmed them (免填 for the enterprise's fields).
            Map<String, String> withEnterprise = new LinkedHashMap<>(
                    FormPrefill.enterpriseValues(item.form(), enterprise.creditCode(), enterprise.nameZh()));
            withEnterprise.putAll(values);
            values = withEnterprise;
        }
        List<Resolution> materials = new ArrayList<>();
        for (Material m : item.materials()) {
            Optional<License> lic = p.licenses().stream().filter(l -> l.type().equals(m.eLicenseType())).findFirst();
            if (m.kind() == MaterialKind.FORM) {
                materials.add(new ByForm());
            } else if (lic.isPresent()) {
                materials.add(new FromLicense(lic.get().licenseId()));
            } else if (m.exemptBySharing()) {
                materials.add(new Shared());
            } else {
                materials.add(new Unresolved());
            }
        }
        Application app = new Application(values, materials, null, p.authorisationId(), null, enterprise);
        return to(new FillingForm(applicant, app, Map.of(), List.of()), new Hold(p), new Log(true, "prepared", null));
    }

    private static void put(Map<IdCardField, String> card, IdCardField k, String v) {
        if (v != null && !v.isBlank()) {
            card.put(k, v);
        }
    }

    private static Next form(FillingForm s, ApplicationEvent event, Facts f) {
        ItemDetail item = f.item();
        return switch (event) {
            case EditField e -> {
                Optional<FormField> field = item.form() == null ? Optional.empty() : item.form().field(e.fieldId());
                if (field.isEmpty()) {
                    yield Next.IGNORED; // a screen bug, not the resident's: nothing to say
                }
                Application app = s.application().withValue(e.fieldId(), e.value());
                Map<String, FieldRule> errors = new LinkedHashMap<>(s.errors());
                errors.remove(e.fieldId());
                FormRules.checkField(field.get(), app.values().get(e.fieldId()), f.today())
                        .filter(FieldRule::blocking).ifPresent(rule -> errors.put(e.fieldId(), rule));
                yield to(new FillingForm(s.resident(), app, errors, s.warnings()));
            }
            case SubmitForm x -> {
                if (item.form() == null) {
                    yield to(new Materials(s.resident(), s.application(), null, null));
                }
                FormRules.Result result = FormRules.check(item.form(), s.application().values(), f.today());
                if (!result.acceptable()) {
                    Map<String, FieldRule> errors = new LinkedHashMap<>();
                    result.errors().forEach(e -> errors.putIfAbsent(e.fieldId(), e.rule()));
                    yield to(new FillingForm(s.resident(), s.application(), errors, result.warnings()),
                            new Log(false, "form-invalid", true));
                }
                yield to(new Materials(s.resident(), s.application(), null, null), new Log(true, "form-complete", null));
            }
            default -> Next.IGNORED;
        };
    }

    private static Next materials(Resident r, Application app, ApplicationEvent event, Facts f) {
        List<Material> ms = f.item().materials();
        return switch (event) {
            case CapturePage c when capturable(ms, app, c.material()) && pages(app, c.material()).size() < MAX_PAGES ->
                    to(new Capturing(r, app, c.material(), -1), new ApplicationEffect.CapturePage(c.material(), -1));
            case CapturePage c when capturable(ms, app, c.material()) -> to(new Materials(r, app, "application.tooManyPages", null));
            case RetakePage p when capturable(ms, app, p.material()) && p.page() >= 0 && p.page() < pages(app, p.material()).size() ->
                    to(new Capturing(r, app, p.material(), p.page()), new ApplicationEffect.CapturePage(p.material(), p.page()));
            case DeletePage p when p.material() >= 0 && p.material() < ms.size() && p.page() >= 0
                    && p.page() < pages(app, p.material()).size() -> {
                List<Image> pages = new ArrayList<>(pages(app, p.material()));
                Image gone = pages.remove(p.page());
                Resolution now = pages.isEmpty() ? new Unresolved() : new Pages(pages);
                yield to(new Materials(r, app.withMaterial(p.material(), now), null, null), new Wipe(gone));
            }
            case Commit c when c.material() >= 0 && c.material() < ms.size() && !committable(ms.get(c.material())) ->
                    to(new Materials(r, app, "application.notCommittable", null));
            case Commit c when c.material() >= 0 && c.material() < ms.size() && !png(c.signaturePng()) ->
                    to(new Materials(r, app, "application.signatureMissing", null));
            case Commit c when c.material() >= 0 && c.material() < ms.size() -> {
                Material m = ms.get(c.material());
                Image signature = new Image(c.signaturePng());
                List<ApplicationEffect> effects = new ArrayList<>();
                effects.add(new Hold(signature));
                // Pages taken before the resident chose to commit instead are not sent: wipe them.
                pages(app, c.material()).forEach(pg -> effects.add(new Wipe(pg)));
                effects.add(new Log(true, "committed", null));
                Committed committed = new Committed(f.today().plusDays(m.missingDueDays()), f.now(), signature);
                yield new Next(new Materials(r, app.withMaterial(c.material(), committed), null, null), effects);
            }
            case ShowLicense sh when showable(ms, app, sh.material()) -> {
                java.time.Instant deadline = f.now().plus(SHOW_LICENSE_LIMIT);
                yield to(new ShowingLicense(r, app, sh.material(), deadline, false), new ApplicationEffect.AwaitShown(deadline),
                        new Log(true, "license-show", null));
            }
            case Uncommit u when u.material() >= 0 && u.material() < ms.size()
                    && app.materials().get(u.material()) instanceof Committed c ->
                    to(new Materials(r, app.withMaterial(u.material(), new Unresolved()), null, null), new Wipe(c.signature()));
            case MaterialsDone d -> {
                for (int i = 0; i < ms.size(); i++) {
                    if (app.materials().get(i) instanceof Unresolved) {
                        yield to(new Materials(r, app, null, f.text("application.materialMissing", ms.get(i).name())));
                    }
                }
                if (f.item().conditionsCommitment().isPresent()) {
                    yield toConditions(r, app, null);
                }
                yield toDelivery(r, app, f);
            }
            case Back b -> to(new FillingForm(r, app, Map.of(), List.of()));
            default -> Next.IGNORED;
        };
    }

    /** A material the camera may take pages of: a paper one, not already provided otherwise (免提交 stays so). */
    private static boolean capturable(List<Material> ms, Application app, int i) {
        if (i < 0 || i >= ms.size()) {
            return false;
        }
        Resolution r = app.materials().get(i);
        return r instanceof Unresolved || r instanceof Pages || r instanceof Committed;
    }

    /**
     * A material the resident may show from the government app (亮证): an e-license of the
     * catalogue not provided otherwise (not fetched under consent, not shared, not the form).
     */
    static boolean showable(List<Material> ms, Application app, int i) {
        return capturable(ms, app, i) && ms.get(i).eLicenseType() != null && !ms.get(i).eLicenseType().isBlank();
    }

    /**
     * 亮证: a code read is resolved at the centre once; a license of the material's type resolves
     * it (pages or a commitment given before are wiped), anything else is said on the materials
     * list. No code before the deadline, or the resident going back: the materials again.
     */
    private static Next showing(ShowingLicense s, ApplicationEvent event, Facts f) {
        Material m = f.item().materials().get(s.material());
        return switch (event) {
            case LicenseCodeRead c when !s.checking() -> to(new ShowingLicense(s.resident(), s.application(), s.material(),
                    s.deadline(), true), new ApplicationEffect.ResolveShown(s.resident(), c.payload()));
            case ShowTimedOut t when !s.checking() && t.deadline().equals(s.deadline()) ->
                    to(new Materials(s.resident(), s.application(), "application.showTimedOut", null),
                            new ApplicationEffect.LogShown(false, "TIMEOUT"));
            case Back b when !s.checking() -> to(new Materials(s.resident(), s.application(), null, null),
                    new ApplicationEffect.LogShown(false, "CANCELLED"));
            case ShownAnswered a when s.checking() && a.result() instanceof ApplicationPorts.Shown shown
                    && shown.license().type().equals(m.eLicenseType()) -> {
                List<ApplicationEffect> effects = new ArrayList<>();
                effects.add(new Hold(shown)); // its content lives as long as the visit
                Resolution before = s.application().materials().get(s.material());
                pages(s.application(), s.material()).forEach(pg -> effects.add(new Wipe(pg)));
                if (before instanceof Committed c) {
                    effects.add(new Wipe(c.signature()));
                }
                effects.add(new ApplicationEffect.LogShown(true, shown.license().type()));
                yield new Next(new Materials(s.resident(), s.application().withMaterial(s.material(),
                        new FromLicense(shown.license().licenseId())), null, null), effects);
            }
            case ShownAnswered a when s.checking() && a.result() instanceof ApplicationPorts.Shown shown ->
                    to(new Materials(s.resident(), s.application(), null, f.text("application.shownWrongType", m.name())),
                            new Wipe(shown), new ApplicationEffect.LogShown(false, "WRONG_TYPE"));
            case ShownAnswered a when s.checking() && a.result() instanceof ApplicationPorts.NotShown n ->
                    to(new Materials(s.resident(), s.application(), null,
                            n.message() != null ? n.message() : f.text("application.shownRefused")),
                            new ApplicationEffect.LogShown(false, n.reason()));
            case WorkFailed w when s.checking() -> to(new Materials(s.resident(), s.application(), null,
                    w.message() != null ? w.message() : f.text("service.failed")),
                    new ApplicationEffect.LogShown(false, "UNAVAILABLE"));
            default -> Next.IGNORED;
        };
    }

    /** 容缺 only where the catalogue allows the material to be missing, with its due-date offset. */
    static boolean committable(Material m) {
        return m.missingAllowed() && m.missingDueDays() != null;
    }

    private static List<Image> pages(Application app, int i) {
        return i >= 0 && i < app.materials().size() && app.materials().get(i) instanceof Pages p ? p.pages() : List.of();
    }

    /** A signature must be a PNG of bounded size (a drawing, not whatever a screen sent). */
    private static boolean png(byte[] b) {
        return b.length > 8 && b.length <= MAX_SIGNATURE_BYTES && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    /** Delivery where the item offers the post, else straight to the confirmation (window pickup). */
    private static Next toDelivery(Resident r, Application app, Facts f) {
        if (f.item().offersPostalDelivery()) {
            return to(new ChoosingDelivery(r, app, null));
        }
        return to(new Confirming(r, app.withDelivery(DeliveryChoice.WINDOW)));
    }

    /** The step before delivery: the 告知承诺 conditions where the item has them, else the materials. */
    private static Next beforeDelivery(Resident r, Application app, Facts f) {
        if (f.item().conditionsCommitment().isPresent()) {
            return toConditions(r, app, null);
        }
        return to(new Materials(r, app, null, null));
    }

    /**
     * To the 告知承诺 conditions, unsigned: a signature given before (the resident went back, or
     * fixed the form the centre named) is wiped; they sign again for what they now submit.
     */
    private static Next toConditions(Resident r, Application app, String messageKey) {
        if (app.conditions() == null) {
            return to(new AcceptingConditions(r, app, messageKey));
        }
        return to(new AcceptingConditions(r, app.withConditions(null), messageKey), new Wipe(app.conditions().signature()));
    }

    /** 告知承诺制: a drawn signature to the conditions moves on to delivery; a blank one is refused. */
    private static Next conditions(AcceptingConditions s, ApplicationEvent event, Facts f) {
        return switch (event) {
            case CommitConditions c when !png(c.signaturePng()) -> to(new AcceptingConditions(s.resident(), s.application(),
                    "application.signatureMissing"));
            case CommitConditions c -> {
                Image signature = new Image(c.signaturePng());
                Application app = s.application().withConditions(new SignedConditions(f.now(), signature));
                Next onward = toDelivery(s.resident(), app, f);
                List<ApplicationEffect> effects = new ArrayList<>();
                effects.add(new Hold(signature));
                effects.add(new Log(true, "conditions-signed", null));
                effects.addAll(onward.effects());
                yield new Next(onward.state(), effects);
            }
            case Back b -> to(new Materials(s.resident(), s.application(), null, null));
            default -> Next.IGNORED;
        };
    }

    private static Next delivery(ChoosingDelivery s, ApplicationEvent event, Facts f) {
        return switch (event) {
            case ChooseWindow w -> to(new Confirming(s.resident(), s.application().withDelivery(DeliveryChoice.WINDOW)));
            case ChoosePost p when !f.item().offersPostalDelivery() -> Next.IGNORED;
            case ChoosePost p when blank(p.regionCode()) || blank(p.region()) || blank(p.detail()) || blank(p.recipient()) ->
                    to(new ChoosingDelivery(s.resident(), s.application(), "application.addressMissing"));
            case ChoosePost p when !IdChecks.validMobileNumber(p.mobile()) ->
                    to(new ChoosingDelivery(s.resident(), s.application(), "application.mobileInvalid"));
            case ChoosePost p -> to(new Confirming(s.resident(), s.application().withDelivery(new DeliveryChoice(true,
                    p.regionCode().strip(), p.region().strip(), p.detail().strip(), p.recipient().strip(), p.mobile()))));
            case Back b -> beforeDelivery(s.resident(), s.application(), f);
            default -> Next.IGNORED;
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The 容缺 materials the resident committed to, with their due dates (for the receipt). */
    static List<Owed> owed(ItemDetail item, Application app) {
        List<Owed> out = new ArrayList<>();
        for (int i = 0; i < item.materials().size(); i++) {
            if (app.materials().get(i) instanceof Committed c) {
                out.add(new Owed(item.materials().get(i).name().zh(), c.dueDate(), c.signature()));
            }
        }
        return out;
    }

    /** The materials provided with the application, and how (for the receipt). */
    static List<Received> received(ItemDetail item, Application app) {
        List<Received> out = new ArrayList<>();
        for (int i = 0; i < item.materials().size(); i++) {
            Provided how = switch (app.materials().get(i)) {
                case FromLicense l -> Provided.E_LICENSE;
                case Shared x -> Provided.SHARED_DATA;
                case Pages p -> Provided.CAPTURED_PAGES;
                case ByForm x -> Provided.ELECTRONIC_FORM;
                case Committed c -> null;
                case Unresolved u -> null;
            };
            if (how != null) {
                out.add(new Received(item.materials().get(i).name().zh(), how));
            }
        }
        return out;
    }

    /** Wipes of the commitment signatures still held for the printed letters (the 告知承诺书's too, when not null). */
    private static List<ApplicationEffect> signatureWipes(List<Owed> owed, Image conditions) {
        List<ApplicationEffect> out = new ArrayList<>();
        if (conditions != null) {
            out.add(new Wipe(conditions));
        }
        for (Owed o : owed) {
            if (o.signature() != null) { // wiping twice is harmless; the transition stays pure
                out.add(new Wipe(o.signature()));
            }
        }
        return out;
    }

    private static Next failed(Resident r, Application app, WorkFailed w, Facts f) {
        // An unexpected failure has no words of its own: the resident still gets a reason.
        Text message = w.message() != null ? w.message() : f.text("service.failed");
        return to(new Failed(r, app, null, message, List.of(), w.retryable()), new Log(false, w.where(), w.retryable()));
    }

    /** The flow ends: every image it holds is wiped now (the visit wipes the rest at its end). */
    private static Next end(ApplicationState state, String why) {
        List<ApplicationEffect> effects = new ArrayList<>();
        Application app = switch (state) {
            case FillingForm s -> s.application();
            case Materials s -> s.application();
            case Capturing s -> s.application();
            case ShowingLicense s -> s.application();
            case AcceptingConditions s -> s.application();
            case ChoosingDelivery s -> s.application();
            case Confirming s -> s.application();
            case Submitting s -> s.application();
            case Failed s -> s.application();
            default -> null;
        };
        if (app != null) {
            app.images().forEach(i -> effects.add(new Wipe(i)));
        }
        switch (state) {
            // Accepted but the letters not (yet) printed: nobody is there to take them any more.
            case Printing s -> effects.addAll(signatureWipes(s.owed(), s.conditionsSignature()));
            case Done s -> effects.addAll(signatureWipes(s.owed(), s.conditionsSignature()));
            default -> { }
        }
        effects.add(new Log(true, why, null));
        return new Next(new Ended(), effects);
    }
}
