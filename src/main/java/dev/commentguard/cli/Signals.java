package dev.commentguard.cli;

/** Reacting to SIGHUP, through the JDK's {@code sun.misc.Signal}, the only way Java offers. */
final class Signals {

    private Signals() {
    }

    /** Runs {@code action} on each SIGHUP; does nothing where the platform has no SIGHUP. */
    @SuppressWarnings("restriction")
    static void onHangUp(Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), s -> action.run());
        } catch (IllegalArgumentException noSuchSignal) {
            // Windows: reload with POST /admin/reload instead
        }
    }
}
