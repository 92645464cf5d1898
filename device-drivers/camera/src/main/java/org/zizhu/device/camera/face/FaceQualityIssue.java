package org.zizhu.device.camera.face;

/** Why a frame is not good enough for face verification, with what the resident should do. */
public enum FaceQualityIssue {
    TOO_DARK("光线太暗，请靠近屏幕", "Too dark, please move closer to the screen"),
    TOO_BRIGHT("光线太强，请避开强光或稍微后退", "Too bright, please avoid strong light or step back a little"),
    NO_FACE("未检测到人脸，请正对摄像头", "No face found, please look straight at the camera"),
    FACE_TOO_SMALL("请靠近一些，让面部充满取景框", "Please come closer so your face fills the frame"),
    BLURRED("画面模糊，请保持不动", "The picture is blurred, please hold still");

    private final String zh;
    private final String en;

    FaceQualityIssue(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String messageZh() {
        return zh;
    }

    public String messageEn() {
        return en;
    }
}
