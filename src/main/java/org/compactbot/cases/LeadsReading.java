package org.compactbot.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.compactbot.conversation.EmailAddress;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The {@code leads:} part of config/mediators.yml: each area's Compact lead ({@code name}, {@code email}) and how the
 * area runs the process: {@code ask-body: on-accept|at-once} (when the body is asked for its formal response; on-accept
 * when left out) and {@code closed: [{ from, to }]} (the area's own closure days, which no timer counts); {@code digest: on|off} (whether the
 * lead gets the weekly digest, {@link SendingWeeklyDigests}; on when left out).
 */
final class LeadsReading extends YamlNodes {
    static final List<String> CONTACT_KEYS = List.of("name", "email");
    private static final List<String> LEAD_KEYS = List.of("name", "email", "ask-body", "closed", "digest");

    private final Map<String, AreaLead> leads = new LinkedHashMap<>();
    private final Map<String, AreaProcess> processes = new LinkedHashMap<>();

    LeadsReading(String file) {
        super(file);
    }

    Map<String, AreaLead> leads() {
        return leads;
    }

    Map<String, AreaProcess> processes() {
        return processes;
    }

    /** Reads the {@code leads:} node (null or empty: no leads). */
    void read(Node leadsNode) throws MediatorConfigException {
        if (leadsNode == null || isNull(leadsNode)) return;
        if (!(leadsNode instanceof MappingNode leadMap)) {
            throw fail(leadsNode, "'leads' must be a mapping of area to { name, email }");
        }
        for (NodeTuple t : leadMap.getValue()) {
            String area = key(t, "leads: ");
            if (leads.containsKey(area)) throw fail(t.getKeyNode(), "leads: duplicate area '" + area + "'");
            lead(area, t);
        }
    }

    private void lead(String area, NodeTuple t) throws MediatorConfigException {
        String prefix = "lead '" + area + "': ";
        if (!AREA_ID.matcher(area).matches()) {
            throw fail(t.getKeyNode(), prefix + "area '" + area + "' is not a lower-case id such as west-cheshire");
        }
        if (!(t.getValueNode() instanceof MappingNode map)) {
            throw fail(t.getValueNode(), prefix + "must be a mapping { name, email }");
        }
        Map<String, Node> f = fields(map, prefix, LEAD_KEYS);
        String name = text(map, f, "name", prefix);
        String email = text(map, f, "email", prefix);
        if (!EmailAddress.isValid(email)) {
            throw fail(f.get("email"), prefix + "email '" + email + "' is not an email address");
        }
        leads.put(area, new AreaLead(area, name, email, digest(f.get("digest"), prefix)));
        AreaProcess.AskBody ask = AreaProcess.AskBody.ON_ACCEPT;
        Node askNode = f.get("ask-body");
        if (askNode != null && !isNull(askNode)) {
            String v = scalar(askNode, prefix + "ask-body").strip();
            ask = AreaProcess.AskBody.byId(v).orElseThrow(() -> fail(askNode, prefix + "ask-body '" + v
                    + "' is not one of on-accept (ask the body when the mediator accepts) or at-once (ask as soon as the case is routed)"));
        }
        List<AreaProcess.Closure> closed = new ArrayList<>();
        Node closedNode = f.get("closed");
        if (closedNode != null && !isNull(closedNode)) {
            if (!(closedNode instanceof SequenceNode list)) {
                throw fail(closedNode, prefix + "closed must be a list of { from: YYYY-MM-DD, to: YYYY-MM-DD }");
            }
            for (Node c : list.getValue()) closed.add(closure(c, prefix));
        }
        processes.put(area, new AreaProcess(area, ask, closed));
    }

    /** {@code digest: on|off}, on when left out; anything else is refused with what it may be. */
    private boolean digest(Node node, String prefix) throws MediatorConfigException {
        if (node == null || isNull(node)) return true;
        String v = scalar(node, prefix + "digest").strip().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "on" -> true;
            case "off" -> false;
            default -> throw fail(node, prefix + "digest '" + v + "' is not one of on (the lead gets the weekly digest, the default) "
                    + "or off (no weekly digest)");
        };
    }

    private AreaProcess.Closure closure(Node node, String prefix) throws MediatorConfigException {
        if (!(node instanceof MappingNode map)) {
            throw fail(node, prefix + "each closure must be a mapping { from: YYYY-MM-DD, to: YYYY-MM-DD }");
        }
        String p = prefix + "closed: ";
        Map<String, Node> f = fields(map, p, ABSENCE_KEYS);
        LocalDate from = date(map, f, "from", p);
        LocalDate to = date(map, f, "to", p);
        if (to.isBefore(from)) throw fail(map, p + "from " + from + " is after to " + to);
        return new AreaProcess.Closure(from, to);
    }
}
