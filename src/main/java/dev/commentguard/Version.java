package dev.commentguard;

/** Versions recorded in model manifests. */
public final class Version {

    private Version() {
    }

    /** CommentGuard's version from the jar manifest, or {@code dev} when run from classes. */
    public static String project() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public static String weka() {
        return weka.core.Version.VERSION;
    }

    public static String java() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    }
}
