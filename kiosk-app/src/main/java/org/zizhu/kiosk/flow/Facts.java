package org.zizhu.kiosk.flow;

import java.time.LocalDate;
import java.util.List;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.i18n.Messages;

/**
 * What a transition may look at besides the state and the event, read once per event: the
 * date (card validity), whether the visit already ended, the item's rules, the message bundles.
 */
record Facts(String itemCode, String visitId, LocalDate today, boolean visitEnded, List<String> licenseTypes,
             long amountDue, Messages messages, boolean forEnterprise) {
    Facts {
        licenseTypes = List.copyOf(licenseTypes);
    }

    /** For a person's item ({@code forEnterprise}: an enterprise item, done for an enterprise the person acts for). */
    Facts(String itemCode, String visitId, LocalDate today, boolean visitEnded, List<String> licenseTypes, long amountDue,
          Messages messages) {
        this(itemCode, visitId, today, visitEnded, licenseTypes, amountDue, messages, false);
    }

    /** Resident text from the bundles, in every language. */
    Text text(String key) {
        return Text.of(messages, key);
    }
}
