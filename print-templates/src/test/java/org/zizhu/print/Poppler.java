package org.zizhu.print;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/** Runs poppler-utils on a PDF; a missing tool fails the test with the install command. */
public final class Poppler {
    private Poppler() {
    }

    public static String run(String... cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail(cmd[0] + " is missing: install poppler-utils (apt-get install -y poppler-utils; listed in scripts/packages.d/printer.txt)", e);
            throw e;
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(String.join(" ", cmd) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    public static String text(Path pdf) throws IOException, InterruptedException {
        return run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
    }

    /** Rows of pdffonts output after the two header lines. */
    public static List<String> fonts(Path pdf) throws IOException, InterruptedException {
        String[] lines = run("pdffonts", pdf.toString()).split("\n");
        List<String> rows = new ArrayList<>();
        for (int i = 2; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(lines[i]);
            }
        }
        return rows;
    }

    /** Renders page {@code page} (1-based) at {@code dpi} with pdftoppm. */
    public static BufferedImage render(Path pdf, int page, int dpi) throws IOException, InterruptedException {
        Path prefix = Files.createTempFile(pdf.getParent(), "page", "");
        run("pdftoppm", "-r", String.valueOf(dpi), "-f", String.valueOf(page), "-l", String.valueOf(page),
                "-png", "-singlefile", pdf.toString(), prefix.toString());
        Path png = Path.of(prefix + ".png");
        BufferedImage img = ImageIO.read(png.toFile());
        Files.deleteIfExists(png);
        Files.deleteIfExists(prefix);
        return img;
    }
}
