/** Driver, status model and simulator for the smartcard device. */
package org.zizhu.device.smartcard;
