package org.zizhu.kiosk.ui;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;

/**
 * The wizard's detail lines in the technician's language. The commissioning code words its
 * findings and test outcomes as short English tags ("in use, answering", "no-card",
 * "CUPS queues: a, b"), which is also what the centre's report carries; this table turns the
 * ones a technician reads into sentences, keeping protocol facts (a DLE EOT status byte, the
 * SAM's status, a picture's size) as they are. A tag not listed is shown unchanged, so a new one
 * is never hidden, only untranslated.
 */
final class CommissioningDetails {
    private record Rule(Pattern pattern, String key) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("in use, answering"), "commission.detail.inUseAnswering"),
            new Rule(Pattern.compile("in use, simulated"), "commission.detail.inUseSimulated"),
            new Rule(Pattern.compile("CUPS queues: (.*)"), "commission.detail.cupsQueues"),
            new Rule(Pattern.compile("V4L2 node"), "commission.detail.v4l2"),
            new Rule(Pattern.compile("pin map (.*)"), "commission.detail.pinMap"),
            new Rule(Pattern.compile("printed (\\d+) bytes"), "commission.detail.printed"),
            new Rule(Pattern.compile("button-pressed, lamp lit"), "commission.detail.buttonAndLamp"),
            new Rule(Pattern.compile("no-button-press"), "commission.detail.noButtonPress"),
            new Rule(Pattern.compile("no-device"), "commission.detail.noDevice"),
            new Rule(Pattern.compile("no-card"), "commission.detail.noCard"),
            new Rule(Pattern.compile("no-frame"), "commission.detail.noFrame"),
            new Rule(Pattern.compile("interrupted"), "commission.detail.interrupted"),
            new Rule(Pattern.compile("card-read"), "commission.detail.cardRead"),
            new Rule(Pattern.compile("technician card read at login"), "commission.detail.technicianCard"));

    private CommissioningDetails() {
    }

    static String text(Messages msg, Language l, String detail) {
        if (detail == null) {
            return "";
        }
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(detail);
            if (m.matches() && msg.has(Language.ZH, r.key())) {
                return m.groupCount() == 0 ? msg.get(l, r.key()) : msg.format(l, r.key(), m.group(1));
            }
        }
        return detail;
    }
}
