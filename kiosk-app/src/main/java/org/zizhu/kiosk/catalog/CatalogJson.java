package org.zizhu.kiosk.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.zizhu.kiosk.catalog.CatalogModel.Index;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.catalog.CatalogModel.ItemSummary;
import org.zizhu.kiosk.catalog.CatalogModel.Material;
import org.zizhu.kiosk.catalog.CatalogModel.ProcessStep;
import org.zizhu.kiosk.i18n.Text;

/**
 * Turns the centre's catalogue JSON into model values and refuses anything incomplete: a
 * guide missing an element must not reach the screen, because a resident would act on it.
 */
public final class CatalogJson {
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, false)
            // "5" for a string or 1 for a boolean is a broken centre, not something to guess at.
            .configure(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS, false);

    private CatalogJson() {
    }

    /** Thrown for catalogue data that is malformed or incomplete. */
    public static final class InvalidCatalogException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidCatalogException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static Index index(JsonNode node) throws InvalidCatalogException {
        Index idx;
        try {
            idx = JSON.treeToValue(node, Index.class);
        } catch (Exception e) {
            throw new InvalidCatalogException("catalogue index is malformed: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        if (blank(idx.version()) || idx.version().length() > 100) {
            problems.add("version");
        }
        if (blank(idx.generatedAt())) {
            problems.add("generatedAt");
        }
        // An empty catalogue is never a valid update: taking it would wipe the terminal's guides.
        if (idx.items().isEmpty() || idx.groups().isEmpty()) {
            problems.add("no items or no groups");
        }
        Set<String> codes = new HashSet<>();
        for (ItemSummary s : idx.items()) {
            if (!validCode(s.code()) || !codes.add(s.code())) {
                problems.add("item code " + s.code());
            }
            if (s.name() == null || !s.name().complete() || s.audience() == null || blank(s.revision())) {
                problems.add("summary of " + s.code());
            }
        }
        for (CatalogModel.Group g : idx.groups()) {
            if (blank(g.id()) || g.name() == null || !g.name().complete() || g.audience() == null) {
                problems.add("group " + g.id());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException("catalogue index incomplete: " + problems, null);
        }
        return idx;
    }

    public static ItemDetail item(JsonNode node) throws InvalidCatalogException {
        ItemDetail d;
        try {
            d = JSON.treeToValue(node, ItemDetail.class);
        } catch (Exception e) {
            throw new InvalidCatalogException("item is malformed: " + e.getMessage(), e);
        }
        List<String> missing = missingElements(d);
        if (!missing.isEmpty()) {
            throw new InvalidCatalogException("item " + d.code() + " lacks guide elements " + missing, null);
        }
        return d;
    }

    /** The names of guide elements that are absent or empty. */
    public static List<String> missingElements(ItemDetail d) {
        List<String> m = new ArrayList<>();
        if (!validCode(d.code())) {
            m.add("code");
        }
        check(m, "name", d.name());
        check(m, "type", d.type());
        check(m, "audienceText", d.audienceText());
        if (d.audience() == null) {
            m.add("audience");
        }
        check(m, "legalBasis", d.legalBasis());
        check(m, "implementingBody", d.implementingBody());
        check(m, "acceptanceConditions", d.acceptanceConditions());
        if (d.statutoryTimeLimit() == null || !ok(d.statutoryTimeLimit().text())) {
            m.add("statutoryTimeLimit");
        }
        if (d.promisedTimeLimit() == null || !ok(d.promisedTimeLimit().text())) {
            m.add("promisedTimeLimit");
        }
        check(m, "resultName", d.resultName());
        check(m, "resultSample", d.resultSample());
        if (d.fee() == null || !ok(d.fee().standard()) || !ok(d.fee().basis())) {
            m.add("fee");
        }
        for (Material mat : d.materials()) {
            if (mat == null || !ok(mat.name()) || mat.kind() == null || !ok(mat.sample()) || !ok(mat.electronicForm())
                    || !ok(mat.source()) || !ok(mat.format())) {
                m.add("materials");
                break;
            }
        }
        if (d.missingMaterialAcceptance() == null || !ok(d.missingMaterialAcceptance().text())) {
            m.add("missingMaterialAcceptance");
        }
        if (d.process().isEmpty()) {
            m.add("process");
        } else {
            Set<String> ids = new HashSet<>();
            d.process().forEach(s -> ids.add(s == null ? null : s.id()));
            for (ProcessStep s : d.process()) {
                if (s == null || blank(s.id()) || !ok(s.name()) || !ok(s.actor()) || !ok(s.description())
                        || !ids.containsAll(s.next())) {
                    m.add("process");
                    break;
                }
            }
        }
        check(m, "channels", d.channels());
        check(m, "reviewCriteria", d.reviewCriteria());
        check(m, "scopeText", d.scopeText());
        if (d.appointment() == null || !ok(d.appointment().text())) {
            m.add("appointment");
        }
        if (d.onlinePayment() == null || !ok(d.onlinePayment().text())) {
            m.add("onlinePayment");
        }
        if (d.delivery() == null || !ok(d.delivery().text())) {
            m.add("delivery");
        }
        check(m, "place", d.place());
        check(m, "hours", d.hours());
        check(m, "enquiries", d.enquiries());
        check(m, "complaints", d.complaints());
        if (blank(d.guideUrl()) || !(d.guideUrl().startsWith("https://") || d.guideUrl().startsWith("http://")) || d.guideUrl().length() > 500) {
            m.add("guideUrl");
        }
        return m;
    }

    static boolean validCode(String code) {
        return code != null && !code.isBlank() && code.length() <= 50;
    }

    private static void check(List<String> m, String name, Text t) {
        if (!ok(t)) {
            m.add(name);
        }
    }

    private static boolean ok(Text t) {
        return t != null && t.complete();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
