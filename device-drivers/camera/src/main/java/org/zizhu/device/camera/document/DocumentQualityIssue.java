package org.zizhu.device.camera.document;

/**
 * Why a document-camera frame does not give a usable page: a reason, not text. The kiosk words it
 * for the resident from its message bundles ({@code device.document.<name>}); {@link #description()}
 * is English for technicians (tools, logs). Listed in the order they are checked.
 */
public enum DocumentQualityIssue {
    TOO_DARK("Too dark to read the page; check the document camera's light"),
    NO_PAGE("No page found; place the material flat in the marked area"),
    PAGE_CUT_OFF("The page runs out of the camera's view; move it into the marked area"),
    PAGE_TOO_SMALL("The material is too small in the picture to be read"),
    BLURRED("The page is blurred (moved, lifted or out of focus); hold it flat and still"),
    /** Judged across frames by {@link DocumentCapture}: the outline kept moving until the deadline. */
    PAGE_MOVING("The page kept moving; let go of it and wait a moment");

    private final String description;

    DocumentQualityIssue(String description) {
        this.description = description;
    }

    /** English for technicians (diag and sim tools); residents get the kiosk's bundle text. */
    public String description() {
        return description;
    }
}
