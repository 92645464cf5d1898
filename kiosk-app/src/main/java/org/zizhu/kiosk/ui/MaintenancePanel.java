package org.zizhu.kiosk.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.zizhu.kiosk.flow.DeviceHealth;
import org.zizhu.kiosk.flow.MaintenanceView;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;

/** What a technician sees after unlocking: device health, link, catalogue, and actions. */
final class MaintenancePanel {
    private MaintenancePanel() {
    }

    static Node build(Language l, Messages msg, Screens screens, MaintenanceView view,
                      Runnable sync, Runnable resetTamper, Runnable exit) {
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
        actions.getChildren().add(screens.touchButton(msg.get(l, "maintenance.exit"), "maintenance-exit", exit));
        Label devTitle = new Label(msg.get(l, "maintenance.devices"));
        devTitle.getStyleClass().add("section");
        return new VBox(20, devTitle, devices, catalog, link, actions);
    }
}
