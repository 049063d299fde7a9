package org.compactbot.cases;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reading one YAML file's nodes with messages that name the file and line ({@code config/mediators.yml line 7: ...}):
 * the helpers the parts of {@link MediatorDirectoryLoader} share.
 */
abstract class YamlNodes {
    static final Pattern AREA_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final List<String> ABSENCE_KEYS = List.of("from", "to");

    final String file;

    YamlNodes(String file) {
        this.file = file;
    }

/** The mapping's entries by key, refusing duplicate and unknown keys. */
    Map<String, Node> fields(MappingNode map, String prefix, List<String> allowed) throws MediatorConfigException {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String k = key(t, prefix);
            if (!allowed.contains(k)) {
                String where = prefix.isEmpty() ? " at the top level" : "";
                throw fail(t.getKeyNode(), prefix + "unknown key '" + k + "'" + where + " (expected " + String.join(", ", allowed) + ")");
            }
            if (out.containsKey(k)) throw fail(t.getKeyNode(), prefix + "duplicate key '" + k + "'");
            out.put(k, t.getValueNode());
        }
        return out;
    }

    String key(NodeTuple t, String prefix) throws MediatorConfigException {
        if (!(t.getKeyNode() instanceof ScalarNode s)) throw fail(t.getKeyNode(), prefix + "a key must be a plain word");
        return s.getValue();
    }

    static Node valueOf(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) return t.getValueNode();
        }
        return null;
    }

    Node required(MappingNode map, Map<String, Node> f, String key, String prefix) throws MediatorConfigException {
        Node n = f.get(key);
        if (n == null) throw fail(map, prefix + "missing '" + key + "'");
        return n;
    }

    /** A required, non-empty single value. */
    String text(MappingNode map, Map<String, Node> f, String key, String prefix) throws MediatorConfigException {
        Node n = required(map, f, key, prefix);
        String v = scalar(n, prefix + key);
        if (v.isBlank()) throw fail(n, prefix + key + " is empty");
        return v.strip();
    }

    String scalar(Node n, String what) throws MediatorConfigException {
        if (!(n instanceof ScalarNode s)) throw fail(n, what + " must be a single value, not a list or mapping");
        return isNull(s) ? "" : s.getValue();
    }

    SequenceNode list(MappingNode map, Map<String, Node> f, String key, String prefix) throws MediatorConfigException {
        Node n = required(map, f, key, prefix);
        if (!(n instanceof SequenceNode s)) throw fail(n, prefix + key + " must be a list, e.g. [a, b]");
        return s;
    }

    LocalDate date(MappingNode map, Map<String, Node> f, String key, String prefix) throws MediatorConfigException {
        Node n = required(map, f, key, prefix);
        String v = scalar(n, prefix + key);
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw fail(n, prefix + key + " '" + v + "' is not a date (YYYY-MM-DD)");
        }
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode && Tag.NULL.equals(n.getTag());
    }

    static int line(Node n) {
        return n.getStartMark() == null ? 1 : n.getStartMark().getLine() + 1;
    }

    MediatorConfigException fail(Node n, String problem) {
        return fail(line(n), problem);
    }

    MediatorConfigException fail(int line, String problem) {
        return new MediatorConfigException(file + " line " + line + ": " + problem);
    }
}
