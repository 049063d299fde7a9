package org.compactbot.cases;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.compactbot.conversation.EmailAddress;
import org.compactbot.knowledge.PracticeCode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads config/mediators.yml into a {@link MediatorDirectory} and checks it. Every problem
 * names the file, the line and what is wrong, e.g.
 * {@code config/mediators.yml line 7: mediator 'm-funding': email 'morgan@' is not an email address}.
 */
public final class MediatorDirectoryLoader {
    private MediatorDirectoryLoader() {}

    private static final List<String> TOP_KEYS = List.of("mediators", "leads", "bodies");
    private static final List<String> BODY_KEYS = List.of("name", "aliases", "area", "contact");
    private static final List<String> MEDIATOR_KEYS = List.of(
            "id", "name", "email", "organisation", "areas", "specialisms", "capacity", "absent", "deputy");

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

    /** @throws MediatorConfigException with a message naming file, line and problem */
    public static MediatorDirectory load(Path file) throws MediatorConfigException {
        if (Files.isDirectory(file)) throw new MediatorConfigException(file + ": is a directory, not a mediators file");
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new MediatorConfigException(file + ": mediators file not found", e);
        } catch (CharacterCodingException e) {
            throw new MediatorConfigException(file + ": is not UTF-8 text", e);
        } catch (IOException e) {
            throw new MediatorConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** @throws MediatorConfigException with a message naming fileName, line and problem */
    public static MediatorDirectory parse(String yaml, String fileName) throws MediatorConfigException {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            throw new MediatorConfigException(syntaxError(e, fileName), e);
        } catch (YAMLException e) {
            throw new MediatorConfigException(fileName + ": not valid YAML: " + e.getMessage(), e);
        }
        return new Reading(fileName).directory(root);
    }

    /**
     * Where and what the YAML syntax error is. An unterminated quote or bracket is reported at
     * the line where it was opened, not at the end of the file.
     */
    private static String syntaxError(MarkedYAMLException e, String fileName) {
        Mark problemMark = e.getProblemMark();
        Mark contextMark = e.getContextMark();
        String problem = e.getProblem() == null ? "" : e.getProblem().trim();
        String context = e.getContext() == null ? "" : e.getContext().trim();
        boolean atEnd = problem.contains("end of stream");
        Mark where = atEnd && contextMark != null ? contextMark : problemMark != null ? problemMark : contextMark;
        StringBuilder m = new StringBuilder(fileName);
        if (where != null) m.append(" line ").append(where.getLine() + 1);
        m.append(": not valid YAML: ");
        if (where == contextMark && !context.isEmpty()) {
            m.append(context).append(", ").append(problem);
        } else {
            m.append(problem.isEmpty() ? context : problem);
            if (!context.isEmpty() && contextMark != null && !problem.isEmpty() && contextMark.getLine() != where.getLine()) {
                m.append(" (").append(context).append(" at line ").append(contextMark.getLine() + 1).append(')');
            }
        }
        return m.toString();
    }

    /** One pass over one file's nodes; knows the file name for messages. */
    private static final class Reading extends YamlNodes {
        Reading(String file) {
            super(file);
        }

        MediatorDirectory directory(Node root) throws MediatorConfigException {
            if (root == null || isNull(root)) {
                throw fail(1, "the file is empty; expected 'mediators:' with a list of mediators");
            }
            if (!(root instanceof MappingNode top)) {
                throw fail(root, "expected a mapping with 'mediators' (and optional 'leads') at the top level");
            }
            Map<String, Node> fields = fields(top, "", TOP_KEYS);
            Node list = fields.get("mediators");
            if (list == null) throw fail(top, "missing 'mediators' (a list of mediators)");
            if (!(list instanceof SequenceNode seq)) throw fail(list, "'mediators' must be a list (use [] for none)");

            List<Mediator> mediators = new ArrayList<>();
            Map<String, Integer> idLines = new HashMap<>();
            Map<String, Node> deputyNodes = new HashMap<>();
            int index = 0;
            for (Node item : seq.getValue()) {
                index++;
                Mediator m = mediator(item, index, idLines, deputyNodes);
                mediators.add(m);
            }
            deputies(mediators, deputyNodes);

            LeadsReading leads = new LeadsReading(file);
            leads.read(fields.get("leads"));
            List<PublicBody> bodies = new ArrayList<>();
            Node bodiesNode = fields.get("bodies");
            if (bodiesNode != null && !isNull(bodiesNode)) {
                if (!(bodiesNode instanceof SequenceNode bodyList)) {
                    throw fail(bodiesNode, "'bodies' must be a list of { name, aliases, area, contact }");
                }
                Map<String, Integer> nameLines = new HashMap<>();
                int n = 0;
                for (Node item : bodyList.getValue()) bodies.add(body(item, ++n, nameLines));
            }
            return new MediatorDirectory(mediators, leads.leads(), bodies, leads.processes());
        }

