/** Driver, status model and simulator for the idcard device. */
package org.zizhu.device.idcard;
