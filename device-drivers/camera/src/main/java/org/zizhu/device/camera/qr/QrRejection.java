package org.zizhu.device.camera.qr;

/** Why a QR payload was not accepted as one of ours. Each has a resident-facing message. */
public enum QrRejection {
    EMPTY("二维码内容为空", "The QR code is empty"),
    TOO_LONG("二维码内容过长，不是本机可识别的二维码", "This QR code is too long to be one of ours"),
    BAD_CHARACTERS("二维码含有非法字符", "This QR code contains characters we do not accept"),
    FOREIGN("这不是政务服务二维码，请打开政务服务APP出示二维码", "This is not a government service QR code; please open the app and show its code"),
    UNKNOWN_KIND("不支持此类二维码", "This kind of QR code is not supported here"),
    UNSUPPORTED_VERSION("二维码版本不受支持，请更新APP", "QR code version not supported; please update the app"),
    MALFORMED("二维码格式错误，请刷新后重试", "QR code is damaged or malformed; please refresh it and try again");

    private final String zh;
    private final String en;

    QrRejection(String zh, String en) {
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