        private PublicBody body(Node item, int index, Map<String, Integer> nameLines) throws MediatorConfigException {
            String label = "body #" + index;
            if (!(item instanceof MappingNode map)) throw fail(item, label + " must be a mapping of " + String.join(", ", BODY_KEYS));
            Node nameNode = valueOf(map, "name");
            if (nameNode instanceof ScalarNode s && !isNull(s) && !s.getValue().isBlank()) label = "body '" + s.getValue().strip() + "'";
            String prefix = label + ": ";
            Map<String, Node> f = fields(map, prefix, BODY_KEYS);
            String name = text(map, f, "name", prefix);
            Integer first = nameLines.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), line(f.get("name")));
            if (first != null) throw fail(f.get("name"), prefix + "name '" + name + "' is already used at line " + first);
            String area = text(map, f, "area", prefix);
            if (!AREA_ID.matcher(area).matches()) throw fail(f.get("area"), prefix + "area '" + area + "' is not a lower-case id such as west-cheshire");
            List<String> aliases = new ArrayList<>();
            Node aliasNode = f.get("aliases");
            if (aliasNode != null && !isNull(aliasNode)) {
                if (!(aliasNode instanceof SequenceNode list)) throw fail(aliasNode, prefix + "aliases must be a list, e.g. [CWaC, the council]");
                for (Node a : list.getValue()) {
                    String alias = scalar(a, prefix + "alias").strip();
                    if (alias.isEmpty()) throw fail(a, prefix + "an alias is empty");
                    aliases.add(alias);
                }
            }
            AreaLead contact = null;
            Node contactNode = f.get("contact");
            if (contactNode != null && !isNull(contactNode)) {
                if (!(contactNode instanceof MappingNode c)) throw fail(contactNode, prefix + "contact must be a mapping { name, email }");
                Map<String, Node> cf = fields(c, prefix + "contact: ", LeadsReading.CONTACT_KEYS);
                String contactName = text(c, cf, "name", prefix + "contact: ");
                String email = text(c, cf, "email", prefix + "contact: ");
                if (!EmailAddress.isValid(email)) throw fail(cf.get("email"), prefix + "contact email '" + email + "' is not an email address");
                contact = new AreaLead(area, contactName, email);
            }
            return new PublicBody(name, aliases, area, contact);
        }

        /** Each deputy is another mediator of the file, who names no deputy of their own (deputies do not chain). */
        private void deputies(List<Mediator> mediators, Map<String, Node> deputyNodes) throws MediatorConfigException {
            Map<String, Mediator> byId = new LinkedHashMap<>();
            for (Mediator m : mediators) byId.put(m.id(), m);
            for (Mediator m : mediators) {
                if (m.deputy() == null) continue;
                Node at = deputyNodes.get(m.id());
                String prefix = "mediator '" + m.id() + "': ";
                if (m.deputy().equals(m.id())) throw fail(at, prefix + "cannot be their own deputy; name another mediator, or leave deputy out");
                Mediator d = byId.get(m.deputy());
                if (d == null) {
                    throw fail(at, prefix + "deputy '" + m.deputy() + "' is not a mediator in this file (ids: " + String.join(", ", byId.keySet()) + ")");
                }
                if (d.deputy() != null) {
                    throw fail(at, prefix + "deputy '" + d.id() + "' has a deputy of their own ('" + d.deputy() + "'); deputies do not chain: "
                            + "name a deputy who has none");
                }
            }
        }

        private Mediator mediator(Node item, int index, Map<String, Integer> idLines, Map<String, Node> deputyNodes) throws MediatorConfigException {
            String label = "mediator #" + index;
            if (!(item instanceof MappingNode map)) {
                throw fail(item, label + " must be a mapping of " + String.join(", ", MEDIATOR_KEYS));
            }
            Node idNode = valueOf(map, "id");
            if (idNode instanceof ScalarNode s && !isNull(s) && !s.getValue().isBlank()) {
                label = "mediator '" + s.getValue() + "'";
            }
            String prefix = label + ": ";
            Map<String, Node> f = fields(map, prefix, MEDIATOR_KEYS);

            String id = text(map, f, "id", prefix);
            if (id.chars().anyMatch(Character::isWhitespace)) throw fail(f.get("id"), prefix + "id '" + id + "' contains spaces");
            Integer firstLine = idLines.putIfAbsent(id, line(f.get("id")));
            if (firstLine != null) {
                throw fail(f.get("id"), prefix + "id '" + id + "' is already used at line " + firstLine);
            }
            String name = text(map, f, "name", prefix);
            String email = text(map, f, "email", prefix);
            if (!EmailAddress.isValid(email)) {
                throw fail(f.get("email"), prefix + "email '" + email + "' is not an email address");
            }
            String organisation = text(map, f, "organisation", prefix);

            List<String> areas = new ArrayList<>();
            SequenceNode areaList = list(map, f, "areas", prefix);
            if (areaList.getValue().isEmpty()) {
                throw fail(areaList, prefix + "areas is empty; list at least one area, e.g. [west-cheshire]");
            }
            for (Node a : areaList.getValue()) {
                String area = scalar(a, prefix + "area");
                if (!AREA_ID.matcher(area).matches()) {
                    throw fail(a, prefix + "area '" + area + "' is not a lower-case id such as west-cheshire");
                }
                areas.add(area);
            }

            List<String> specialisms = new ArrayList<>();
            for (Node s : list(map, f, "specialisms", prefix).getValue()) {
                String code = scalar(s, prefix + "specialism");
                if (PracticeCode.byId(code).isEmpty()) {
                    throw fail(s, prefix + "specialism '" + code + "' is not one of " + String.join(", ", PracticeCode.IDS));
                }
                specialisms.add(code);
            }

            Node capNode = required(map, f, "capacity", prefix);
            String cap = scalar(capNode, prefix + "capacity");
            int capacity;
            try {
                if (!WHOLE_NUMBER.matcher(cap).matches()) throw new NumberFormatException();
                capacity = Integer.parseInt(cap);
            } catch (NumberFormatException e) {
                throw fail(capNode, prefix + "capacity '" + cap + "' is not a whole number");
            }
            if (capacity < 1) throw fail(capNode, prefix + "capacity " + capacity + " must be at least 1");

            List<Mediator.Absence> absent = new ArrayList<>();
            Node absentNode = f.get("absent");
            if (absentNode != null && !isNull(absentNode)) {
                if (!(absentNode instanceof SequenceNode absences)) {
                    throw fail(absentNode, prefix + "absent must be a list of { from: YYYY-MM-DD, to: YYYY-MM-DD }");
                }
                for (Node a : absences.getValue()) absent.add(absence(a, prefix));
            }
            String deputy = null;
            Node deputyNode = f.get("deputy");
            if (deputyNode != null && !isNull(deputyNode)) {
                deputy = scalar(deputyNode, prefix + "deputy").strip();
                if (deputy.isEmpty()) throw fail(deputyNode, prefix + "deputy is empty; give a mediator's id, or leave deputy out");
                deputyNodes.put(id, deputyNode);
            }
            return new Mediator(id, name, email, organisation, areas, specialisms, capacity, absent, deputy);
        }

        private Mediator.Absence absence(Node node, String prefix) throws MediatorConfigException {
            if (!(node instanceof MappingNode map)) {
                throw fail(node, prefix + "each absence must be a mapping { from: YYYY-MM-DD, to: YYYY-MM-DD }");
            }
            String p = prefix + "absence: ";
            Map<String, Node> f = fields(map, p, ABSENCE_KEYS);
            LocalDate from = date(map, f, "from", p);
            LocalDate to = date(map, f, "to", p);
            if (to.isBefore(from)) throw fail(map, p + "from " + from + " is after to " + to);
            return new Mediator.Absence(from, to);
        }

    }
}
