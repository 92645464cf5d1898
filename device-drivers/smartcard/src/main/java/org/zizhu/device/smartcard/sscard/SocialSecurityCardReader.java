package org.zizhu.device.smartcard.sscard;

import org.zizhu.device.smartcard.CardSession;
import org.zizhu.device.smartcard.SmartCardException;

/**
 * Reads a social-security card's public fields from the card in a session. Implementations
 * decide the card layout (the licensed 人社部 layout, or {@link AssumedLayoutSocialSecurityCardReader}
 * for the simulator). Malformed or foreign cards give a {@link SmartCardException}
 * (STATUS_WORD or MALFORMED_RESPONSE), never a partial result.
 */
public interface SocialSecurityCardReader {
    SocialSecurityCardInfo read(CardSession session) throws SmartCardException;
}
