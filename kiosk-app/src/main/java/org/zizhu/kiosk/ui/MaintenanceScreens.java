package org.zizhu.kiosk.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import org.zizhu.kiosk.flow.DeviceHealth;
import org.zizhu.kiosk.flow.MaintenanceFlow;
import org.zizhu.kiosk.flow.MaintenanceView;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;

/**
 * The technician's screens (the PIN keypad, then the panel of device health, link, catalogue
 * and actions) and the out-of-service screen a tamper alarm or a failed start-up leaves.
 */
final class MaintenanceScreens {
    private final Messages msg;
    private final Screens screens;

    MaintenanceScreens(Messages msg, Screens screens) {
        this.msg = msg;
        this.screens = screens;
    }

    /** What a technician sees after unlocking: device health, link, catalogue, and actions. */
    Node panel(Language l, MaintenanceView view,
                      Runnable sync, Runnable resetTamper, Runnable exit) {
        return panel(l, view, sync, resetTamper, null, exit);
    }

    /** {@code commission}: opens the commissioning wizard's menu (null on a kiosk without it). */
    Node panel(Language l, MaintenanceView view,
                      Runnable sync, Runnable resetTamper, Runnable commission, Runnable exit) {
        GridPane devices = new GridPane();
        devices.setId("maintenance-devices");
        devices.setHgap(32);
        devices.setVgap(8);
        int row = 0;
        for (DeviceHealth t : view.devices()) {
            Label name = new Label(t.deviceId());
            Label status = new Label(t.status() + (t.detail().isEmpty() ? "" : " (" + t.detail() + ")"));
            status.setId("device-status-" + t.deviceId());
            status.getStyleClass().add(t.usable() ? "device-ok" : "device-bad");
            devices.add(name, 0, row);
            devices.add(status, 1, row++);
        }
        Label catalog = new Label(String.format(msg.get(l, "maintenance.catalog"), view.catalogVersion(), view.catalogSize()));
        Label link = new Label(String.format(msg.get(l, "maintenance.link"), view.linkStatus()));
        HBox actions = new HBox(16, screens.touchButton(msg.get(l, "maintenance.sync"), "maintenance-sync", sync));
        if (view.canResetTamper()) {
            actions.getChildren().add(screens.touchButton(msg.get(l, "maintenance.resetTamper"), "maintenance-reset-tamper", resetTamper));
        }
        if (commission != null) {
            actions.getChildren().add(screens.touchButton(msg.get(l, "maintenance.commission"), "maintenance-commission", commission));
        }
        actions.getChildren().add(screens.touchButton(msg.get(l, "maintenance.exit"), "maintenance-exit", exit));
        Label devTitle = new Label(msg.get(l, "maintenance.devices"));
        devTitle.getStyleClass().add("section");
        return new VBox(20, devTitle, devices, catalog, link, actions);
    }

    Node outOfService(Language l, org.zizhu.kiosk.flow.KioskMode.OutOfService.Reason reason) {
        // A terminal waiting for its commissioning says so: "out of service" alone would send
        // staff looking for a fault.
        // An update says it will be back in a minute, so a resident may simply wait.
        String prefix = switch (reason) {
            case NOT_COMMISSIONED -> "outOfService.commissioning";
            case UPDATING -> "outOfService.updating";
            default -> "outOfService";
        };
        Label title = new Label(msg.get(l, prefix + ".title"));
        title.setId("out-of-service-title");
        title.getStyleClass().add("attract-title");
        Label text = new Label(msg.get(l, prefix + ".text"));
        text.getStyleClass().add("attract-hint");
        text.setWrapText(true);
        VBox box = new VBox(40, title, text);
        box.setId("screen-out-of-service");
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("out-of-service");
        return box;
    }

    /** Keypad for the technician PIN, or the maintenance panel once unlocked. */
    Node maintenance(Language l, MaintenanceFlow flow, Node panel) {
        MaintenanceFlow.View v = flow.view();
        Label title = new Label(msg.get(l, "maintenance.title"));
        title.getStyleClass().add("heading");
        if (v.step() == MaintenanceFlow.Step.OPEN) {
            return ServiceScreens.page("screen-maintenance", title, panel);
        }
        if (v.step() == MaintenanceFlow.Step.CHECKING) {
            return ServiceScreens.page("screen-maintenance-pin", title, ServiceScreens.big(msg.get(l, "maintenance.checking"), "maintenance-checking"));
        }
        Label prompt = new Label(msg.get(l, "maintenance.pin"));
        Label dots = new Label("●".repeat(v.pinLength()));
        dots.setId("pin-dots");
        dots.getStyleClass().add("pin-dots");
        Label error = new Label(l == Language.EN ? v.messageEn() : v.messageZh());
        error.setId("pin-message");
        error.getStyleClass().add("pin-error");
        javafx.scene.layout.GridPane pad = new javafx.scene.layout.GridPane();
        pad.setHgap(12);
        pad.setVgap(12);
        pad.setAlignment(Pos.CENTER);
        String keys = "123456789";
        for (int i = 0; i < 9; i++) {
            char c = keys.charAt(i);
            pad.add(screens.touchButton(String.valueOf(c), "pin-" + c, () -> flow.digit(c)), i % 3, i / 3);
        }
        pad.add(screens.touchButton(msg.get(l, "maintenance.clear"), "pin-back", flow::backspace), 0, 3);
        pad.add(screens.touchButton("0", "pin-0", () -> flow.digit('0')), 1, 3);
        pad.add(screens.touchButton(msg.get(l, "maintenance.ok"), "pin-ok", flow::submit), 2, 3);
        pad.getChildren().forEach(n -> ((Button) n).setPrefSize(120, 90));
        return ServiceScreens.page("screen-maintenance-pin", title, prompt, dots, error, pad);
    }
}
