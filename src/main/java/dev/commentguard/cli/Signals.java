package dev.commentguard.cli;

/** Reacting to SIGHUP, through the JDK's {@code sun.misc.Signal}, the only way Java offers. */
final class Signals {

    private Signals() {
    }

    /**
     * Runs {@code action} on each SIGHUP.
     *
     * @return false when SIGHUP cannot be handled: the platform has none (Windows), or the process was started with
     *         SIGHUP ignored ({@code nohup}), which the JVM leaves ignored
     */
    @SuppressWarnings("restriction")
    static boolean onHangUp(Runnable action) {
        try {
            // Where SIGHUP was ignored when the JVM started, the JVM keeps it ignored and answers SIG_IGN.
            return sun.misc.Signal.handle(new sun.misc.Signal("HUP"), s -> action.run()) != sun.misc.SignalHandler.SIG_IGN;
        } catch (IllegalArgumentException cannot) {
            return false;
        }
    }
}
