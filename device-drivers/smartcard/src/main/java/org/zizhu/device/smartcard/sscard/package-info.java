/**
 * Social-security card (社保卡) public data: a small pluggable reader interface and one
 * implementation against an <strong>assumed</strong> file layout. The real 社保卡 layout and
 * its security mechanisms are specified by the Ministry of Human Resources and Social Security
 * and licensed to card and terminal vendors; it is not in this repository. A licensed
 * implementation plugs in behind {@link org.zizhu.device.smartcard.sscard.SocialSecurityCardReader}.
 */
package org.zizhu.device.smartcard.sscard;
