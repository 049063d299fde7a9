package org.compactbot.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small JDBC steps the stores' personal-data parts share: one statement, one argument. */
final class Sql {
    static final ObjectMapper JSON = new ObjectMapper();

    private Sql() {}

    /** Rows as column name to value, in column order; BLOBs are left out (files are listed by {@link #files}). */
    static List<Map<String, Object>> rows(Connection c, String sql, Object arg) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, arg);
            try (ResultSet rs = p.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        if (!(v instanceof byte[])) row.put(md.getColumnLabel(i), v);
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    /** Files (evidence, draft evidence) as exported: name, type, size, SHA-256, when received, and the content if asked. */
    static List<Map<String, Object>> files(Connection c, String sql, String owner, boolean withContent) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, owner);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    byte[] content = rs.getBytes("content");
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("name", rs.getString("name"));
                    f.put("type", rs.getString("type"));
                    f.put("bytes", rs.getLong("bytes"));
                    f.put("sha256", sha256(content == null ? new byte[0] : content));
                    f.put("received_at", rs.getString("received_at"));
                    if (withContent) f.put("content_base64", Base64.getEncoder().encodeToString(content == null ? new byte[0] : content));
                    out.add(f);
                }
            }
        }
        return out;
    }

    static List<String> strings(Connection c, String sql, String arg) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, arg);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    static List<Long> longs(Connection c, String sql, String arg) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, arg);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
        }
        return out;
    }

    static int count(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, arg);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    static int update(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, arg);
            return p.executeUpdate();
        }
    }

    /** A JSON object as a map, in its order; an unreadable one as {@code {"unreadable": json}}. */
    static Map<String, Object> parse(String json) {
        try {
            Map<String, Object> m = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
            return m == null ? new LinkedHashMap<>() : m;
        } catch (IOException e) {
            return new LinkedHashMap<>(Map.of("unreadable", json));
        }
    }

    static Instant instant(String s) {
        return instantOrEmpty(s).orElseThrow(() -> new IllegalStateException("unreadable time " + s));
    }

    static Optional<Instant> instantOrEmpty(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(Instant.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
