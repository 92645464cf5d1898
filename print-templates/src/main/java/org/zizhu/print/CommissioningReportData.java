package org.zizhu.print;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zizhu.print.internal.Req;

/**
 * The commissioning report on the receipt printer: the terminal, its software, each wizard step's
 * outcome, the devices bound by stable name and each device test. No personal data: lines are
 * device and step names with their results.
 */
public record CommissioningReportData(String terminalId, String softwareVersion, LocalDateTime finishedAt,
                                      List<Line> steps, List<Line> devices, List<Line> tests) implements TemplateData {
    /** One "name: value" line. */
    public record Line(String name, String value) {
        public Line {
            name = Req.text("name", name);
            value = Req.text("value", value);
        }
    }

    public CommissioningReportData {
        terminalId = Req.text("terminalId", terminalId);
        softwareVersion = Req.text("softwareVersion", softwareVersion);
        Req.present("finishedAt", finishedAt);
        steps = List.copyOf(Req.present("steps", steps));
        devices = List.copyOf(Req.present("devices", devices));
        tests = List.copyOf(Req.present("tests", tests));
    }

    @Override
    public String templateName() {
        return "commissioning-report";
    }

    @Override
    public Map<String, Object> toModel() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("terminalId", terminalId);
        m.put("softwareVersion", softwareVersion);
        m.put("finishedAt", Req.dateTime(finishedAt));
        m.put("steps", lines(steps));
        // An empty list leaves its section out ("when" is false for it).
        m.put("devices", lines(devices));
        m.put("tests", lines(tests));
        return m;
    }

    private static List<Map<String, Object>> lines(List<Line> l) {
        return l.stream().map(x -> Map.<String, Object>of("name", x.name(), "value", x.value())).toList();
    }
}
