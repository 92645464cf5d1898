package org.zizhu.kiosk.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import org.zizhu.kiosk.catalog.CatalogModel.ProcessStep;
import org.zizhu.kiosk.i18n.Language;

/**
 * The item's process drawn as a flow chart: steps in layers by their distance from the first
 * step (branches side by side), arrows for every "next". Unreachable steps go in a last layer
 * so nothing the centre sent is hidden.
 */
public final class FlowChartView extends Pane {
    static final double BOX_W = 260;
    static final double BOX_H = 96;
    static final double GAP_X = 40;
    static final double GAP_Y = 56;

    public FlowChartView(List<ProcessStep> steps, Language lang) {
        getStyleClass().add("flow-chart");
        Map<String, Integer> layer = layers(steps);
        Map<Integer, List<ProcessStep>> byLayer = new LinkedHashMap<>();
        for (ProcessStep s : steps) {
            byLayer.computeIfAbsent(layer.get(s.id()), k -> new ArrayList<>()).add(s);
        }
        int widest = byLayer.values().stream().mapToInt(List::size).max().orElse(1);
        double totalW = widest * BOX_W + (widest - 1) * GAP_X;
        Map<String, double[]> pos = new HashMap<>();
        int row = 0;
        for (int l : byLayer.keySet().stream().sorted().toList()) {
            List<ProcessStep> inLayer = byLayer.get(l);
            double rowW = inLayer.size() * BOX_W + (inLayer.size() - 1) * GAP_X;
            double x0 = (totalW - rowW) / 2;
            for (int i = 0; i < inLayer.size(); i++) {
                pos.put(inLayer.get(i).id(), new double[] {x0 + i * (BOX_W + GAP_X), row * (BOX_H + GAP_Y)});
            }
            row++;
        }
        for (ProcessStep s : steps) {
            double[] from = pos.get(s.id());
            for (String n : s.next()) {
                double[] to = pos.get(n);
                if (to != null) {
                    arrow(from[0] + BOX_W / 2, from[1] + BOX_H, to[0] + BOX_W / 2, to[1]);
                }
            }
        }
        int n = 1;
        for (ProcessStep s : steps) {
            double[] p = pos.get(s.id());
            Rectangle r = new Rectangle(BOX_W, BOX_H);
            r.setArcWidth(16);
            r.setArcHeight(16);
            r.setFill(Color.web("#e8f1fb"));
            r.setStroke(Color.web("#1f5fa8"));
            r.setStrokeWidth(2);
            Label text = new Label(n++ + ". " + s.name().in(lang) + "\n" + s.actor().in(lang));
            text.setWrapText(true);
            text.setAlignment(Pos.CENTER);
            text.setMaxWidth(BOX_W - 16);
            text.getStyleClass().add("flow-step-text");
            StackPane box = new StackPane(r, text);
            box.setId("flow-step-" + s.id());
            box.setLayoutX(p[0]);
            box.setLayoutY(p[1]);
            getChildren().add(box);
        }
        setPrefSize(totalW, Math.max(1, row) * (BOX_H + GAP_Y) - GAP_Y);
        setMinSize(totalW, Math.max(1, row) * (BOX_H + GAP_Y) - GAP_Y);
    }

    /** Layer of each step: shortest distance from the first step; unreachable ones after the rest. */
    static Map<String, Integer> layers(List<ProcessStep> steps) {
        Map<String, Integer> layer = new HashMap<>();
        Map<String, ProcessStep> byId = new HashMap<>();
        steps.forEach(s -> byId.putIfAbsent(s.id(), s));
        if (steps.isEmpty()) {
            return layer;
        }
        Deque<String> queue = new ArrayDeque<>();
        layer.put(steps.get(0).id(), 0);
        queue.add(steps.get(0).id());
        int max = 0;
        while (!queue.isEmpty()) {
            String id = queue.poll();
            int l = layer.get(id);
            max = Math.max(max, l);
            for (String n : byId.get(id).next()) {
                if (byId.containsKey(n) && !layer.containsKey(n)) {
                    layer.put(n, l + 1);
                    queue.add(n);
                }
            }
        }
        for (ProcessStep s : steps) {
            layer.putIfAbsent(s.id(), max + 1);
        }
        return layer;
    }

    private void arrow(double x1, double y1, double x2, double y2) {
        Line line = new Line(x1, y1, x2, y2 - 6);
        line.setStroke(Color.web("#1f5fa8"));
        line.setStrokeWidth(2);
        double angle = Math.atan2(y2 - y1, x2 - x1);
        double len = 14;
        Polygon head = new Polygon(
                x2, y2,
                x2 - len * Math.cos(angle - Math.PI / 8), y2 - len * Math.sin(angle - Math.PI / 8),
                x2 - len * Math.cos(angle + Math.PI / 8), y2 - len * Math.sin(angle + Math.PI / 8));
        head.setFill(Color.web("#1f5fa8"));
        getChildren().addAll(line, head);
    }
}
