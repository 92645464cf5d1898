package org.zizhu.print;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zizhu.print.internal.Req;

/**
 * 办事指南: every element article 9 of the standardisation regulation requires, in its order.
 * Item codes are opaque strings of at most 50 characters (they differ by province).
 */
public record ItemGuideData(String name, String code, String type, String legalBasis, String implementingBody,
                            String acceptanceConditions, String serviceObject, String statutoryLimit,
                            String promisedLimit, String resultName, String resultSample, String fee, String feeBasis,
                            List<GuideMaterial> materials, String missingMaterialAcceptance, List<String> process,
                            String channels, String reviewCriteria, String scope, String appointment,
                            String onlinePayment, String delivery, String place, String hours, String enquiries,
                            String complaints, String guideUrl) implements TemplateData {
    public ItemGuideData {
        name = Req.text("name", name);
        code = Req.text("code", code);
        if (code.length() > 50) {
            throw new TemplateDataException("code", "longer than 50 characters");
        }
        type = Req.text("type", type);
        legalBasis = Req.text("legalBasis", legalBasis);
        implementingBody = Req.text("implementingBody", implementingBody);
        acceptanceConditions = Req.text("acceptanceConditions", acceptanceConditions);
        serviceObject = Req.text("serviceObject", serviceObject);
        statutoryLimit = Req.text("statutoryLimit", statutoryLimit);
        promisedLimit = Req.text("promisedLimit", promisedLimit);
        resultName = Req.text("resultName", resultName);
        resultSample = Req.text("resultSample", resultSample);
        fee = Req.text("fee", fee);
        feeBasis = Req.text("feeBasis", feeBasis);
        materials = Req.list("materials", materials);
        missingMaterialAcceptance = Req.text("missingMaterialAcceptance", missingMaterialAcceptance);
        process = Req.list("process", process);
        if (process.isEmpty()) {
            throw new TemplateDataException("process", "needs at least one step");
        }
        for (int i = 0; i < process.size(); i++) {
            Req.text("process[" + i + "]", process.get(i));
        }
        channels = Req.text("channels", channels);
        reviewCriteria = Req.text("reviewCriteria", reviewCriteria);
        scope = Req.text("scope", scope);
        appointment = Req.text("appointment", appointment);
        onlinePayment = Req.text("onlinePayment", onlinePayment);
        delivery = Req.text("delivery", delivery);
        place = Req.text("place", place);
        hours = Req.text("hours", hours);
        enquiries = Req.text("enquiries", enquiries);
        complaints = Req.text("complaints", complaints);
        guideUrl = Req.url("guideUrl", guideUrl);
    }

    @Override
    public String templateName() {
        return "item-guide";
    }

    @Override
    public Map<String, Object> toModel() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("code", code);
        m.put("type", type);
        m.put("legalBasis", legalBasis);
        m.put("implementingBody", implementingBody);
        m.put("acceptanceConditions", acceptanceConditions);
        m.put("serviceObject", serviceObject);
        m.put("statutoryLimit", statutoryLimit);
        m.put("promisedLimit", promisedLimit);
        m.put("resultName", resultName);
        m.put("resultSample", resultSample);
        m.put("fee", fee);
        m.put("feeBasis", feeBasis);
        List<Object> mats = new ArrayList<>();
        for (int i = 0; i < materials.size(); i++) {
            Map<String, Object> mm = materials.get(i).toModel();
            mm.put("no", String.valueOf(i + 1));
            mats.add(mm);
        }
        m.put("materials", mats);
        m.put("missingMaterialAcceptance", missingMaterialAcceptance);
        List<Object> steps = new ArrayList<>();
        for (int i = 0; i < process.size(); i++) {
            steps.add(Map.of("no", String.valueOf(i + 1), "step", process.get(i)));
        }
        m.put("process", steps);
        m.put("channels", channels);
        m.put("reviewCriteria", reviewCriteria);
        m.put("scope", scope);
        m.put("appointment", appointment);
        m.put("onlinePayment", onlinePayment);
        m.put("delivery", delivery);
        m.put("place", place);
        m.put("hours", hours);
        m.put("enquiries", enquiries);
        m.put("complaints", complaints);
        m.put("guideUrl", guideUrl);
        return m;
    }
}
