package org.zizhu.kiosk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md, checked on the main bytecode of every module
 * (this module's test classpath holds them all, central-sim included). A rule broken here is a
 * design decision to discuss, not a line to silence: fix the dependency.
 */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.zizhu");
    }

    /**
     * Each package is a slice, except that {@code x.internal} belongs to {@code x}: an internal
     * package is the private half of its feature package (the OkHttp layout: the public types
     * of {@code x} are built on {@code x.internal}, which speaks the public types back), split
     * only because Java has no package-private across packages. A cycle through any other
     * pair of packages fails.
     */
    private static final SliceAssignment PACKAGES_WITH_THEIR_INTERNALS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (!p.startsWith("org.zizhu")) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(p.endsWith(".internal") ? p.substring(0, p.length() - ".internal".length()) : p);
        }

        @Override
        public String getDescription() {
            return "packages of org.zizhu (x.internal counted with x)";
        }
    };

    /** The rules below would pass on nothing: make sure every module's main classes were read. */
    @Test
    void everyModuleIsImported() {
        for (String p : List.of("org.zizhu.events", "org.zizhu.device", "org.zizhu.device.idcard", "org.zizhu.device.printer.escpos",
                "org.zizhu.device.smartcard", "org.zizhu.device.camera", "org.zizhu.device.gpio", "org.zizhu.print",
                "org.zizhu.central", "org.zizhu.kiosk.ui", "org.zizhu.kiosk.flow")) {
            assertTrue(main.containPackage(p) && !main.getPackage(p).getClasses().isEmpty(), "no main classes read from " + p);
        }
    }

    @Test
    void noPackageCycleAnywhere() {
        slices().assignedFrom(PACKAGES_WITH_THEIR_INTERNALS).should().beFreeOfCycles().check(main);
    }

    @Test
    void screensDoNotTalkToDrivers() {
        noClasses().that().resideInAPackage("org.zizhu.kiosk.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.zizhu.device..")
                .because("the UI renders flow states; devices reach it only through the flow")
                .check(main);
    }

    @Test
    void screensDoNotCallTheCentreOrStorage() {
        noClasses().that().resideInAPackage("org.zizhu.kiosk.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.zizhu.kiosk.services..", "org.zizhu.kiosk.transaction..",
                        "org.zizhu.kiosk.central..", "org.zizhu.kiosk.outbox..", "org.zizhu.kiosk.db..",
                        "org.zizhu.kiosk.storage..", "org.zizhu.kiosk.enrol..")
                .because("a screen shows what the flow holds; calls to the centre and storage happen behind the flow's ports")
                .check(main);
    }

    @Test
    void flowsRunWithoutJavaFx() {
        noClasses().that().resideInAPackage("org.zizhu.kiosk.flow..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.zizhu.kiosk.ui..")
                .because("resident flows are state machines tested without a screen")
                .check(main);
    }

    @Test
    void flowsSeeDevicesAndTheCentreOnlyThroughTheirPorts() {
        noClasses().that().resideInAPackage("org.zizhu.kiosk.flow..")
                .should().dependOnClassesThat().resideInAnyPackage("org.zizhu.device..", "org.zizhu.print..",
                        "org.zizhu.kiosk.devices..", "org.zizhu.kiosk.transaction..", "org.zizhu.kiosk.services..",
                        "org.zizhu.kiosk.central..", "org.zizhu.kiosk.outbox..", "org.zizhu.kiosk.printing..",
                        "org.zizhu.kiosk.runtime..", "org.zizhu.kiosk.db..", "org.zizhu.kiosk.storage..")
                .because("ui -> flow -> ports -> drivers: a flow calls the port interfaces it declares, which the adapters implement")
                .check(main);
    }

    @Test
    void driversKnowNothingOfTemplatesOrTheKiosk() {
        noClasses().that().resideInAPackage("org.zizhu.device..")
                .should().dependOnClassesThat().resideInAnyPackage("org.zizhu.print..", "org.zizhu.kiosk..", "org.zizhu.central..")
                .because("a driver takes rendered jobs and reports typed status; it is usable by any application")
                .check(main);
    }

    @Test
    void printTemplatesRenderForThePrinterDriverOnly() {
        noClasses().that().resideInAPackage("org.zizhu.print..")
                .should().dependOnClassesThat().resideInAnyPackage("org.zizhu.kiosk..", "org.zizhu.central..",
                        "org.zizhu.device.idcard..", "org.zizhu.device.camera..", "org.zizhu.device.gpio..", "org.zizhu.device.smartcard..")
                .because("templates render documents and ESC/POS jobs for the printer driver (that one way), for any application")
                .check(main);
    }

    @Test
    void nothingButTheSimulatorUsesTheSimulatedCentre() {
        noClasses().that().resideOutsideOfPackage("org.zizhu.central..")
                .should().dependOnClassesThat().resideInAPackage("org.zizhu.central..")
                .because("central-sim is a runtime/test dependency only; the kiosk speaks to any centre through the contract")
                .check(main);
    }

    @Test
    void theSimulatedCentreDoesNotUseTheKioskOrDrivers() {
        noClasses().that().resideInAPackage("org.zizhu.central..")
                .should().dependOnClassesThat().resideInAnyPackage("org.zizhu.kiosk..", "org.zizhu.device..")
                .check(main);
    }

    @Test
    void theKioskVerifiesAndRendersSealedDocumentsButNeverMakesThem() {
        noClasses().that().resideInAPackage("org.zizhu.kiosk..")
                .should().dependOnClassesThat().resideInAPackage("org.zizhu.ofd.issue..")
                .because("issuing and sealing is the centre's; a terminal holding an issuing body's key could forge e-licenses")
                .check(main);
    }
}
