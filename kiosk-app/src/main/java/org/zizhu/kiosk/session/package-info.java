/**
 * A resident's visit: the personal data it holds (wiped at the end) and the rating given for it.
 */
package org.zizhu.kiosk.session;
