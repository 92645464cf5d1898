package org.zizhu.central;

import java.util.List;

/** Runs central-sim as its own process: the same arguments as {@code scripts/kiosk sim central}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(new SimCentralCommand().run(List.of(args), System.out, System.err));
    }
}
