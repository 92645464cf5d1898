/** Driver, status model and simulator for the printer device. */
package org.zizhu.device.printer;
