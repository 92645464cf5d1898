/**
 * The camera: {@link org.zizhu.device.camera.Camera} is what the kiosk holds (frames and the
 * common device status), {@link org.zizhu.device.camera.CameraFrameSource} implements it on an
 * ffmpeg process. QR reading in {@code qr}, face capture in {@code face} (both return reasons,
 * never resident text), drawn scenes and the simulated-mode factory in {@code sim}.
 */
package org.zizhu.device.camera;
