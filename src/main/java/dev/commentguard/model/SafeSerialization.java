package dev.commentguard.model;

import dev.commentguard.ModelFileException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * Java serialisation of Weka classifiers, read back only through an allow-list, so that a model file
 * from somewhere else cannot make us build objects of arbitrary classes (the classic gadget chains go
 * through {@code java.net.URL}, reflection, or collections libraries; none of them is allowed).
 */
final class SafeSerialization {

    /**
     * Weka's own classes, the few JDK value and collection types its classifiers hold, and arrays of
     * those and of primitives. Everything else is rejected before it is constructed.
     */
    static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=100;maxrefs=50000000;maxarray=400000000;"
                    + "weka.**;de.bwaldvogel.liblinear.**;no.uib.cipr.matrix.**;dev.commentguard.model.CalibratedLogistic;dev.commentguard.model.OnlineLogistic;"
                    + "java.lang.String;java.lang.Number;java.lang.Integer;java.lang.Long;java.lang.Double;java.lang.Float;"
                    + "java.lang.Boolean;java.lang.Short;java.lang.Byte;java.lang.Character;java.lang.Enum;java.lang.Object;"
                    + "java.util.ArrayList;java.util.LinkedList;java.util.Vector;java.util.HashMap;java.util.LinkedHashMap;"
                    + "java.util.Hashtable;java.util.HashSet;java.util.LinkedHashSet;java.util.TreeMap;java.util.Random;"
                    + "java.util.Collections$*;java.util.Arrays$ArrayList;java.util.BitSet;java.util.Map$Entry;"
                    + "!*");

    private SafeSerialization() {
    }

    static byte[] serialize(Serializable object) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException("could not serialise " + object.getClass().getName(), e);
        }
        return bytes.toByteArray();
    }

    /** Reads one object of type {@code type}; any class outside the allow-list fails before it is built. */
    static <T> T deserialize(byte[] bytes, Class<T> type, String source) throws ModelFileException {
        String[] rejected = new String[1];
        ObjectInputFilter recording = info -> {
            ObjectInputFilter.Status status = ALLOWED.checkInput(info);
            if (status == ObjectInputFilter.Status.REJECTED && rejected[0] == null) {
                rejected[0] = info.serialClass() != null ? "class " + info.serialClass().getName()
                        : "a stream over the limits (depth " + info.depth() + ", references " + info.references()
                        + ", array length " + info.arrayLength() + ")";
            }
            return status;
        };
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(recording);
            Object o = in.readObject();
            if (!type.isInstance(o)) {
                throw new ModelFileException(source + ": the classifier section holds a "
                        + o.getClass().getName() + ", not a " + type.getName());
            }
            return type.cast(o);
        } catch (InvalidClassException e) {
            throw new ModelFileException(source + ": refused to load " + (rejected[0] != null ? rejected[0] : e.getMessage())
                    + ", which is outside the allow-list; the file was not written by CommentGuard or has been tampered with", e);
        } catch (ClassNotFoundException e) {
            throw new ModelFileException(source + ": the classifier needs class " + e.getMessage()
                    + ", which this version of CommentGuard does not have", e);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(source + ": the classifier section cannot be read (" + e + ")", e);
        }
    }
}
