/** Driver, status model and simulator for the camera device. */
package org.zizhu.device.camera;
