/** Driver, status model and simulator for the gpio device. */
package org.zizhu.device.gpio;
