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
             long amountDue, Messages messages) {
    Facts {
        licenseTypes = List.copyOf(licenseTypes);
    }

    /** Resident text from the bundles, in every language. */
    Text text(String key) {
        return Text.of(messages, key);
    }
}
